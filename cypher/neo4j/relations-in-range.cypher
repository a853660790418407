// The relations of a page whose ids relations-page.cypher found: a range of the (gen, id) index.
MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE r.gen = $gen AND (size($types) = 0 OR r.type IN $types) AND r.id > $after AND r.id <= $last
RETURN a.id AS source, b.id AS target, r
