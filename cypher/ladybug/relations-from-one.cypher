// The relations from one entity to any of $ids, whole: how the store reads the
// relations the in-memory adjacency chose (graph-index.ts pairsAmong, the shortest
// path's steps). Only an equality on the key is index-driven (neighbours-one.cypher);
// every set-based shape tried scans the relation table. Measured 2026-11-30 on
// 1,000,000 relations (load average 9), for 300 relations from 30 entities:
// UNWIND $pairs AS p MATCH (a {id: p[1]})-[r]->(b {id: p[2]}) 2.0 s;
// UNWIND $srcs AS s MATCH (a {id: s})-[r]->(b) WHERE b.id IN $ids 0.39 s;
// UNWIND ... MATCH (a {id: s}) OPTIONAL MATCH (a)-[r]->(b) 0.32 s; WITH a between the
// two MATCHes does not bind ("Cannot evaluate expression with type VARIABLE");
// WHERE ID(r) = internal_id(4, $o) 120 ms (a scan); this statement 1-4 ms per entity.
// So the store runs it once per entity, in parallel over the reader pool, the
// $ids filter leaving the evidence of every other relation unread.
MATCH (a:Entity {id: $id})-[r:Relation]->(b:Entity)
WHERE b.id IN $ids
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
