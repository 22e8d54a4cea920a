-- LabelLens project database, schema version 5.
--
-- This file is the one source of the schema: the build packages it, `labellens init` applies it, and
-- the application refuses a database whose PRAGMA user_version it does not know.
-- Conventions: every table has an explicit key; text timestamps are ISO-8601 UTC ("2025-03-02T10:15:00Z");
-- lists and JSON values are stored as JSON text; no SQLite-only types, so the schema ports to a server
-- database. The FTS5 table at the end is the one SQLite-specific part (search is optional for a port).
-- Connection settings (WAL, foreign keys, busy timeout) are applied by the application on every open.

-- Facts about the project itself: schema history, creation time, default taxonomy.
CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per GitHub issue, identified by (repo, number). Pull requests are never stored.
CREATE TABLE issue (
  id           INTEGER PRIMARY KEY,
  repo         TEXT    NOT NULL,
  number       INTEGER NOT NULL,
  framework    TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  labels       TEXT    NOT NULL DEFAULT '[]',   -- JSON array of label names, in the source's order
  state        TEXT,                            -- open | closed (lower case)
  created_at   TEXT,
  closed_at    TEXT,
  url          TEXT,
  author       TEXT,
  comments     INTEGER,
  content_hash TEXT    NOT NULL,                -- SHA-256 of the stored fields, length-prefixed (64 hex digits; '' until the next import after the upgrade to version 4); decides updated/unchanged
  imported_at  TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  CONSTRAINT issue_key UNIQUE (repo, number),
  CONSTRAINT issue_number_positive CHECK (number > 0)
);
CREATE INDEX issue_framework ON issue (framework, repo, number);
-- GitHub names repositories ignoring case: one row per (repository ignoring case, number); the
-- stored spelling is the first seen (docs/decisions/0013-untrusted-text-and-case-insensitive-repositories.md).
CREATE UNIQUE INDEX issue_key_nocase ON issue (repo COLLATE NOCASE, number);

-- One row per import (for provenance: which file, how many new/updated/unchanged).
CREATE TABLE import_batch (
  id                    INTEGER PRIMARY KEY,
  started_at            TEXT    NOT NULL,
  files                 TEXT    NOT NULL,       -- JSON array of file names
  format                TEXT    NOT NULL,
  new_count             INTEGER NOT NULL,
  updated_count         INTEGER NOT NULL,
  unchanged_count       INTEGER NOT NULL,
  pull_requests_skipped INTEGER NOT NULL
);

-- Taxonomies: the exact JSON document, identified by its content hash (SHA-256 of the canonical JSON).
CREATE TABLE taxonomy (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  version      TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  content      TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX taxonomy_name ON taxonomy (name, version);

-- A classifier run: our keyword classifier over a taxonomy, or labels imported from an outside classifier.
CREATE TABLE classifier_run (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL CHECK (kind IN ('keyword', 'imported')),
  taxonomy_id INTEGER REFERENCES taxonomy (id),
  source      TEXT,                             -- imported runs: the file and field the labels came from
  created_at  TEXT    NOT NULL,
  issue_count INTEGER NOT NULL DEFAULT 0
);

-- The issues a run covers, with the derived primary category (most evidence, ties by taxonomy order;
-- 'other' when nothing matched). An issue a run covers with no prediction row has the empty set.
CREATE TABLE run_item (
  run_id           INTEGER NOT NULL REFERENCES classifier_run (id) ON DELETE CASCADE,
  issue_id         INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  primary_label    TEXT    NOT NULL,
  is_production    INTEGER,                     -- 1/0 where the taxonomy defines production rules
  has_bug_label    INTEGER,                     -- 1/0 where the taxonomy defines a bug/perf label set
  PRIMARY KEY (run_id, issue_id)
);
CREATE INDEX run_item_primary ON run_item (run_id, primary_label);

-- Predicted labels: one row per (run, issue, dimension, label). Set-valued dimensions have several rows.
CREATE TABLE prediction (
  run_id    INTEGER NOT NULL,
  issue_id  INTEGER NOT NULL,
  dimension TEXT    NOT NULL,
  label     TEXT    NOT NULL,
  PRIMARY KEY (run_id, issue_id, dimension, label),
  FOREIGN KEY (run_id, issue_id) REFERENCES run_item (run_id, issue_id) ON DELETE CASCADE
);
CREATE INDEX prediction_label ON prediction (run_id, dimension, label);

-- Evidence for predictions: which rule fired, in which field, where (first occurrence) and how often.
CREATE TABLE evidence (
  run_id    INTEGER NOT NULL,
  issue_id  INTEGER NOT NULL,
  dimension TEXT    NOT NULL,
  label     TEXT    NOT NULL,
  keyword   TEXT    NOT NULL,                   -- the keyword, phrase or pattern that matched
  field     TEXT    NOT NULL,                   -- title | body | labels (and body zones: code, log, ...)
  start_offset INTEGER NOT NULL,                -- UTF-16 offsets into the field's original text
  end_offset   INTEGER NOT NULL,
  hits      INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (run_id, issue_id, dimension, label, keyword, field),
  FOREIGN KEY (run_id, issue_id) REFERENCES run_item (run_id, issue_id) ON DELETE CASCADE
);
CREATE INDEX evidence_keyword ON evidence (run_id, keyword);

-- A summary of a keyword run for counting its raw shares over a frame without reading every run
-- item (validation, reports): the run's items counted by framework, production flag
-- (run_item.is_production, -1 where null), dimension and the item's set of predicted labels of that
-- dimension (a JSON array, sorted). One row per (framework, production) with dimension '' and labels
-- '[]' counts all the run's items, so an item with no label of a dimension is counted too. Written
-- with the run (RunShareStore); the triggers below drop a run's summary whenever its items change or
-- an issue it covers moves to another framework, and readers then count from the run itself.
CREATE TABLE run_share_count (
  run_id     INTEGER NOT NULL REFERENCES classifier_run (id) ON DELETE CASCADE,
  framework  TEXT    NOT NULL,
  production INTEGER NOT NULL,
  dimension  TEXT    NOT NULL,
  labels     TEXT    NOT NULL,
  items      INTEGER NOT NULL,
  PRIMARY KEY (run_id, framework, production, dimension, labels)
);

CREATE TRIGGER run_share_count_item_added AFTER INSERT ON run_item
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id = new.run_id)
BEGIN
  DELETE FROM run_share_count WHERE run_id = new.run_id;
