import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLibrary } from '../../../electron/core/article-list.js';
import { openDatabase, schemaVersion } from '../../../electron/core/db/open.js';
import * as m0001 from '../../../electron/core/db/migrations/0001_init.js';
import * as m0002 from '../../../electron/core/db/migrations/0002_dossier_item_titles.js';
import * as m0003 from '../../../electron/core/db/migrations/0003_article_list_index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0003 (article list index)', () => {
  it('applies on top of a version-2 library with data, and the list reads only the index', () => {
    const file = join(dir, 'lib.sqlite');
    const v2 = openDatabase(file, { migrations: [m0001, m0002] });
    v2.prepare(
      `INSERT INTO articles (id, title, imported_at, updated_at, direction, body_json, body_text, content_sha256, original_name)
       VALUES ('art_1', 'One', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'ltr', '{}', 'Body one.', 'h1', 'one.txt'),
              ('art_2', 'Two', '2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z', 'rtl', '{}', 'Body two.', 'h2', NULL)`,
    ).run();
    v2.close();

    const v3 = openDatabase(file, { migrations: [m0001, m0002, m0003] });
    try {
      expect(schemaVersion(v3)).toBe(3);
      const indexes = (v3.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'`).all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toContain('articles_list');
      expect(indexes).not.toContain('articles_imported_at');

      const list = listLibrary(v3);
      expect(list.articles.map((a) => [a.id, a.title, a.excerpt, a.characters, a.originalName, a.direction])).toEqual([
        ['art_2', 'Two', 'Body two.', 9, null, 'rtl'],
        ['art_1', 'One', 'Body one.', 9, 'one.txt', 'ltr'],
      ]);
      // The list's query is answered from the covering index, in order, without touching the table.
      const plan = (
        v3
          .prepare(
            `EXPLAIN QUERY PLAN SELECT id, title, byline, source, url, published_at, imported_at, updated_at, language, direction,
               original_name, media_type, content_sha256 FROM articles ORDER BY imported_at DESC, id DESC`,
          )
          .all() as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan).toEqual(['SCAN articles USING COVERING INDEX articles_list']);
    } finally {
      v3.close();
    }
  });
});
