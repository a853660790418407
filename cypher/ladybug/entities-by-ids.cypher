// One primary-key lookup per id (an IN filter would scan the table).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e
