// What the full-text index reads of every relation: its ends and its evidence quotes, one row per distinct
// evidence (many relations of a large graph cite the same words; grouping here is far cheaper than a row each).
MATCH (a:Entity)-[r:RELATION]->(b:Entity)
WHERE a.gen = $gen
RETURN r.evidence AS evidence, collect(r.id) AS ids, collect(a.id) AS froms, collect(b.id) AS tos
