MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE (size(CAST($types AS STRING[])) = 0 OR r.type IN CAST($types AS STRING[])) AND r.id > $after
RETURN a.id AS source, b.id AS target, r ORDER BY r.id LIMIT $limit
