import type { Block, Direction } from '../../common/document.js';

/** A file handed to the importers: its name (for the extension and messages) and its bytes. */
export interface ExtractInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** A media type from the source (a browser upload, a paste), used only when the bytes and name say nothing. */
  readonly mediaTypeHint?: string;
}

/** What an importer makes of a file: metadata plus the body as editor blocks. Strings are NFC. */
export interface ExtractedArticle {
  readonly title: string;
  readonly byline: string | null;
  /** The publication or site name. */
  readonly source: string | null;
  readonly url: string | null;
  /** An ISO 8601 date (`2023-03-11`) or date-time in UTC (`2024-12-03T09:41:00.000Z`), or null. */
  readonly publishedAt: string | null;
  readonly tags: readonly string[];
  readonly blocks: readonly Block[];
  /** ISO 639-1 where one exists ('en', 'ar', 'fa'), else the ISO 639-3 code; null when undetectable. */
  readonly language: string | null;
  readonly direction: Direction;
  readonly mediaType: string;
}

/** Metadata an importer found before language detection and normalisation (index.ts finishes the job). */
export interface RawArticle {
  readonly title: string | null;
  readonly byline?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly publishedAt?: string | null;
  readonly tags?: readonly string[];
  readonly blocks: readonly Block[];
  /** A language the document declares about itself (`<html lang>`, DOCX/PDF metadata); detection wins on enough text. */
  readonly declaredLanguage?: string | null;
}

export type DocumentKind = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
