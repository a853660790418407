// Since 2026-11-30 the store runs this only when LadybugDB's in-memory graph index could
// not be built (server/store/graph-index.ts, indexed-reads.ts; cypher-store.ts falls back
// to these statements); the findings below are why that index exists.
// neighbours.cypher from one entity: an equality on the key is the one shape the planner
// turns into a primary-key lookup (PRIMARY_KEY_SCAN_NODE_TABLE in EXPLAIN). `a.id IN $ids`
// scans the whole Entity table and tests the list on every row, and UNWIND $ids ... MATCH
// (a {id: id})-[]-(b) hash-joins against a scan of every relation. Measured 2026-11-30 on
// 1,000,000 relations (load average 13): 5-9 ms here, 15 ms for the IN form with one id,
// 96 ms with 20 ids, 2.4 s with 500; the UNWIND form 1.8 s even for one id. So the store
// asks this statement once per id for a small frontier, and neighbours.cypher for a large one.
MATCH (a:Entity {id: $id})-[:Relation]-(b:Entity)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
