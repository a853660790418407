MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE r.id > $after
RETURN a.id AS source, b.id AS target, r ORDER BY r.id LIMIT $limit
