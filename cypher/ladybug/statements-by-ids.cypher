// One primary-key lookup per id, as entities-by-ids.
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s
