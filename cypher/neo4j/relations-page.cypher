// Ordered by r.gen first (one value here) so that the (gen, id) index gives
// the order and the page reads only its own rows.
MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE r.gen = $gen AND (size($types) = 0 OR r.type IN $types) AND r.id > $after
RETURN a.id AS source, b.id AS target, r ORDER BY r.gen, r.id LIMIT $limit
