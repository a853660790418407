// neighbours.cypher, through relations of the given types only. The type list is
// bound with WITH first, as in relations-out-typed.cypher (inline, it scans every relation).
WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]-(b:Entity)
WHERE a.id IN $ids AND list_contains(types, r.type)
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
