// What the full-text index reads of every relation: its ends and its evidence quotes, one row per source
// entity and distinct evidence (many relations of a large graph cite the same words; grouping here is far
// cheaper than a row each). Not one row per evidence alone: at a million relations citing the same words,
// that one row's three lists of a million took Neo4j 50 s to build and send; per source entity, 7 s.
MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE a.gen = $gen
WITH a, r.evidence AS evidence, collect(r.id) AS ids, collect(b.id) AS tos
RETURN evidence, ids, [i IN ids | a.id] AS froms, tos
