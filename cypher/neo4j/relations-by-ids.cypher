// One equality lookup per id: the (gen, id) constraint's index is sought for each. With `r.id IN $ids` the planner
// sometimes scanned every relation, and with an index hint it scanned the whole index (gen IS NOT NULL), seen in CI.
UNWIND $ids AS id
MATCH (a:Entity)-[r:RELATION {gen: $gen, id: id}]->(b:Entity)
RETURN a.id AS source, b.id AS target, r
