// One batch of entity rows (see EntityRecord in server/store/records.ts); null fields are left unset.
UNWIND $rows AS row
CREATE (e:Entity)
SET e = row
RETURN count(e) AS written
