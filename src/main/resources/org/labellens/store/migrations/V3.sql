-- Schema version 2 -> 3.

-- ---- Case-insensitive repositories ----
-- GitHub names repositories ignoring case: a/b#1 and A/B#1 are one issue. Before this script, the
-- upgrade merges issues stored twice under spellings that differ only in case and gives every issue
-- of a repository its first-stored spelling (store/RepositoryCaseMerge, reported on stderr); this
-- index then keeps one row per (repository ignoring case, number).
CREATE UNIQUE INDEX IF NOT EXISTS issue_key_nocase ON issue (repo COLLATE NOCASE, number);
-- ---- end: case-insensitive repositories ----
