// One entity's relations as (neighbour id, relation id) pairs, both directions
// (cypher/ladybug/hops.cypher says why no properties).
MATCH (a:Entity {gen: $gen, id: $id})-[r:RELATION]-(b:Entity)
RETURN b.id AS id, r.id AS relation
