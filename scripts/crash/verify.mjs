/**
 * The checks after every run: the next commands work (`quire list`, `quire search` for an acknowledged
 * article's title word, `quire check` when the CLI has it), then the library's files are read directly:
 * SQLite's integrity and foreign-key checks, no temporary original left after that open, every article
 * whole (body, text, original present with the right SHA-256), every acknowledged write present, every
 * field holding a value some command wrote, anchored highlights matching their text, dossier positions 0..n-1.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runQuire } from './child.mjs';
import { articleMarker } from './ops.mjs';

const FIELD_GETTERS = {
  annotationNote: { sql: `SELECT note_text AS v FROM annotations WHERE id = ?`, map: (v) => v },
  articleMarker: { sql: `SELECT body_text AS v FROM articles WHERE id = ?`, map: (v) => articleMarker(v) },
  dossierSubtitle: { sql: `SELECT subtitle AS v FROM dossiers WHERE id = ?`, map: (v) => v },
};

const brief = (s) => s.replace(/\s+/g, ' ').trim().slice(0, 300);

/** Runs the next commands a user would; returns problems found. */
async function nextCommands({ quire, library, ledger, rng, hasCheck, hasBackups, backupsMayHaveChanged }, problems) {
  const list = await runQuire({ quire, library, args: ['list'] });
  if (list.code !== 0 || !Array.isArray(list.json)) {
    problems.push(`quire list failed after the kill (exit ${list.code}): ${brief(list.stderr)}`);
  } else {
    const listed = new Set(list.json.map((a) => a.id));
    for (const id of ledger.articles.keys()) if (!listed.has(id)) problems.push(`acknowledged article ${id} is missing from quire list`);
  }
  const searchable = [...ledger.articles.entries()].filter(([, a]) => a.word);
  if (searchable.length > 0) {
    const [id, { word }] = rng.pick(searchable);
    const search = await runQuire({ quire, library, args: ['search', word, '--type', 'article'] });
    const results = search.json && Array.isArray(search.json.results) ? search.json.results : null;
    if (search.code !== 0 || results === null) problems.push(`quire search ${word} failed after the kill (exit ${search.code}): ${brief(search.stderr)}`);
    else if (!results.some((r) => r.id === id || r.articleId === id)) problems.push(`quire search ${word} does not find acknowledged article ${id}`);
  }
  // Backups change only when one could have been made: a backup run, a run that started without any (its close
  // makes one) or a new library. Listing them otherwise would only repeat the last answer.
  if (hasBackups && backupsMayHaveChanged) await checkBackups({ quire, library, ledger }, problems);
  if (hasCheck) {
    const check = await runQuire({ quire, library, args: ['check'] });
    if (check.code !== 0) problems.push(`quire check reports problems (exit ${check.code}): ${brief(check.stdout || check.stderr)}`);
  }
}

/**
 * Every backup `quire backups` lists must be whole: a readable SQLite file that passes integrity_check and
 * holds the counts listed. Backups never change, so each is opened once (from a copy in memory, so that
 * nothing is written beside it).
 */
async function checkBackups({ quire, library, ledger }, problems) {
  const listing = await runQuire({ quire, library, args: ['backups'] });
  if (listing.code !== 0 || !Array.isArray(listing.json)) {
    problems.push(`quire backups failed after the kill (exit ${listing.code}): ${brief(listing.stderr)}`);
    return;
  }
  for (const backup of listing.json) {
    if (ledger.verifiedBackups.has(backup.path)) continue;
    if (!existsSync(backup.path)) {
      problems.push(`listed backup ${backup.path} does not exist`);
      continue;
    }
    const bytes = readFileSync(backup.path);
    // A WAL-mode file cannot be opened from memory; the header's two version bytes say which mode.
    bytes[18] = 1;
    bytes[19] = 1;
    let db;
    try {
      db = new Database(bytes);
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`listed backup ${backup.path}: integrity_check ${integrity}`);
      for (const table of ['articles', 'annotations', 'notes', 'dossiers']) {
        const n = db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
        if (typeof backup[table] === 'number' && n !== backup[table]) problems.push(`listed backup ${backup.path}: ${n} ${table}, listed as ${backup[table]}`);
      }
      ledger.verifiedBackups.add(backup.path);
    } catch (error) {
      problems.push(`listed backup ${backup.path} cannot be opened: ${error.message}`);
    } finally {
      db?.close();
    }
  }
  const listed = new Set(listing.json.map((b) => b.path));
  for (const path of ledger.backups) if (!listed.has(path)) problems.push(`acknowledged backup ${path} is not listed by quire backups`);
}

