import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesSince, latestChangeSeq } from '../../../electron/core/db/changes.js';
import * as m0001 from '../../../electron/core/db/migrations/0001_init.js';
import * as m0002 from '../../../electron/core/db/migrations/0002_dossier_item_titles.js';
import * as m0003 from '../../../electron/core/db/migrations/0003_article_list_index.js';
import * as m0004 from '../../../electron/core/db/migrations/0004_library_meta.js';
import * as m0005 from '../../../electron/core/db/migrations/0005_timeline.js';
import { openDatabase, schemaVersion, type Db } from '../../../electron/core/db/open.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const before = [m0001, m0002, m0003, m0004];

function seedV4(db: Db): void {
  db.prepare(
    `INSERT INTO articles (id, title, imported_at, updated_at, direction, body_json, body_text, content_sha256)
     VALUES ('art_1', 'T', 'x', 'x', 'ltr', '{"root":{}}', 'In January 2016 Bahrain cut ties.', 'h1')`,
  ).run();
  db.prepare(`INSERT INTO annotations (id, article_id, quote, start, end, status, created_at, updated_at)
              VALUES ('ann_1', 'art_1', 'Bahrain cut ties', 16, 32, 'anchored', 'x', 'x')`).run();
  db.prepare(`INSERT INTO dossiers (id, title, created_at, updated_at) VALUES ('dos_1', 'D', 'x', 'x')`).run();
}

function mention(db: Db, articleId: string, overrides: Partial<Record<string, string | number>> = {}): void {
  db.prepare(
    `INSERT INTO date_mentions (article_id, start, end, text, date, precision, start_day, end_day, sentence, sentence_start, sentence_end, flags, extractor)
     VALUES (@articleId, @start, @end, 'January 2016', '2016-01', 'month', @startDay, @endDay, 's', 0, 33, '', 1)`,
  ).run({ articleId, start: 3, end: 15, startDay: '2016-01-01', endDay: '2016-01-31', ...overrides });
}

describe('migration 0005 (timeline)', () => {
  it('adds the mention, extraction and event tables and the dossier flag to a version-4 library, keeping its data', () => {
    const file = join(dir, 'a.sqlite');
    const v4 = openDatabase(file, { migrations: before });
    seedV4(v4);
    v4.close();
    const v5 = openDatabase(file, { migrations: [...before, m0005] });
    try {
      expect(schemaVersion(v5)).toBe(5);
      // Existing dossiers are not given a chronology section behind the analyst's back.
      expect(v5.prepare(`SELECT include_chronology AS flag FROM dossiers`).all()).toEqual([{ flag: 0 }]);
      expect(() => v5.prepare(`UPDATE dossiers SET include_chronology = 2`).run()).toThrow(/CHECK/);
      // Nothing is extracted by the migration itself: the back-fill does it after open.
      expect(v5.prepare(`SELECT COUNT(*) AS n FROM date_extractions`).get()).toEqual({ n: 0 });
      mention(v5, 'art_1');
      expect(() => mention(v5, 'art_1', { end: 3 })).toThrow(/CHECK/);
      expect(() => mention(v5, 'art_1', { endDay: '2015-12-31' })).toThrow(/CHECK/);
      expect(() => mention(v5, 'art_404')).toThrow(/FOREIGN KEY/);
    } finally {
      v5.close();
    }
  });

  it('deletes mentions with their article (or a changed text) and events with their highlight, and logs no change for either', () => {
    const db = openDatabase(join(dir, 'b.sqlite'), { migrations: [...before, m0005] });
    try {
      seedV4(db);
      mention(db, 'art_1');
      const seq = latestChangeSeq(db);
      db.prepare(
        `INSERT INTO timeline_events (id, annotation_id, date, precision, start_day, end_day, created_at, updated_at)
         VALUES ('evt_1', 'ann_1', '2016-01', 'month', '2016-01-01', '2016-01-31', 'x', 'x')`,
      ).run();
      // The change log feeds the search index, which does not index the timeline.
      expect(changesSince(db, seq)).toEqual([]);
      // One event per highlight.
      expect(() =>
        db.prepare(
          `INSERT INTO timeline_events (id, annotation_id, date, precision, start_day, end_day, created_at, updated_at)
           VALUES ('evt_2', 'ann_1', '2016', 'year', '2016-01-01', '2016-12-31', 'x', 'x')`,
        ).run(),
      ).toThrow(/UNIQUE/);
      // A changed text (or published date) drops the article's mentions until it is read again; a new title does not.
      db.prepare(`UPDATE articles SET title = 'T2' WHERE id = 'art_1'`).run();
      expect(db.prepare(`SELECT COUNT(*) AS n FROM date_mentions`).get()).toEqual({ n: 1 });
      db.prepare(`UPDATE articles SET published_at = '2024-12-03' WHERE id = 'art_1'`).run();
      expect(db.prepare(`SELECT (SELECT COUNT(*) FROM date_mentions) + (SELECT COUNT(*) FROM date_extractions) AS n`).get()).toEqual({ n: 0 });
      mention(db, 'art_1');
      db.prepare(`UPDATE articles SET body_text = 'Other text' WHERE id = 'art_1'`).run();
      expect(db.prepare(`SELECT COUNT(*) AS n FROM date_mentions`).get()).toEqual({ n: 0 });
      mention(db, 'art_1');
      db.prepare(`INSERT INTO date_extractions (article_id, extractor, extracted_at) VALUES ('art_1', 1, 'x')`).run();
      db.prepare(`DELETE FROM annotations WHERE id = 'ann_1'`).run();
      expect(db.prepare(`SELECT COUNT(*) AS n FROM timeline_events`).get()).toEqual({ n: 0 });
      db.prepare(`DELETE FROM articles WHERE id = 'art_1'`).run();
      expect(db.prepare(`SELECT COUNT(*) AS n FROM date_mentions`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM date_extractions`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
