// One equality lookup per id: the (gen, id) constraint's index is sought for each. With `r.id IN $ids` the planner
// sometimes scanned every relation, and with an index hint it scanned the whole index (gen IS NOT NULL), seen in CI.
// Without a hint the UNWIND form was sought in most runs, but one CI run (2026-12-01) planned a scan of the whole
// (gen, id) index filtered per id: on the small test graph the planner's statistics can price the scan lower.
// `USING INDEX SEEK` allows only a seek of that index, so the plan no longer depends on the statistics.
UNWIND $ids AS id
MATCH (a:Entity)-[r:RELATION {gen: $gen, id: id}]->(b:Entity)
USING INDEX SEEK r:RELATION(gen, id)
RETURN a.id AS source, b.id AS target, r
