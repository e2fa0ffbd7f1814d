/**
 * Facts about the library itself, as key/value pairs. First use: `labels_seeded`, so the default labels
 * are given to a library exactly once — before this, "never seeded" was guessed from an empty change log,
 * and an analyst who deleted every label of an otherwise unused library got the defaults back.
 * Libraries that already have labels or history count as seeded.
 */
export const version = 4;
export const name = 'library_meta';
export const sql = /* sql */ `
CREATE TABLE library_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO library_meta (key, value)
  SELECT 'labels_seeded', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE EXISTS (SELECT 1 FROM labels) OR EXISTS (SELECT 1 FROM changes);
`;
