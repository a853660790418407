WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE list_contains(types, r.type) AND r.id > $after
RETURN a.id AS source, b.id AS target, r ORDER BY r.id LIMIT $limit
