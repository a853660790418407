// The entities one hop from any of $ids, once each, with what the walk ranks them by
// (cypher/ladybug/neighbours.cypher says why ids only). $types empty: every type.
MATCH (a:Entity)-[r:RELATION]-(b:Entity)
WHERE a.gen = $gen AND a.id IN $ids AND (size($types) = 0 OR r.type IN $types)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
