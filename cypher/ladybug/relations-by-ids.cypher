MATCH (a:Entity)-[r:Relation]->(b:Entity) WHERE r.id IN $ids RETURN a.id AS source, b.id AS target, r
