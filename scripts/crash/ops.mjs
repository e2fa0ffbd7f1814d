/**
 * The operations the crash runs kill, one entry each: `ready` says whether the library has what it needs
 * (an article to highlight, a dossier to edit), `prepare` writes the inputs and returns the command and
 * an `after` that records what the command acknowledged. Adding an operation is adding an entry here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { correctedText, writeArticle } from './inputs.mjs';
import { expectField } from './ledger.mjs';

const FOLDER_SIZE = 8;


const count = (db, sql) => db.prepare(sql).get().n;
const randomRow = (db, rng, sql) => {
  const rows = db.prepare(sql).all();
  return rows.length === 0 ? undefined : rng.pick(rows);
};

/** Articles acknowledged by this import: the per-article log lines, and the JSON when it got that far. */
function recordImport(ledger, files, result) {
  const bySha = new Map(files.map((f) => [f.sha256, f]));
  const stored = [...result.storedArticles];
  const imported = result.json && Array.isArray(result.json.imported) ? result.json.imported : [];
  for (const a of imported) stored.push({ id: a.id, sha256: a.sha256 });
  for (const { id, sha256 } of stored) ledger.articles.set(id, { sha256, word: bySha.get(sha256)?.word ?? null });
}

function importOp(name, fileCount) {
  return {
    name,
    ready: () => true,
    prepare({ rng, scratch, ledger }) {
      const dir = join(scratch, name);
      const files = Array.from({ length: fileCount }, (_, i) => writeArticle(rng, dir, i));
      return {
        args: ['import', fileCount === 1 ? files[0].path : dir],
        after: (result) => recordImport(ledger, files, result),
      };
    },
  };
}

