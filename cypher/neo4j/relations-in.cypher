MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE b.gen = $gen AND b.id IN $ids AND (size($types) = 0 OR r.type IN $types)
RETURN a.id AS source, b.id AS target, r
