// Not run by the store since 2026-11-30: LadybugDB walks its in-memory graph index
// (server/store/graph-index.ts, indexed-reads.ts). Kept for the findings below and as the
// statement an engine without that index would run (cypher-store.ts).
// neighbours.cypher from one entity: an equality on the key is the one shape the planner
// turns into a primary-key lookup (PRIMARY_KEY_SCAN_NODE_TABLE in EXPLAIN). `a.id IN $ids`
// scans the whole Entity table and tests the list on every row, and UNWIND $ids ... MATCH
// (a {id: id})-[]-(b) hash-joins against a scan of every relation. Measured 2026-11-30 on
// 1,000,000 relations (load average 13): 5-9 ms here, 15 ms for the IN form with one id,
// 96 ms with 20 ids, 2.4 s with 500; the UNWIND form 1.8 s even for one id. So the store
// asks this statement once per id for a small frontier, and neighbours.cypher for a large one.
MATCH (a:Entity {id: $id})-[:Relation]-(b:Entity)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
