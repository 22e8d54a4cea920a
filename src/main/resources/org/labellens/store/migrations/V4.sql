-- Schema version 3 -> 4.

-- Part: one content hash. An issue's content_hash now has one form: the SHA-256 of its stored
-- fields, length-prefixed (64 lower-case hex digits; docs/decisions/0014-one-content-hash.md).
-- Earlier builds also wrote "u8:" and "m3:" forms, which SQLite cannot compute into the new one;
-- they are cleared here. The next import of such an issue hashes the stored content instead
-- and compares that, so an unchanged issue is still reported unchanged (and gets its hash then).
-- A SHA-256 hash an earlier build wrote is already of the one form and stays.
UPDATE issue SET content_hash = ''
  WHERE length(content_hash) <> 64 OR content_hash GLOB '*[^0-9a-f]*';
-- End of part: one content hash.
