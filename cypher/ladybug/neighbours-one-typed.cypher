// Not run by the store since 2026-11-30: LadybugDB walks its in-memory graph index
// (server/store/graph-index.ts, indexed-reads.ts). Kept for the findings below and as the
// statement an engine without that index would run (cypher-store.ts).
// neighbours-one.cypher through relations of the given types. Not bound with WITH first as
// relations-out-typed.cypher binds it: WITH CAST($types ...) before this MATCH crashed the
// process (segmentation fault, LadybugDB 0.19.1, 2026-11-30); from one primary key the
// inline list test runs on that entity's relations only.
MATCH (a:Entity {id: $id})-[r:Relation]-(b:Entity)
WHERE list_contains($types, r.type)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