function checkOriginals(db, library, hashCache, problems) {
  const dir = join(library, 'originals');
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const leftovers = names.filter((n) => n.startsWith('.incoming-'));
  if (leftovers.length > 0) problems.push(`temporary originals left after the next open: ${leftovers.join(', ')}`);
  const articles = db.prepare(`SELECT id, body_json AS json, body_text AS text, original_sha256 AS sha FROM articles`).all();
  for (const a of articles) {
    try {
      JSON.parse(a.json);
    } catch {
      problems.push(`article ${a.id}: its body is not a readable document`);
    }
    if (a.text.trim() === '') problems.push(`article ${a.id}: its text is empty`);
    if (a.sha === null) {
      problems.push(`article ${a.id}: no original recorded`);
      continue;
    }
    const path = join(dir, a.sha);
    if (!existsSync(path)) {
      problems.push(`article ${a.id}: its original ${a.sha} is missing`);
      continue;
    }
    const stats = statSync(path);
    const cached = hashCache.get(path);
    let sha = cached && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs ? cached.sha : undefined;
    if (sha === undefined) {
      sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      hashCache.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, sha });
    }
    if (sha !== a.sha) problems.push(`article ${a.id}: its original ${a.sha} has SHA-256 ${sha}`);
  }
}

function checkLedger(db, ledger, problems) {
  const exists = (table, id) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  for (const [id, { sha256 }] of ledger.articles) {
    const row = db.prepare(`SELECT original_sha256 AS sha FROM articles WHERE id = ?`).get(id);
    if (!row) problems.push(`acknowledged article ${id} is missing`);
    else if (row.sha !== sha256) problems.push(`article ${id}: original ${row.sha}, acknowledged as ${sha256}`);
  }
  for (const id of ledger.annotations) if (!exists('annotations', id)) problems.push(`acknowledged highlight ${id} is missing`);
  for (const id of ledger.notes) if (!exists('notes', id)) problems.push(`acknowledged note ${id} is missing`);
  for (const id of ledger.dossiers) if (!exists('dossiers', id)) problems.push(`acknowledged dossier ${id} is missing`);
  for (const id of ledger.items) if (!exists('dossier_items', id)) problems.push(`acknowledged dossier item ${id} is missing`);
  for (const pair of ledger.citations) {
    const [noteId, annotationId] = pair.split('|');
    if (!db.prepare(`SELECT 1 FROM note_citations WHERE note_id = ? AND annotation_id = ?`).get(noteId, annotationId)) {
      problems.push(`acknowledged citation of ${annotationId} in note ${noteId} is missing`);
    }
  }
  for (const path of ledger.backups) if (!existsSync(path)) problems.push(`acknowledged backup ${path} is missing`);
  for (const field of ledger.fields.values()) {
    const getter = FIELD_GETTERS[field.kind];
    const row = db.prepare(getter.sql).get(field.id);
    const actual = row ? getter.map(row.v) : undefined;
    const allowed = [field.acked, ...field.pending];
    if (!allowed.includes(actual)) {
      problems.push(`${field.kind} of ${field.id} is ${JSON.stringify(actual)}; expected ${allowed.map((v) => JSON.stringify(v)).join(' or ')}`);
    }
    // Seen once, committed for good: a later kill must not take it back.
    field.acked = actual;
    field.pending.clear();
  }
  for (const check of ledger.oneShot) {
    const order = db.prepare(`SELECT id FROM dossier_items WHERE dossier_id = ? ORDER BY position, id`).all(check.dossierId).map((r) => r.id);
    const expected = Math.min(check.position, order.length - 1);
    if (order.indexOf(check.item) !== expected) problems.push(`acknowledged move of ${check.item} to position ${expected + 1} not kept (now ${order.indexOf(check.item) + 1})`);
  }
  ledger.oneShot.length = 0;
}

function checkStructure(db, problems) {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const fk = db.pragma('foreign_key_check');
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violation(s), first in ${fk[0].table}`);
  const anchored = db.prepare(
    `SELECT n.id, n.quote, n.start, n."end" AS e, a.body_text AS text FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.status = 'anchored'`,
  ).all();
  for (const n of anchored) {
    if (n.text.slice(n.start, n.e) !== n.quote) problems.push(`highlight ${n.id} is anchored at ${n.start}..${n.e} but its quote is not there`);
  }
  const dossiers = db.prepare(`SELECT dossier_id AS id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi, COUNT(DISTINCT position) AS d FROM dossier_items GROUP BY dossier_id`).all();
  for (const d of dossiers) if (d.lo !== 0 || d.hi !== d.n - 1 || d.d !== d.n) problems.push(`dossier ${d.id}: item positions are not 0..${d.n - 1}`);
}

export async function verifyLibrary(context) {
  const problems = [];
  await nextCommands(context, problems);
  const file = join(context.library, 'quire.sqlite');
  if (!existsSync(file)) {
    problems.push('quire.sqlite does not exist');
    return problems;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    checkStructure(db, problems);
    checkOriginals(db, context.library, context.hashCache, problems);
    checkLedger(db, context.ledger, problems);
  } finally {
    db.close();
  }
  return problems;
}
