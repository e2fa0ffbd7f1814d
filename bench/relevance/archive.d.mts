/** Types for archive.mjs (the unit tests import it). */
export interface ArticleMeta {
  readonly topic: string;
  readonly topic2: string | null;
  readonly actor: string | null;
  readonly mention: string | null;
  readonly country: string;
  readonly cities: readonly string[];
  readonly countries: readonly string[];
}
export interface ArchiveArticle {
  readonly id: string;
  readonly lang: 'en' | 'ar' | 'fa';
  readonly title: string;
  readonly source: string;
  readonly publishedAt: string;
  readonly tags: readonly string[];
  readonly text: string;
  readonly meta: ArticleMeta;
}
export declare const ARCHIVE_SEED: number;
export declare const COUNTS: { readonly en: number; readonly ar: number; readonly fa: number };
export declare function rng(seed: number): () => number;
export declare function generatedArticle(lang: 'en' | 'ar' | 'fa', i: number): ArchiveArticle;
export declare function generateArchive(counts?: { readonly en: number; readonly ar: number; readonly fa: number }): ArchiveArticle[];
