MATCH (a:Entity)-[r:RELATION]->(b:Entity) WHERE r.id IN $ids RETURN a.id AS source, b.id AS target, r
