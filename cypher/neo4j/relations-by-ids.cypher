// The hint pins the (gen, id) uniqueness constraint's index: on a small or freshly loaded graph the planner's
// statistics sometimes made it start from a label scan and expand every relation instead (seen once in CI).
MATCH (a:Entity)-[r:RELATION]->(b:Entity) USING INDEX r:RELATION(gen, id) WHERE r.gen = $gen AND r.id IN $ids RETURN a.id AS source, b.id AS target, r
