// Before generations (one graph, ids unique across the database); a load made by that version is replaced by the next load.
DROP CONSTRAINT meta_key IF EXISTS