END;

CREATE TRIGGER run_share_count_item_removed AFTER DELETE ON run_item
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id = old.run_id)
BEGIN
  DELETE FROM run_share_count WHERE run_id = old.run_id;
END;

CREATE TRIGGER run_share_count_item_changed AFTER UPDATE ON run_item
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id IN (old.run_id, new.run_id))
BEGIN
  DELETE FROM run_share_count WHERE run_id IN (old.run_id, new.run_id);
END;

CREATE TRIGGER run_share_count_prediction_changed AFTER UPDATE ON prediction
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id IN (old.run_id, new.run_id))
BEGIN
  DELETE FROM run_share_count WHERE run_id IN (old.run_id, new.run_id);
END;

CREATE TRIGGER run_share_count_prediction_removed AFTER DELETE ON prediction
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id = old.run_id)
BEGIN
  DELETE FROM run_share_count WHERE run_id = old.run_id;
END;

CREATE TRIGGER run_share_count_prediction_added AFTER INSERT ON prediction
WHEN EXISTS (SELECT 1 FROM run_share_count WHERE run_id = new.run_id)
BEGIN
  DELETE FROM run_share_count WHERE run_id = new.run_id;
END;

CREATE TRIGGER run_share_count_framework_changed AFTER UPDATE OF framework ON issue
WHEN old.framework IS NOT new.framework
BEGIN
  DELETE FROM run_share_count
  WHERE run_id IN (SELECT run_id FROM run_item WHERE issue_id = new.id);
END;

-- A sample: how it was drawn, so it can be described in one sentence and drawn again.
CREATE TABLE sample (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  run_id      INTEGER REFERENCES classifier_run (id),
  frame       TEXT    NOT NULL,                 -- all | production | bug-perf
  strata      TEXT    NOT NULL,                 -- e.g. 'framework,predicted'
  allocation  TEXT    NOT NULL,                 -- proportional | equal | margin
  seed        INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  overlap     REAL    NOT NULL DEFAULT 0,
  blind_first INTEGER NOT NULL DEFAULT 0,       -- 1: annotators decide blind, then see the classifier
  taxonomy_id INTEGER REFERENCES taxonomy (id),
  parameters  TEXT    NOT NULL,                 -- JSON: every parameter as given
  created_at  TEXT    NOT NULL
);

CREATE TABLE stratum (
  id                    INTEGER PRIMARY KEY,
  sample_id             INTEGER NOT NULL REFERENCES sample (id) ON DELETE CASCADE,
  stratum_key           TEXT    NOT NULL,       -- JSON object, e.g. {"framework":"vLLM","predicted":"gpu"}
  population            INTEGER NOT NULL CHECK (population >= 0),
  size                  INTEGER NOT NULL CHECK (size >= 0 AND size <= population),
  inclusion_probability REAL    NOT NULL,
  CONSTRAINT stratum_key_unique UNIQUE (sample_id, stratum_key)
);

