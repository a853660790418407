// Since 2026-11-30 the store runs this only when LadybugDB's in-memory graph index could
// not be built (server/store/graph-index.ts, indexed-reads.ts; cypher-store.ts falls back
// to these statements); the findings below are why that index exists.
// One entity's relations as (neighbour id, relation id) pairs, both directions, no
// properties: the shortest path's last pass picks its next step from these
// (shortest-walk.ts), then reads the chosen relations whole (relations-among).
MATCH (a:Entity {id: $id})-[r:Relation]-(b:Entity)
RETURN b.id AS id, r.id AS relation
