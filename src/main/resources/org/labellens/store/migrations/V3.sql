-- Schema version 2 -> 3.

-- ---- Case-insensitive repositories ----
-- GitHub names repositories ignoring case: a/b#1 and A/B#1 are one issue. Before this script, the
-- upgrade merges issues stored twice under spellings that differ only in case and gives every issue
-- of a repository its first-stored spelling (store/RepositoryCaseMerge, reported on stderr); this
-- index then keeps one row per (repository ignoring case, number).
CREATE UNIQUE INDEX IF NOT EXISTS issue_key_nocase ON issue (repo COLLATE NOCASE, number);
-- ---- end: case-insensitive repositories ----

-- Part: decision provenance. Who made each decision: a person (the window, or an exchange file of a
-- person's decisions) or `simulate`. Existing rows are a person's, except the events recorded by
-- `simulate` itself (origin 'simulate'), which are marked as such; the append-only trigger is lifted
-- for that one update and put back. The current decision carries its event's provenance.
ALTER TABLE annotation_event ADD COLUMN made_by TEXT NOT NULL DEFAULT 'person'
  CHECK (made_by IN ('person', 'simulate'));
DROP TRIGGER annotation_event_append_only_update;
UPDATE annotation_event SET made_by = 'simulate' WHERE origin = 'simulate';
CREATE TRIGGER annotation_event_append_only_update BEFORE UPDATE ON annotation_event
BEGIN
  SELECT RAISE(ABORT, 'annotation_event is append-only');
END;
ALTER TABLE decision ADD COLUMN made_by TEXT NOT NULL DEFAULT 'person'
  CHECK (made_by IN ('person', 'simulate'));
UPDATE decision SET made_by = 'simulate'
  WHERE event_id IN (SELECT id FROM annotation_event WHERE made_by = 'simulate');
-- End of part: decision provenance.