CREATE TABLE sample_item (
  sample_id  INTEGER NOT NULL REFERENCES sample (id) ON DELETE CASCADE,
  issue_id   INTEGER NOT NULL REFERENCES issue (id),
  stratum_id INTEGER NOT NULL REFERENCES stratum (id) ON DELETE CASCADE,
  draw_rank  INTEGER NOT NULL,                  -- position in the sample's hash order
  hash       TEXT    NOT NULL,                  -- SHA-256 of "<seed>:<repo>#<number>"
  overlap    INTEGER NOT NULL DEFAULT 0,        -- 1: every annotator of the sample labels it
  PRIMARY KEY (sample_id, issue_id)
);
CREATE INDEX sample_item_stratum ON sample_item (stratum_id);

CREATE TABLE annotator (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- Which annotator labels which sampled issue, in which order (queue order is shuffled per annotator).
CREATE TABLE assignment (
  sample_id    INTEGER NOT NULL,
  issue_id     INTEGER NOT NULL,
  annotator_id INTEGER NOT NULL REFERENCES annotator (id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (sample_id, annotator_id, issue_id),
  CONSTRAINT assignment_position UNIQUE (sample_id, annotator_id, position),
  FOREIGN KEY (sample_id, issue_id) REFERENCES sample_item (sample_id, issue_id) ON DELETE CASCADE
);
CREATE INDEX assignment_issue ON assignment (sample_id, issue_id);

-- Append-only log of every annotation decision ever made (the window, simulate, or an imported file).
-- Rows are never updated or deleted (triggers below). event_key makes re-imports idempotent.
CREATE TABLE annotation_event (
  id           INTEGER PRIMARY KEY,
  event_key    TEXT    NOT NULL UNIQUE,         -- SHA-256 of the decision's identity and content
  sample_id    INTEGER NOT NULL REFERENCES sample (id),
  issue_id     INTEGER NOT NULL REFERENCES issue (id),
  annotator_id INTEGER NOT NULL REFERENCES annotator (id),
  dimension    TEXT    NOT NULL,
  value        TEXT    NOT NULL,                -- JSON: a string, or an array for set-valued dimensions
  phase        TEXT    NOT NULL CHECK (phase IN ('blind', 'revealed')),
  predicted    TEXT,                            -- JSON: what the classifier said, as shown (or null)
  unsure       INTEGER NOT NULL DEFAULT 0 CHECK (unsure IN (0, 1)),
  reason       TEXT,
  note         TEXT,
  seconds      REAL,
  decided_at   TEXT    NOT NULL,                -- when the annotator decided (ISO-8601 UTC)
  taxonomy     TEXT,                            -- name@version
  origin       TEXT    NOT NULL DEFAULT 'window',   -- window | simulate | import
  recorded_at  TEXT    NOT NULL,
  made_by      TEXT    NOT NULL DEFAULT 'person'    -- person | simulate (kept through exchange files)
    CHECK (made_by IN ('person', 'simulate'))
);
CREATE INDEX annotation_event_item ON annotation_event (sample_id, issue_id, annotator_id);

CREATE TRIGGER annotation_event_append_only_update BEFORE UPDATE ON annotation_event
BEGIN
  SELECT RAISE(ABORT, 'annotation_event is append-only');
END;
CREATE TRIGGER annotation_event_append_only_delete BEFORE DELETE ON annotation_event
BEGIN
  SELECT RAISE(ABORT, 'annotation_event is append-only');
END;

-- The current decision per (sample, issue, annotator, dimension, phase): the latest event by decided_at
-- (ties broken by event_key), so merging files in any order gives the same project.
CREATE TABLE decision (
  sample_id    INTEGER NOT NULL,
  issue_id     INTEGER NOT NULL,
  annotator_id INTEGER NOT NULL REFERENCES annotator (id),
  dimension    TEXT    NOT NULL,
  phase        TEXT    NOT NULL CHECK (phase IN ('blind', 'revealed')),
  event_id     INTEGER NOT NULL REFERENCES annotation_event (id),
  value        TEXT    NOT NULL,
  unsure       INTEGER NOT NULL DEFAULT 0,
  decided_at   TEXT    NOT NULL,
  made_by      TEXT    NOT NULL DEFAULT 'person'    -- the event's: person | simulate
    CHECK (made_by IN ('person', 'simulate')),
  PRIMARY KEY (sample_id, issue_id, annotator_id, dimension, phase),
  FOREIGN KEY (sample_id, issue_id) REFERENCES sample_item (sample_id, issue_id)
);
CREATE INDEX decision_annotator ON decision (sample_id, annotator_id);

-- Items an annotator skipped (they return at the end of the queue); cleared when a decision is made.
CREATE TABLE skip (
  sample_id    INTEGER NOT NULL,
  issue_id     INTEGER NOT NULL,
  annotator_id INTEGER NOT NULL REFERENCES annotator (id),
  skipped_at   TEXT    NOT NULL,
  PRIMARY KEY (sample_id, issue_id, annotator_id),
  FOREIGN KEY (sample_id, issue_id) REFERENCES sample_item (sample_id, issue_id)
);

-- The lead's gold value for a disagreement, with a note; history in adjudication_event.
CREATE TABLE adjudication (
  sample_id      INTEGER NOT NULL,
  issue_id       INTEGER NOT NULL,
  dimension      TEXT    NOT NULL,
  value          TEXT    NOT NULL,              -- JSON, as in annotation_event
  note           TEXT,
  adjudicator    TEXT    NOT NULL,
  adjudicated_at TEXT    NOT NULL,
  PRIMARY KEY (sample_id, issue_id, dimension),
  FOREIGN KEY (sample_id, issue_id) REFERENCES sample_item (sample_id, issue_id)
);

CREATE TABLE adjudication_event (
  id             INTEGER PRIMARY KEY,
  sample_id      INTEGER NOT NULL,
  issue_id       INTEGER NOT NULL,
  dimension      TEXT    NOT NULL,
  value          TEXT    NOT NULL,
  note           TEXT,
  adjudicator    TEXT    NOT NULL,
  adjudicated_at TEXT    NOT NULL,
  FOREIGN KEY (sample_id, issue_id) REFERENCES sample_item (sample_id, issue_id)
);

-- Full-text search over title and body. Contentless (the text lives in `issue`), with delete support.
-- It is a derived index: import queues new and changed issues in issue_search_pending and the index
-- catches up before the first search (see docs/decisions/0003-schema.md).
CREATE VIRTUAL TABLE issue_search USING fts5 (
  title, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE issue_search_pending (
  issue_id INTEGER PRIMARY KEY REFERENCES issue (id) ON DELETE CASCADE
);

-- Fetching from the GitHub API (schema version 5; docs/decisions/0018-fetch.md). A source is one
-- listing fetched page by page: a repository's issues, or a search query, at one API host with
-- one set of filters. Tokens are never stored.
CREATE TABLE fetch_source (
  id               INTEGER PRIMARY KEY,
  api_url          TEXT    NOT NULL,            -- e.g. https://api.github.com
  kind             TEXT    NOT NULL CHECK (kind IN ('repo', 'search')),
  target           TEXT    NOT NULL,            -- OWNER/NAME; for search, OWNER/NAME and the query
  filters          TEXT    NOT NULL,            -- JSON: state, labels, query, comments as given
  since            TEXT,                        -- the next pass asks for issues updated since this (GitHub's updated_at)
  pass_next_url    TEXT,                        -- the page a pass under way fetches next; null when no pass is under way
  pass_started_at  TEXT,
  pass_max_updated TEXT,                        -- the largest updated_at the pass under way has stored
  pass_counts      TEXT,                        -- JSON: new/updated/unchanged/pull requests of the pass so far
  completed_at     TEXT,                        -- when the last pass finished
  CONSTRAINT fetch_source_key UNIQUE (api_url, kind, target, filters)
);

-- The ETag of each page a source fetched, with what the page held, so that a later pass asks
-- conditionally (If-None-Match) and, on 304 Not Modified, knows the next page and the page's count.
CREATE TABLE fetch_page (
  source_id  INTEGER NOT NULL REFERENCES fetch_source (id) ON DELETE CASCADE,
  url        TEXT    NOT NULL,                  -- the request URL (API host and query, never a token)
  etag       TEXT    NOT NULL,
  next_url   TEXT,                              -- the Link rel="next" of the page, or null on the last
  items      INTEGER NOT NULL,                  -- issues on the page (pull requests not counted)
  fetched_at TEXT    NOT NULL,
  PRIMARY KEY (source_id, url)
);

-- Where and when an issue was last fetched from the API (issues only imported from files have none).
CREATE TABLE issue_source (
  issue_id          INTEGER PRIMARY KEY REFERENCES issue (id) ON DELETE CASCADE,
  source_url        TEXT    NOT NULL,           -- the API page the issue was read from
  fetched_at        TEXT    NOT NULL,
  remote_updated_at TEXT                        -- the issue's updated_at on GitHub then
);

-- An issue's comments (fetch --comments), in GitHub's order.
CREATE TABLE issue_comment (
  issue_id   INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  comment_id INTEGER NOT NULL,                  -- GitHub's comment id
  position   INTEGER NOT NULL,                  -- 1, 2, ... in the order GitHub lists them
  author     TEXT,
  body       TEXT    NOT NULL,
  created_at TEXT,
  updated_at TEXT,
  url        TEXT,
  PRIMARY KEY (issue_id, comment_id)
);
CREATE INDEX issue_comment_order ON issue_comment (issue_id, position);

-- 'LBLN': marks the file as a LabelLens project, whatever its schema version.
PRAGMA application_id = 1279413326;
PRAGMA user_version = 5;
