/** The issue-10 examples (tests/fixtures/search-variants): a library where each word's variant and bare form live in different articles. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../../../electron/core/library.js';
import { FIXTURES, addArticle } from './helpers.js';

export const VARIANTS_DIR = join(FIXTURES, 'search-variants');

export interface VariantCase {
  readonly query: string;
  /** The article that has only a variant of the query. */
  readonly file: string;
  /** The word of `file` the snippet must mark. */
  readonly marked: string;
  /** The article with the word as typed. */
  readonly bare: string;
}

export const VARIANT_CASES: readonly VariantCase[] = (
  JSON.parse(readFileSync(join(VARIANTS_DIR, 'cases.json'), 'utf8')) as { cases: VariantCase[] }
).cases;

/** Adds every fixture article (first line = title); returns file name → article id. */
export function addVariantArticles(library: Library): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of readdirSync(VARIANTS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const [title = '', ...rest] = readFileSync(join(VARIANTS_DIR, file), 'utf8').trim().split('\n');
    ids.set(file, addArticle(library, { title, text: rest.join('\n').trim(), language: file.slice(0, 2) }));
  }
  return ids;
}
