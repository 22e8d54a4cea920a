-- Schema version 4 -> 5.

-- Part: fetching from the GitHub API (docs/decisions/0018-fetch.md).
-- Keep in step with the same part of schema.sql. IF NOT EXISTS: a project whose version was set
-- back by hand (tests of older upgrades do so) upgrades all the same.
CREATE TABLE IF NOT EXISTS fetch_source (
  id               INTEGER PRIMARY KEY,
  api_url          TEXT    NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('repo', 'search')),
  target           TEXT    NOT NULL,
  filters          TEXT    NOT NULL,
  since            TEXT,
  pass_next_url    TEXT,
  pass_started_at  TEXT,
  pass_max_updated TEXT,
  pass_counts      TEXT,
  completed_at     TEXT,
  CONSTRAINT fetch_source_key UNIQUE (api_url, kind, target, filters)
);

CREATE TABLE IF NOT EXISTS fetch_page (
  source_id  INTEGER NOT NULL REFERENCES fetch_source (id) ON DELETE CASCADE,
  url        TEXT    NOT NULL,
  etag       TEXT    NOT NULL,
  next_url   TEXT,
  items      INTEGER NOT NULL,
  fetched_at TEXT    NOT NULL,
  PRIMARY KEY (source_id, url)
);

CREATE TABLE IF NOT EXISTS issue_source (
  issue_id          INTEGER PRIMARY KEY REFERENCES issue (id) ON DELETE CASCADE,
  source_url        TEXT    NOT NULL,
  fetched_at        TEXT    NOT NULL,
  remote_updated_at TEXT
);

CREATE TABLE IF NOT EXISTS issue_comment (
  issue_id   INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
  comment_id INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  author     TEXT,
  body       TEXT    NOT NULL,
  created_at TEXT,
  updated_at TEXT,
  url        TEXT,
  PRIMARY KEY (issue_id, comment_id)
);
CREATE INDEX IF NOT EXISTS issue_comment_order ON issue_comment (issue_id, position);
-- End of part: fetching from the GitHub API.
