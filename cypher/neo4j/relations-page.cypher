MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE (size($types) = 0 OR r.type IN $types) AND r.id > $after
RETURN a.id AS source, b.id AS target, r ORDER BY r.id LIMIT $limit
