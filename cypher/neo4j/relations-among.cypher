MATCH (a:Entity)-[r:RELATION]->(b:Entity)
// $minDegree, the least stored degree among $ids, changes nothing here (cypher/ladybug/relations-among.cypher says why LadybugDB needs it).
WHERE a.gen = $gen AND b.gen = $gen AND a.degree >= $minDegree AND b.degree >= $minDegree AND a.id IN $ids AND b.id IN $ids AND (size($types) = 0 OR r.type IN $types)
RETURN a.id AS source, b.id AS target, r
