MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE a.gen = $gen AND a.id IN $ids AND (size($types) = 0 OR r.type IN $types)
RETURN a.id AS source, b.id AS target, r
