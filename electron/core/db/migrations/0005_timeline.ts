/**
 * The timeline (docs/timeline.md).
 *
 * - `date_mentions`: the dates found in an article's plain text, one row each: where the date is
 *   (`start`/`end`), what it means (`date` at `precision`, and the first/last day it covers as
 *   `YYYY-MM-DD` text, which sorts), the sentence it stands in and warnings (`flags`, space-separated).
 *   Derived data: rewritten whenever the text changes, deleted with the article.
 * - `date_extractions`: which extractor version last read each article. An article with no date has
 *   no mention but does have this row, so the back-fill can tell "read, nothing found" from "never read".
 * - `timeline_events`: highlights the analyst put on the timeline, with the date they chose; deleted
 *   with the highlight (and so with its article).
 * - `dossiers.include_chronology`: whether the dossier prints a chronology section.
 *
 * No `changes` triggers: the change log feeds the search index, which indexes neither mentions nor
 * events; the timeline is read straight from these tables.
 *
 * One trigger keeps mentions honest: when an article's text or published date changes (the date
 * anchors "In October"), its mentions and extraction row are dropped in the same statement. Every
 * write path re-extracts right after, in its transaction; one that does not (a future one, a
 * dossier import) leaves the article "not yet read", which the back-fill catches, never stale dates.
 */
export const version = 5;
export const name = 'timeline';
export const sql = /* sql */ `
CREATE TABLE date_mentions (
  id             INTEGER PRIMARY KEY,
  article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start          INTEGER NOT NULL CHECK (start >= 0),
  end            INTEGER NOT NULL CHECK (end > start),
  text           TEXT NOT NULL,
  date           TEXT NOT NULL,
  precision      TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
  start_day      TEXT NOT NULL,
  end_day        TEXT NOT NULL CHECK (end_day >= start_day),
  sentence       TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  flags          TEXT NOT NULL DEFAULT '',
  extractor      INTEGER NOT NULL
);
CREATE INDEX date_mentions_article ON date_mentions (article_id, start);
CREATE INDEX date_mentions_day ON date_mentions (start_day, end_day);

CREATE TABLE date_extractions (
  article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  extractor    INTEGER NOT NULL,
  extracted_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX date_extractions_version ON date_extractions (extractor);

CREATE TABLE timeline_events (
  id            TEXT PRIMARY KEY,
  annotation_id TEXT NOT NULL UNIQUE REFERENCES annotations (id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  precision     TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
  start_day     TEXT NOT NULL,
  end_day       TEXT NOT NULL CHECK (end_day >= start_day),
  title         TEXT,
  sentence      TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX timeline_events_day ON timeline_events (start_day, end_day);

CREATE TRIGGER articles_dates_stale AFTER UPDATE OF body_text, published_at ON articles
  WHEN OLD.body_text IS NOT NEW.body_text OR OLD.published_at IS NOT NEW.published_at BEGIN
  DELETE FROM date_mentions WHERE article_id = NEW.id;
  DELETE FROM date_extractions WHERE article_id = NEW.id;
END;

ALTER TABLE dossiers ADD COLUMN include_chronology INTEGER NOT NULL DEFAULT 0 CHECK (include_chronology IN (0, 1));
`;
