/**
 * Date mentions in SQLite: (re)extracting one article inside the caller's transaction, and finding
 * the articles not read yet (or read by an older extractor) for the back-fill.
 */
import type { Db } from '../db/open.js';
import { nowIso } from '../ids.js';
import { EXTRACTOR_VERSION, extractDates } from './extract.js';
import type { DateMention } from './types.js';

interface ArticleDateSource {
  readonly text: string;
  readonly publishedAt: string | null;
}

/**
 * Replaces an article's mentions with a fresh extraction and records the extractor version. Call it
 * inside the transaction that writes the article's text or published date, so a failed write leaves
 * nothing. Returns how many dates were found (0 for an unknown article).
 */
export function writeArticleDates(db: Db, articleId: string): number {
  const source = db.prepare(`SELECT body_text AS text, published_at AS publishedAt FROM articles WHERE id = ?`).get(articleId) as
    | ArticleDateSource
    | undefined;
  if (!source) return 0;
  const mentions = extractDates(source.text, { publishedAt: source.publishedAt });
  replaceMentions(db, articleId, mentions);
  return mentions.length;
}

function replaceMentions(db: Db, articleId: string, mentions: readonly DateMention[]): void {
  db.prepare(`DELETE FROM date_mentions WHERE article_id = ?`).run(articleId);
  const insert = db.prepare(
    `INSERT INTO date_mentions (article_id, start, end, text, date, precision, start_day, end_day, sentence, sentence_start, sentence_end, flags, extractor)
     VALUES (@articleId, @start, @end, @text, @date, @precision, @startDay, @endDay, @sentence, @sentenceStart, @sentenceEnd, @flags, @extractor)`,
  );
  for (const m of mentions) {
    insert.run({
      articleId,
      start: m.start,
      end: m.end,
      text: m.text,
      date: m.date,
      precision: m.precision,
      startDay: m.startDay,
      endDay: m.endDay,
      sentence: m.sentence,
      sentenceStart: m.sentenceStart,
      sentenceEnd: m.sentenceEnd,
      flags: m.flags.join(' '),
      extractor: EXTRACTOR_VERSION,
    });
  }
  db.prepare(
    `INSERT INTO date_extractions (article_id, extractor, extracted_at) VALUES (?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET extractor = excluded.extractor, extracted_at = excluded.extracted_at`,
  ).run(articleId, EXTRACTOR_VERSION, nowIso());
}

const NEEDS_DATES = `NOT EXISTS (SELECT 1 FROM date_extractions e WHERE e.article_id = a.id AND e.extractor >= ${EXTRACTOR_VERSION})`;

/** Articles never read by this extractor version (all of them, or among `ids`), oldest import first. */
export function articlesNeedingDates(db: Db, options: { readonly ids?: readonly string[]; readonly limit?: number } = {}): string[] {
  const limit = options.limit ?? -1;
  if (options.ids) {
    if (options.ids.length === 0) return [];
    const out: string[] = [];
    // Chunks keep under SQLite's bound-parameter limit for a big search result.
    for (let i = 0; i < options.ids.length && (limit < 0 || out.length < limit); i += 500) {
      const chunk = options.ids.slice(i, i + 500);
      const rows = db
        .prepare(`SELECT a.id FROM articles a WHERE a.id IN (${chunk.map(() => '?').join(',')}) AND ${NEEDS_DATES}`)
        .all(...chunk) as { id: string }[];
      out.push(...rows.map((r) => r.id));
    }
    return limit < 0 ? out : out.slice(0, limit);
  }
  return (db.prepare(`SELECT a.id FROM articles a WHERE ${NEEDS_DATES} ORDER BY a.imported_at, a.id LIMIT ?`).all(limit) as { id: string }[]).map(
    (r) => r.id,
  );
}

export function countArticlesNeedingDates(db: Db): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM articles a WHERE ${NEEDS_DATES}`).get() as { n: number }).n;
}
