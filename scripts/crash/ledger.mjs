/**
 * What a library must hold, as far as the crash runs know: everything a command acknowledged (its JSON on
 * stdout, or an import's per-article log line) and, for values that a later command changes, the set of
 * values the field may hold (the last acknowledged one plus any written by a command killed before it
 * acknowledged). After each check the observed value becomes the new baseline: a process kill cannot undo
 * a commit, so what was seen once must stay.
 */
export function createLedger() {
  return {
    /** id -> { sha256, word }: acknowledged imports. */
    articles: new Map(),
    annotations: new Set(),
    notes: new Set(),
    /** "noteId|annotationId" */
    citations: new Set(),
    dossiers: new Set(),
    items: new Set(),
    /** Paths of acknowledged backups. */
    backups: new Set(),
    /** Backups already opened and counted (a backup never changes). */
    verifiedBackups: new Set(),
    /** "kind:id" -> { kind, id, acked, pending: Set } */
    fields: new Map(),
    /** Checks for the current run only (an acknowledged move puts its item where it said). */
    oneShot: [],
  };
}

/** Records a write of `next` to a field that held `before`; `acked` says whether the command confirmed it. */
export function expectField(ledger, kind, id, before, next, acked) {
  const key = `${kind}:${id}`;
  const field = ledger.fields.get(key) ?? { kind, id, acked: before, pending: new Set() };
  if (acked) {
    field.acked = next;
    field.pending.clear();
  } else {
    field.pending.add(next);
  }
  ledger.fields.set(key, field);
}

/** Every article the SQL, the CLI's list and search must show. */
export function acknowledgedArticles(ledger) {
  return [...ledger.articles.entries()].map(([id, info]) => ({ id, ...info }));
}
