MATCH (a:Entity)-[r:RELATION]->(b:Entity) WHERE r.gen = $gen AND r.id IN $ids RETURN a.id AS source, b.id AS target, r
