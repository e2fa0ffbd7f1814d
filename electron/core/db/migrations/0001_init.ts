/**
 * The first schema. Triggers write the `changes` log so that no code path can forget it:
 * the search index replays this log from its saved position.
 */
export const version = 1;
export const name = 'init';
export const sql = /* sql */ `
CREATE TABLE articles (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  byline          TEXT,
  source          TEXT,
  url             TEXT,
  published_at    TEXT,
  imported_at     TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  language        TEXT,
  direction       TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
  body_json       TEXT NOT NULL,
  body_text       TEXT NOT NULL,
  original_name   TEXT,
  media_type      TEXT,
  original_sha256 TEXT,
  content_sha256  TEXT NOT NULL UNIQUE
);
CREATE INDEX articles_imported_at ON articles (imported_at);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE labels (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color    TEXT NOT NULL,
  position INTEGER NOT NULL,
  shortcut INTEGER UNIQUE CHECK (shortcut BETWEEN 1 AND 9)
);

CREATE TABLE annotations (
  id         TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  label_id   TEXT REFERENCES labels (id) ON DELETE SET NULL,
  note_json  TEXT,
  note_text  TEXT NOT NULL DEFAULT '',
  quote      TEXT NOT NULL,
  prefix     TEXT NOT NULL DEFAULT '',
  suffix     TEXT NOT NULL DEFAULT '',
  start      INTEGER,
  end        INTEGER,
  status     TEXT NOT NULL CHECK (status IN ('anchored', 'orphaned')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations (article_id, start);
CREATE INDEX annotations_label ON annotations (label_id);

CREATE TABLE annotation_tags (
  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE notes (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  body_json  TEXT NOT NULL,
  body_text  TEXT NOT NULL,
  article_id TEXT REFERENCES articles (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Which highlights a note cites: the backlinks shown on articles.
CREATE TABLE note_citations (
  note_id       TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  annotation_id TEXT NOT NULL,
  PRIMARY KEY (note_id, annotation_id)
) WITHOUT ROWID;
CREATE INDEX note_citations_annotation ON note_citations (annotation_id);

CREATE TABLE dossiers (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  subtitle     TEXT,
  author       TEXT,
  date         TEXT,
  marking      TEXT,
  summary_json TEXT,
  summary_text TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE dossier_items (
  id           TEXT PRIMARY KEY,
  dossier_id   TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('heading', 'article', 'annotation', 'note')),
  ref_id       TEXT,
  heading      TEXT,
  options_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX dossier_items_order ON dossier_items (dossier_id, position);

-- The change log: what changed, in order. Consumed by the search index (see search/).
CREATE TABLE changes (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  entity    TEXT NOT NULL CHECK (entity IN ('article', 'annotation', 'note', 'label')),
  entity_id TEXT NOT NULL,
  op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('article', NEW.id, 'upsert');
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('article', NEW.id, 'upsert');
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('article', OLD.id, 'delete');
END;
CREATE TRIGGER article_tags_ai AFTER INSERT ON article_tags BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('article', NEW.article_id, 'upsert');
END;
CREATE TRIGGER article_tags_ad AFTER DELETE ON article_tags
  WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('article', OLD.article_id, 'upsert');
END;

CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('annotation', NEW.id, 'upsert');
END;
CREATE TRIGGER annotations_au AFTER UPDATE ON annotations BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('annotation', NEW.id, 'upsert');
END;
CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('annotation', OLD.id, 'delete');
END;
CREATE TRIGGER annotation_tags_ai AFTER INSERT ON annotation_tags BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('annotation', NEW.annotation_id, 'upsert');
END;
CREATE TRIGGER annotation_tags_ad AFTER DELETE ON annotation_tags
  WHEN EXISTS (SELECT 1 FROM annotations WHERE id = OLD.annotation_id) BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('annotation', OLD.annotation_id, 'upsert');
END;

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('note', NEW.id, 'upsert');
END;
CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('note', NEW.id, 'upsert');
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('note', OLD.id, 'delete');
END;

-- A renamed label changes what its annotations are found by.
CREATE TRIGGER labels_au AFTER UPDATE OF name ON labels BEGIN
  INSERT INTO changes (entity, entity_id, op) VALUES ('label', NEW.id, 'upsert');
END;
`;
