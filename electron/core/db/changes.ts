import type { Db } from './open.js';

export type ChangeEntity = 'article' | 'annotation' | 'note' | 'label';

export interface Change {
  readonly seq: number;
  readonly entity: ChangeEntity;
  readonly entityId: string;
  readonly op: 'upsert' | 'delete';
  readonly at: string;
}

/** Changes after `afterSeq`, oldest first (rows are written by triggers; see migrations/0001_init.ts). */
export function changesSince(db: Db, afterSeq: number, limit = 10_000): Change[] {
  return db
    .prepare(
      `SELECT seq, entity, entity_id AS entityId, op, at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit) as Change[];
}

export function latestChangeSeq(db: Db): number {
  const row = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS seq FROM changes`).get() as { seq: number };
  return row.seq;
}
