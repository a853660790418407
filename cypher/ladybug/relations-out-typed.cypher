// Filtered by type. The type list is bound with WITH first: inline, the list
// parameter makes the engine scan every relation (300 ms instead of 5 on a million).
WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE a.id IN $ids AND list_contains(types, r.type)
RETURN a.id AS source, b.id AS target, r
