/**
 * Where indexed documents come from: the database, the source of truth. Each document type is one
 * SQL query mapping its columns onto the index fields (fields.ts), used for the full rebuild, for
 * catching up with the change log, and for fetching what a result shows (title, text for snippets).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { NO_DATE, type FieldName, type IndexDoc } from './fields.js';
import { dayNumber } from './query.js';
import type { SearchDocType } from './types.js';

const SEP = '\u001f';

/** Prepared statements per connection: preparing costs more than running these small queries. */
const statements = new WeakMap<Db, Map<string, Statement>>();
function cachedStatement(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) {
    byDb = new Map();
    statements.set(db, byDb);
  }
  let statement = byDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    byDb.set(sql, statement);
  }
  return statement;
}

const TAGS_OF = (table: string, column: string, id: string): string =>
  `(SELECT group_concat(t.name, char(31)) FROM ${table} x JOIN tags t ON t.id = x.tag_id WHERE x.${column} = ${id})`;

const ARTICLE_SQL = `SELECT a.rowid AS rowid, a.id, a.title, a.byline, a.source, a.language, a.published_at AS publishedAt,
  a.body_text AS body, ${TAGS_OF('article_tags', 'article_id', 'a.id')} AS tags FROM articles a`;
const ANNOTATION_SQL = `SELECT an.rowid AS rowid, an.id, an.quote, an.note_text AS note, l.name AS label,
  a.language, a.published_at AS publishedAt, ${TAGS_OF('annotation_tags', 'annotation_id', 'an.id')} AS tags
  FROM annotations an JOIN articles a ON a.id = an.article_id LEFT JOIN labels l ON l.id = an.label_id`;
const NOTE_SQL = `SELECT n.rowid AS rowid, n.id, n.title, n.body_text AS body FROM notes n`;

interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  byline: string | null;
  source: string | null;
  language: string | null;
  publishedAt: string | null;
  body: string;
  tags: string | null;
}
interface AnnotationRow {
  rowid: number;
  id: string;
  quote: string;
  note: string;
  label: string | null;
  language: string | null;
  publishedAt: string | null;
  tags: string | null;
}
interface NoteRow {
  rowid: number;
  id: string;
  title: string;
  body: string;
}

function dateOf(publishedAt: string | null): number {
  return publishedAt ? (dayNumber(publishedAt) ?? NO_DATE) : NO_DATE;
}

function tagText(tags: string | null): string {
  return tags ? tags.split(SEP).join('\n') : '';
}

function fields(entries: [FieldName, string | null][]): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  for (const [name, value] of entries) if (value) out[name] = value;
  return out;
}

function articleDoc(r: ArticleRow): IndexDoc {
  return {
    type: 'article',
    id: r.id,
    fields: fields([
      ['title', r.title],
      ['body', r.body],
      ['byline', r.byline],
      ['source', r.source],
      ['tag', tagText(r.tags)],
    ]),
    lang: r.language,
    date: dateOf(r.publishedAt),
  };
}

function annotationDoc(r: AnnotationRow): IndexDoc {
  return {
    type: 'annotation',
    id: r.id,
    fields: fields([
      ['body', r.quote],
      ['note', r.note],
      ['label', r.label],
      ['tag', tagText(r.tags)],
    ]),
    // A highlight is in its article's language and dated by its article.
    lang: r.language,
    date: dateOf(r.publishedAt),
  };
}

function noteDoc(r: NoteRow): IndexDoc {
  return { type: 'note', id: r.id, fields: fields([['title', r.title], ['body', r.body]]), lang: null, date: NO_DATE };
}

const SOURCES = {
  article: { sql: ARTICLE_SQL, alias: 'a', make: (r: unknown) => articleDoc(r as ArticleRow) },
  annotation: { sql: ANNOTATION_SQL, alias: 'an', make: (r: unknown) => annotationDoc(r as AnnotationRow) },
  note: { sql: NOTE_SQL, alias: 'n', make: (r: unknown) => noteDoc(r as NoteRow) },
} as const;

