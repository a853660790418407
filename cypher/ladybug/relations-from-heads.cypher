// The relations from any entity of $heads to any of $others (both lists internal
// offsets, which the in-memory index keeps: server/store/graph-index.ts), whole: how the
// store reads the relations among a neighbourhood's entities once the index has chosen
// which ends to read them from (pairsAmong: each relation under one end).
// Measured 2026-11-30 on 1,000,000 relations (load average 5), a depth-2 neighbourhood
// of 500 entities and 580 relations among them, read from 49-68 heads:
//  - this statement 15-29 ms (a scan of the entities' offsets, then each head's own
//    relations; the integer list test costs about 4 ms per 70 heads);
//  - one primary-key statement per head (relations-from-one.cypher), 100-160 of them,
//    1.5-4 ms each: 180-550 ms for the neighbourhood even over the four readers;
//  - with string ids (a.id IN $ids AND b.id IN $ids) 290 ms, as relations-among.cypher
//    (a scan of every relation) 270-520 ms, UNWIND $ids ... MATCH (a {id: i})-[r]->(b)
//    130-400 ms (a hash join over every relation), UNWIND over offsets with
//    ID(a) = internal_id(0, o) 170-550 ms, a '0'/'1' mask string tested with substring()
//    2-7 s (the parameter is copied per row).
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE offset(ID(a)) IN $heads AND offset(ID(b)) IN $others
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
