/** A real library in a temp folder, filled with the corpus fixtures (or any text), for search tests. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromPlainText } from '../../../electron/common/document.js';
import { addArticleTags } from '../../../electron/core/db/tags.js';
import type { Library } from '../../../electron/core/library.js';
import { insertTestArticle, type TempLibrary } from '../helpers/library.js';

export { tempLibrary } from '../helpers/library.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export type TestLibrary = TempLibrary;

let counter = 0;

export interface ArticleInput {
  readonly id?: string;
  readonly title: string;
  readonly text: string;
  readonly source?: string | null;
  readonly byline?: string | null;
  readonly language?: string | null;
  readonly publishedAt?: string | null;
  readonly tags?: readonly string[];
}

export function addArticle(library: Library, input: ArticleInput): string {
  const id = input.id ?? `art_test${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const rtl = input.language === 'ar' || input.language === 'fa';
  const direction = rtl ? 'rtl' : 'ltr';
  // The text is stored exactly as given (search tests quote it), and hashed with the id so that a test
  // may store the same text twice.
  insertTestArticle(library, {
    id,
    title: input.title,
    byline: input.byline ?? null,
    source: input.source ?? null,
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
    direction,
    document: documentFromPlainText(input.text, direction),
    text: input.text,
    contentSha256: createHash('sha256').update(`${id}\n${input.text}`).digest('hex'),
  });
  if (input.tags) addArticleTags(library.db, id, input.tags);
  return id;
}

/** The plain-text corpus fixtures, as an importer would store them. */
export function addCorpus(library: Library): { en: string; ar: string; fa: string; md: string } {
  const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8').replace(/\r\n?/g, '\n').trim();
  const en = addArticle(library, {
    title: 'Bahrain says it will continue coordination with Iran',
    text: read('bahrain-iran-coordination.txt'),
    source: 'Tehran Times',
    language: 'en',
    publishedAt: '2024-06-25',
  });
  const arText = read('manama-tehran-talks.ar.txt');
  const ar = addArticle(library, { title: arText.split('\n')[0] ?? '', text: arText, language: 'ar', publishedAt: '2024-06-25' });
  const faText = read('manama-tehran-talks.fa.txt');
  const fa = addArticle(library, { title: faText.split('\n')[0] ?? '', text: faText, language: 'fa' });
  const mdText = read('beijing-deal-briefing.md').replace(/^---[\s\S]*?---\n/, '');
  const md = addArticle(library, {
    title: 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations',
    text: mdText,
    source: 'Example Policy Review',
    byline: 'Research desk',
    language: 'en',
    publishedAt: '2023-03-11',
    tags: ['Iran', 'Saudi Arabia', 'China', 'diplomacy'],
  });
  return { en, ar, fa, md };
}

let labelCounter = 0;
export function addLabel(library: Library, name: string): string {
  const id = `lbl_test${++labelCounter}`;
  library.db
    .prepare(`INSERT INTO labels (id, name, color, position) VALUES (?, ?, '#f5c518', (SELECT COALESCE(MAX(position), 0) + 1 FROM labels))`)
    .run(id, name);
  return id;
}

export function addAnnotation(
  library: Library,
  input: { articleId: string; quote: string; note?: string; labelId?: string | null; start?: number },
): string {
  const id = `ann_test${++counter}`;
  const now = new Date().toISOString();
  library.db
    .prepare(
      `INSERT INTO annotations (id, article_id, label_id, note_text, quote, start, end, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
    )
    .run(id, input.articleId, input.labelId ?? null, input.note ?? '', input.quote, input.start ?? 0, (input.start ?? 0) + input.quote.length, now, now);
  return id;
}

export function addNote(library: Library, input: { title: string; body: string; articleId?: string | null }): string {
  const id = `note_test${++counter}`;
  const now = new Date().toISOString();
  library.db
    .prepare(`INSERT INTO notes (id, title, body_json, body_text, article_id, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?, ?)`)
    .run(id, input.title, input.body, input.articleId ?? null, now, now);
  return id;
}
