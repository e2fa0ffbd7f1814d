import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesSince } from '../../../electron/core/db/changes.js';
import { latestVersion, migrations } from '../../../electron/core/db/migrations/index.js';
import * as m0001 from '../../../electron/core/db/migrations/0001_init.js';
import * as m0002 from '../../../electron/core/db/migrations/0002_dossier_item_titles.js';
import * as m0003 from '../../../electron/core/db/migrations/0003_article_list_index.js';
import * as m0004 from '../../../electron/core/db/migrations/0004_library_meta.js';
import { SchemaTooNewError, openDatabase, schemaVersion, type Db } from '../../../electron/core/db/open.js';
import { openLibrary } from '../../../electron/core/library.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const names = (db: Db, type: 'table' | 'trigger' | 'index'): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);

function insertArticle(db: Db, id: string): void {
  db.prepare(
    `INSERT INTO articles (id, title, imported_at, updated_at, direction, body_json, body_text, content_sha256)
     VALUES (?, 'T', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'ltr', '{"root":{}}', 'text', ?)`,
  ).run(id, `hash-${id}`);
}

describe('migrations list', () => {
  it('is numbered 1..n without gaps, each with a name and SQL', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) {
      expect(m.name).toMatch(/^[a-z0-9_]+$/);
      expect(m.sql.trim()).not.toBe('');
    }
    expect(latestVersion).toBe(migrations.length);
  });
});

