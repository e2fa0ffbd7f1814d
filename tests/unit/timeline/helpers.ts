/** A library with the corpus articles imported through the real import path (extraction included). */
import { importFile } from '../../../electron/core/import.js';
import type { Library } from '../../../electron/core/library.js';
import { corpus } from '../importers/fixtures.js';

export const FIXTURE_FILES = {
  englishText: 'bahrain-iran-coordination.txt',
  englishPage: 'bahrain-iran-coordination.html',
  arabic: 'manama-tehran-talks.ar.txt',
  persian: 'manama-tehran-talks.fa.txt',
  markdown: 'beijing-deal-briefing.md',
} as const;

export type FixtureKey = keyof typeof FIXTURE_FILES;

export async function importFixtures(library: Library): Promise<Record<FixtureKey, string>> {
  const ids = {} as Record<FixtureKey, string>;
  for (const [key, name] of Object.entries(FIXTURE_FILES) as [FixtureKey, string][]) {
    const outcome = await importFile(library, { name, bytes: corpus(name) });
    if (outcome.status !== 'imported') throw new Error(`${name} was not imported: ${JSON.stringify(outcome)}`);
    ids[key] = outcome.article.id;
  }
  return ids;
}

export interface StoredMention {
  readonly date: string;
  readonly precision: string;
  readonly text: string;
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceStart: number;
  readonly flags: string;
}

export function storedMentions(library: Library, articleId: string): StoredMention[] {
  return library.db
    .prepare(
      `SELECT date, precision, text, sentence, start, end, sentence_start AS sentenceStart, flags FROM date_mentions
       WHERE article_id = ? ORDER BY start`,
    )
    .all(articleId) as StoredMention[];
}
