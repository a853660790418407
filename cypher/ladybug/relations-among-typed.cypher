WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND list_contains(types, r.type)
RETURN a.id AS source, b.id AS target, r
