// Filtered by type, written from the filtered end; the list is bound first (see relations-out-typed).
WITH CAST($types AS STRING[]) AS types
MATCH (b:Entity)<-[r:Relation]-(a:Entity)
WHERE b.id IN $ids AND list_contains(types, r.type)
RETURN a.id AS source, b.id AS target, r
