// The relations from one entity to any of the entities whose internal offsets are
// $others, whole: how the store reads a few relations the in-memory adjacency chose
// (server/store/graph-index.ts pairsAmong; indexed-reads.ts), here the steps of a
// shortest path or a small neighbourhood. Only an equality on the key is index-driven
// (neighbours-one.cypher); no set-based shape is (relations-from-heads.cypher).
// Offsets, not ids: an integer list test is cheaper than a string one (measured
// 2026-11-30 on 1,000,000 relations, load average 3-5: 1.5 ms against 2.2 ms from an
// entity of 14 relations, 3.7 against 6.1 from a hub of 3,165).
MATCH (a:Entity {id: $id})-[r:Relation]->(b:Entity)
WHERE offset(ID(b)) IN $others
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
