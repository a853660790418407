// neighbours.cypher from one entity (cypher/ladybug/neighbours-one.cypher says why LadybugDB needs the twin). $types empty: every type.
MATCH (a:Entity {gen: $gen, id: $id})-[r:RELATION]-(b:Entity)
WHERE size($types) = 0 OR r.type IN $types
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