export const OPERATIONS = [
  importOp('import-file', 1),
  importOp('import-folder', FOLDER_SIZE),
  {
    name: 'highlight',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM articles WHERE length(body_text) > 80`) > 0,
    prepare({ rng, db, ledger }) {
      const article = randomRow(db, rng, `SELECT id, body_text AS text FROM articles WHERE length(body_text) > 80`);
      const start = rng.int(0, article.text.length - 40);
      const end = start + rng.int(5, 40);
      const label = rng.chance(0.5) ? randomRow(db, rng, `SELECT name FROM labels`) : undefined;
      const note = `note ${rng.word(6)}`;
      return {
        args: ['highlight', article.id, '--start', String(start), '--end', String(end), '--note', note, ...(label ? ['--label', label.name] : [])],
        after: (result) => {
          if (!result.acked) return;
          ledger.annotations.add(result.json.id);
          expectField(ledger, 'annotationNote', result.json.id, note, note, true);
        },
      };
    },
  },
  {
    name: 'annotation-set',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM annotations`) > 0,
    prepare({ rng, db, ledger }) {
      const annotation = randomRow(db, rng, `SELECT id, note_text AS note FROM annotations`);
      const note = `revised ${rng.word(6)}`;
      return {
        args: ['annotation', 'set', annotation.id, '--note', note, '--tag', rng.word(5)],
        after: (result) => expectField(ledger, 'annotationNote', annotation.id, annotation.note, note, result.acked),
      };
    },
  },
  {
    name: 'update',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM articles`) > 0,
    prepare({ rng, db, scratch, ledger }) {
      const article = randomRow(db, rng, `SELECT id, body_text AS text FROM articles`);
      const marker = rng.word();
      const file = join(scratch, 'update.txt');
      mkdirSync(scratch, { recursive: true });
      writeFileSync(file, correctedText(rng, article.text, marker));
      return {
        args: ['update', article.id, '--text-file', file],
        after: (result) => expectField(ledger, 'articleMarker', article.id, articleMarker(article.text), marker, result.acked),
      };
    },
  },
  {
    name: 'note-create',
    ready: () => true,
    prepare({ rng, db, ledger }) {
      const cite = randomRow(db, rng, `SELECT id FROM annotations`);
      const article = randomRow(db, rng, `SELECT id FROM articles`);
      return {
        args: ['note', 'create', `Memo ${rng.word()}`, '--text', `Assessment ${rng.word(6)}.\n\nSecond paragraph.`,
          ...(article && rng.chance(0.5) ? ['--article', article.id] : []), ...(cite ? ['--cite', cite.id] : [])],
        after: (result) => {
          if (!result.acked) return;
          ledger.notes.add(result.json.id);
          if (cite) ledger.citations.add(`${result.json.id}|${cite.id}`);
        },
      };
    },
  },
  {
    name: 'note-cite',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM notes`) > 0 && count(db, `SELECT COUNT(*) AS n FROM annotations`) > 0,
    prepare({ rng, db, ledger }) {
      const note = randomRow(db, rng, `SELECT id FROM notes`);
      const cites = [...new Set(Array.from({ length: rng.int(1, 3) }, () => randomRow(db, rng, `SELECT id FROM annotations`).id))];
      return {
        args: ['note', 'cite', note.id, ...cites],
        after: (result) => {
          if (result.acked) for (const id of cites) ledger.citations.add(`${note.id}|${id}`);
        },
      };
    },
  },
  {
    name: 'dossier-create',
    ready: () => true,
    prepare({ rng, ledger }) {
      return {
        args: ['dossier', 'create', `Dossier ${rng.word()}`, '--author', 'Desk', '--summary', `Summary ${rng.word(6)}.`],
        after: (result) => {
          if (result.acked) ledger.dossiers.add(result.json.id);
        },
      };
    },
  },
  {
    name: 'dossier-add',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM dossiers`) > 0 && count(db, `SELECT COUNT(*) AS n FROM articles`) > 0,
    prepare({ rng, db, ledger }) {
      const dossier = randomRow(db, rng, `SELECT id FROM dossiers`);
      const refs = Array.from({ length: rng.int(1, 3) }, () =>
        randomRow(db, rng, rng.pick([`SELECT id FROM articles`, `SELECT id FROM annotations`, `SELECT id FROM notes`])) ??
        randomRow(db, rng, `SELECT id FROM articles`));
      const ids = [...new Set(refs.map((r) => r.id))];
      const items = count(db, `SELECT COUNT(*) AS n FROM dossier_items WHERE dossier_id = '${dossier.id}'`);
      return {
        args: ['dossier', 'add', dossier.id, ...ids, ...(rng.chance(0.3) ? ['--heading', `Section ${rng.word(5)}`] : []),
          ...(items > 0 && rng.chance(0.4) ? ['--position', String(rng.int(1, items))] : [])],
        after: (result) => {
          if (result.acked) for (const item of result.json.added ?? []) ledger.items.add(item.id);
        },
      };
    },
  },
  {
    name: 'dossier-move',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM (SELECT dossier_id FROM dossier_items GROUP BY dossier_id HAVING COUNT(*) > 1)`) > 0,
    prepare({ rng, db, ledger }) {
      const { dossierId } = randomRow(db, rng, `SELECT dossier_id AS dossierId FROM dossier_items GROUP BY dossier_id HAVING COUNT(*) > 1`);
      const items = db.prepare(`SELECT id FROM dossier_items WHERE dossier_id = ? ORDER BY position`).all(dossierId);
      const item = rng.pick(items).id;
      const position = rng.int(1, items.length);
      return {
        args: ['dossier', 'move', dossierId, item, String(position)],
        after: (result) => {
          if (result.acked) ledger.oneShot.push({ kind: 'itemPosition', dossierId, item, position: position - 1 });
        },
      };
    },
  },
  {
    name: 'dossier-edit',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM dossiers`) > 0,
    prepare({ rng, db, ledger }) {
      const dossier = randomRow(db, rng, `SELECT id, subtitle FROM dossiers`);
      const subtitle = `Edition ${rng.word(6)}`;
      return {
        args: ['dossier', 'set', dossier.id, '--subtitle', subtitle],
        after: (result) => expectField(ledger, 'dossierSubtitle', dossier.id, dossier.subtitle, subtitle, result.acked),
      };
    },
  },
  {
    name: 'reindex',
    ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM articles`) > 0,
    prepare: () => ({ args: ['reindex'], after: () => {} }),
  },
];

/** `quire backup`, offered when the CLI has it (the harness asks `quire backup --help` once). */
export const BACKUP_OPERATION = {
  name: 'backup',
  ready: ({ db }) => count(db, `SELECT COUNT(*) AS n FROM articles`) > 0,
  prepare: ({ ledger }) => ({
    args: ['backup'],
    after: (result) => {
      if (result.acked && typeof result.json.path === 'string') ledger.backups.add(result.json.path);
    },
  }),
};

/** Which correction an article's text carries (null before its first `quire update`). */
export function articleMarker(text) {
  return /Correction (q[a-z]+):/.exec(text)?.[1] ?? null;
}