describe('migration 0001 (init)', () => {
  it('applies to an empty database and records user_version 1', () => {
    const db = openDatabase(join(dir, 'a.sqlite'), { migrations: [m0001] });
    try {
      expect(schemaVersion(db)).toBe(1);
      expect(names(db, 'table')).toEqual(
        ['annotation_tags', 'annotations', 'article_tags', 'articles', 'changes', 'dossier_items', 'dossiers', 'labels', 'note_citations', 'notes', 'tags'].sort(),
      );
      expect(names(db, 'trigger')).toEqual(
        expect.arrayContaining(['articles_ai', 'articles_au', 'articles_ad', 'article_tags_ai', 'article_tags_ad', 'annotations_ai', 'notes_ai', 'labels_au']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // FULL (2): an acknowledged commit survives a power cut (docs/reliability.md).
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('writes the changes log from triggers, in order', () => {
    const db = openDatabase(join(dir, 'b.sqlite'), { migrations: [m0001] });
    try {
      insertArticle(db, 'art_1');
      db.prepare(`UPDATE articles SET title = 'T2' WHERE id = 'art_1'`).run();
      db.prepare(`INSERT INTO tags (name) VALUES ('Iran')`).run();
      db.prepare(`INSERT INTO article_tags (article_id, tag_id) VALUES ('art_1', 1)`).run();
      db.prepare(
        `INSERT INTO annotations (id, article_id, quote, status, created_at, updated_at) VALUES ('ann_1', 'art_1', 'q', 'anchored', 'x', 'x')`,
      ).run();
      db.prepare(`INSERT INTO notes (id, title, body_json, body_text, created_at, updated_at) VALUES ('note_1', 'N', '{}', '', 'x', 'x')`).run();
      db.prepare(`DELETE FROM articles WHERE id = 'art_1'`).run();
      const log = changesSince(db, 0).map((c) => `${c.entity}:${c.entityId}:${c.op}`);
      expect(log).toEqual([
        'article:art_1:upsert', // insert
        'article:art_1:upsert', // update
        'article:art_1:upsert', // tag added
        'annotation:ann_1:upsert',
        'note:note_1:upsert',
        'annotation:ann_1:delete', // cascade from the article
        'article:art_1:delete',
      ]);
      // The cascade removed the article's tags and highlights.
      expect(db.prepare(`SELECT COUNT(*) AS n FROM article_tags`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('migration 0002 (dossier item titles)', () => {
  it('applies on top of a version-1 library with data and keeps the data', () => {
    const file = join(dir, 'c.sqlite');
    const v1 = openDatabase(file, { migrations: [m0001] });
    insertArticle(v1, 'art_1');
    v1.prepare(`INSERT INTO dossiers (id, title, created_at, updated_at) VALUES ('dos_1', 'D', 'x', 'x')`).run();
    v1.prepare(`INSERT INTO dossier_items (id, dossier_id, position, kind, ref_id) VALUES ('it_1', 'dos_1', 0, 'article', 'art_1')`).run();
    v1.close();
    const v2 = openDatabase(file, { migrations: [m0001, m0002] });
    try {
      expect(schemaVersion(v2)).toBe(2);
      const columns = (v2.prepare(`PRAGMA table_info(dossier_items)`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('ref_title');
      expect(v2.prepare(`SELECT id, ref_id AS refId, ref_title AS refTitle FROM dossier_items`).all()).toEqual([{ id: 'it_1', refId: 'art_1', refTitle: null }]);
      expect(v2.prepare(`SELECT COUNT(*) AS n FROM articles`).get()).toEqual({ n: 1 });
    } finally {
      v2.close();
    }
  });
});

describe('migration 0003 (article list index)', () => {
  it('replaces the imported_at index with a covering index the library list scans alone', () => {
    const file = join(dir, 'd.sqlite');
    const v2 = openDatabase(file, { migrations: [m0001, m0002] });
    insertArticle(v2, 'art_1');
    v2.close();
    const v3 = openDatabase(file, { migrations: [m0001, m0002, m0003] });
    try {
      expect(schemaVersion(v3)).toBe(3);
      const indexes = (v3.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'`).all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toContain('articles_list');
      expect(indexes).not.toContain('articles_imported_at');
      const plan = (v3.prepare(`EXPLAIN QUERY PLAN SELECT id, title, source, imported_at FROM articles ORDER BY imported_at DESC, id DESC`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' ');
      expect(plan).toMatch(/COVERING INDEX articles_list/);
      expect(v3.prepare(`SELECT COUNT(*) AS n FROM articles`).get()).toEqual({ n: 1 });
    } finally {
      v3.close();
    }
  });
});

describe('migration 0004 (library meta)', () => {
  it('marks a library with history as already given its labels, and a fresh one as not', () => {
    const used = join(dir, 'e.sqlite');
    const v3 = openDatabase(used, { migrations: [m0001, m0002, m0003] });
    insertArticle(v3, 'art_1');
    v3.close();
    const v4 = openDatabase(used, { migrations: [m0001, m0002, m0003, m0004] });
    try {
      expect(schemaVersion(v4)).toBe(4);
      expect(v4.prepare(`SELECT key FROM library_meta`).all()).toEqual([{ key: 'labels_seeded' }]);
    } finally {
      v4.close();
    }
    const fresh = openDatabase(join(dir, 'f.sqlite'), { migrations: [m0001, m0002, m0003, m0004] });
    try {
      expect(fresh.prepare(`SELECT key FROM library_meta`).all()).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});

describe('opening a library', () => {
  it('applies every migration to a new library', () => {
    const library = openLibrary({ dir: join(dir, 'lib') });
    try {
      expect(schemaVersion(library.db)).toBe(latestVersion);
    } finally {
      library.close();
    }
  });

  it('refuses a database from a newer version and leaves the file unchanged', () => {
    const libDir = join(dir, 'lib');
    openLibrary({ dir: libDir }).close();
    const file = join(libDir, 'quire.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(file);
    expect(() => openLibrary({ dir: libDir })).toThrow(SchemaTooNewError);
    expect(() => openLibrary({ dir: libDir })).toThrow(/newer version of Quire \(schema 999/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('lets two connections (the app and the CLI) use the same library at once', () => {
    const libDir = join(dir, 'lib');
    const app = openLibrary({ dir: libDir });
    const cli = openLibrary({ dir: libDir });
    try {
      insertArticle(app.db, 'art_app');
      // The other connection sees the committed write (WAL), and can write while the first stays open.
      expect(cli.db.prepare(`SELECT id FROM articles`).all()).toEqual([{ id: 'art_app' }]);
      insertArticle(cli.db, 'art_cli');
      expect((app.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n).toBe(2);
      // A reader keeps a consistent snapshot while the other connection writes.
      const read = app.db.transaction(() => {
        const first = (app.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
        insertArticle(cli.db, 'art_during');
        const second = (app.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
        return [first, second];
      });
      expect(read.deferred()).toEqual([2, 2]);
      expect((app.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n).toBe(3);
    } finally {
      app.close();
      cli.close();
    }
  });
});
