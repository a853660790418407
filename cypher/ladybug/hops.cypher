// Not run by the store since 2026-11-30: LadybugDB walks its in-memory graph index
// (server/store/graph-index.ts, indexed-reads.ts). Kept for the findings below and as the
// statement an engine without that index would run (cypher-store.ts).
// One entity's relations as (neighbour id, relation id) pairs, both directions, no
// properties: the shortest path's last pass picks its next step from these
// (shortest-walk.ts), then reads the chosen relations whole (relations-among).
MATCH (a:Entity {id: $id})-[r:Relation]-(b:Entity)
RETURN b.id AS id, r.id AS relation