/** The current documents for these ids (absent ones were deleted). */
export function loadDocs(db: Db, type: SearchDocType, ids: readonly string[]): IndexDoc[] {
  const source = SOURCES[type];
  const out: IndexDoc[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = cachedStatement(db, `${source.sql} WHERE ${source.alias}.id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(chunk),
    );
    for (const row of rows) out.push(source.make(row));
  }
  return out;
}

/** Every document of a type, in batches, for a rebuild (keyset pagination: no long-held statement). */
export function* allDocs(db: Db, type: SearchDocType, batchSize = 500): Generator<IndexDoc[]> {
  const source = SOURCES[type];
  const statement = db.prepare(`${source.sql} WHERE ${source.alias}.rowid > ? ORDER BY ${source.alias}.rowid LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = statement.all(after, batchSize) as { rowid: number }[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.rowid ?? after;
    yield rows.map((r) => source.make(r));
  }
}

export function countDocs(db: Db): number {
  const row = db
    .prepare(`SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM annotations) + (SELECT COUNT(*) FROM notes) AS n`)
    .get() as { n: number };
  return row.n;
}

/** Highlights carrying a label: a renamed label changes what they are found by. */
export function annotationsWithLabel(db: Db, labelId: string): string[] {
  return (db.prepare(`SELECT id FROM annotations WHERE label_id = ?`).all(labelId) as { id: string }[]).map((r) => r.id);
}

/** What a result shows and what phrases are checked against. */
export interface DocText {
  readonly type: SearchDocType;
  readonly id: string;
  readonly articleId: string | null;
  readonly title: string;
  /** The searchable text fields, as stored. */
  readonly fields: Partial<Readonly<Record<FieldName, string>>>;
}

const TEXT_SQL = {
  article: `SELECT a.id, a.id AS articleId, a.title, a.body_text AS body, a.source, a.byline,
    ${TAGS_OF('article_tags', 'article_id', 'a.id')} AS tags FROM articles a WHERE a.id IN`,
  annotation: `SELECT an.id, an.article_id AS articleId, a.title, an.quote AS body, an.note_text AS note, l.name AS label,
    ${TAGS_OF('annotation_tags', 'annotation_id', 'an.id')} AS tags
    FROM annotations an JOIN articles a ON a.id = an.article_id LEFT JOIN labels l ON l.id = an.label_id WHERE an.id IN`,
  note: `SELECT n.id, n.article_id AS articleId, n.title, n.body_text AS body FROM notes n WHERE n.id IN`,
} as const;

/** The same without article and note bodies: enough to check phrases restricted to title, source, tags… */
const TEXT_SQL_LIGHT = {
  article: TEXT_SQL.article.replace('a.body_text AS body', "'' AS body"),
  annotation: TEXT_SQL.annotation,
  note: TEXT_SQL.note.replace('n.body_text AS body', "'' AS body"),
} as const;

interface TextRow {
  id: string;
  articleId: string | null;
  title: string;
  body: string | null;
  note?: string | null;
  label?: string | null;
  source?: string | null;
  byline?: string | null;
  tags?: string | null;
}

/** Texts for a handful of documents (a page of results, a batch of phrase candidates), in the order asked. */
export function loadTexts(
  db: Db,
  docs: readonly { type: SearchDocType; id: string }[],
  options: { bodies?: boolean } = {},
): (DocText | undefined)[] {
  const sql = options.bodies === false ? TEXT_SQL_LIGHT : TEXT_SQL;
  const byKey = new Map<string, DocText>();
  for (const type of ['article', 'annotation', 'note'] as const) {
    const ids = docs.filter((d) => d.type === type).map((d) => d.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = cachedStatement(db, `${sql[type]} (SELECT value FROM json_each(?))`).all(JSON.stringify(chunk)) as TextRow[];
      for (const r of rows) {
        byKey.set(`${type}:${r.id}`, {
          type,
          id: r.id,
          articleId: r.articleId,
          title: r.title,
          fields: fields([
            ['title', type === 'annotation' ? null : r.title],
            ['body', r.body],
            ['note', r.note ?? null],
            ['label', r.label ?? null],
            ['source', r.source ?? null],
            ['byline', r.byline ?? null],
            ['tag', tagText(r.tags ?? null)],
          ]),
        });
      }
    }
  }
  return docs.map((d) => byKey.get(`${d.type}:${d.id}`));
}
