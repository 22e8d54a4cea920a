-- Schema version 2 -> 3.

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
