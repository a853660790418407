// Since 2026-11-30 the store runs this only when LadybugDB's in-memory graph index could
// not be built (server/store/graph-index.ts, indexed-reads.ts; cypher-store.ts falls back
// to these statements); the findings below are why that index exists.
// neighbours-one.cypher through relations of the given types. Not bound with WITH first as
// relations-out-typed.cypher binds it: WITH CAST($types ...) before this MATCH crashed the
// process (segmentation fault, LadybugDB 0.19.1, 2026-11-30); from one primary key the
// inline list test runs on that entity's relations only.
MATCH (a:Entity {id: $id})-[r:Relation]-(b:Entity)
WHERE list_contains($types, r.type)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
