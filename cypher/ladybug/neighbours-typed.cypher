// Since 2026-11-30 the store runs this only when LadybugDB's in-memory graph index could
// not be built (server/store/graph-index.ts, indexed-reads.ts; cypher-store.ts falls back
// to these statements); the findings below are why that index exists.
// neighbours.cypher, through relations of the given types only. The type list is
// bound with WITH first, as in relations-out-typed.cypher (inline, it scans every relation).
WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]-(b:Entity)
WHERE a.id IN $ids AND list_contains(types, r.type)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
