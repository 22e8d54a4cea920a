-- Schema version 1 -> 2: per-run summaries for counting raw shares (see run_share_count in schema.sql).

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

-- Summaries of the keyword runs already written (imported runs are counted from their items).
INSERT INTO run_share_count (run_id, framework, production, dimension, labels, items)
WITH items AS (
  SELECT r.run_id, r.issue_id, i.framework, coalesce(r.is_production, -1) AS production
  FROM classifier_run k JOIN run_item r ON r.run_id = k.id JOIN issue i ON i.id = r.issue_id
  WHERE k.kind = 'keyword'
),
sets AS (
  SELECT p.run_id, p.issue_id, p.dimension, json_group_array(p.label ORDER BY p.label) AS labels
  FROM classifier_run k JOIN prediction p ON p.run_id = k.id
  WHERE k.kind = 'keyword'
  GROUP BY p.run_id, p.issue_id, p.dimension
)
SELECT run_id, framework, production, '', '[]', count(*) FROM items
GROUP BY run_id, framework, production
UNION ALL
SELECT s.run_id, i.framework, i.production, s.dimension, s.labels, count(*)
FROM sets s JOIN items i ON i.run_id = s.run_id AND i.issue_id = s.issue_id
GROUP BY s.run_id, i.framework, i.production, s.dimension, s.labels;
