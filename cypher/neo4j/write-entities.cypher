// One batch of entity rows (see EntityRecord in server/store/records.ts) of generation $gen; null fields are left unset.
UNWIND $rows AS row
CREATE (e:Entity)
SET e = row
SET e.gen = $gen
RETURN count(e) AS written
