// Not run by the store since 2026-11-30: LadybugDB walks its in-memory graph index
// (server/store/graph-index.ts, indexed-reads.ts). Kept for the findings below and as the
// statement an engine without that index would run (cypher-store.ts).
// neighbours.cypher, through relations of the given types only. The type list is
// bound with WITH first, as in relations-out-typed.cypher (inline, it scans every relation).
WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]-(b:Entity)
WHERE a.id IN $ids AND list_contains(types, r.type)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
