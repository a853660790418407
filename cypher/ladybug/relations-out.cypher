MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE a.id IN $ids AND (size(CAST($types AS STRING[])) = 0 OR r.type IN CAST($types AS STRING[]))
RETURN a.id AS source, b.id AS target, r
