// Unfiltered by type: a separate statement, because even an always-true
// filter on a list parameter makes the engine scan every relation.
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE a.id IN $ids
RETURN a.id AS source, b.id AS target, r
