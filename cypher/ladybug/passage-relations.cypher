// What the full-text index reads of every relation: its ends and its evidence quotes, a row each, read as a
// stream (CypherEngine.scan); the store groups rows that cite the same words (cypher-store.ts scanPassages).
// Not grouped here: `collect` per distinct evidence built its lists in LadybugDB's memory before the first
// row, and at a million relations citing the same words (the synthetic graph) the scan peaked at 875 MiB
// resident; a row each, streamed, at 365 MiB (bench scripts, 2026-12-01; the 256 MiB pool).
MATCH (a:Entity)-[r:Relation]->(b:Entity)
RETURN r.evidence AS evidence, r.id AS id, a.id AS from, b.id AS to
