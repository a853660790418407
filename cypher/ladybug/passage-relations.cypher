// What the full-text index reads of every relation: its ends and its evidence quotes, a row each, read as a
// stream (CypherEngine.scan); the store groups rows that cite the same words (cypher-store.ts scanPassages).
// Not grouped here: `collect` per distinct evidence built its lists in LadybugDB's memory before the first
// row, and at a million relations citing the same words (the synthetic graph) the scan peaked at 875 MiB
// resident; a row each, streamed, at 365 MiB (bench scripts, 2026-12-01; the 256 MiB pool).
// Read range by range of source offsets ($lo inclusive, $hi exclusive; LadybugEngine.scan): the engine
// builds a statement's whole result before the first row is read, and the million rows at once held about
// 250 MiB; ranges of about 100,000 relations peaked at 173 MiB resident for the whole scan (bench script,
// 2026-12-01). The whole scan without a range filter outgrew the 256 MiB pool.
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE offset(ID(a)) >= $lo AND offset(ID(a)) < $hi
RETURN r.evidence AS evidence, r.id AS id, a.id AS from, b.id AS to
