// relations-in-range.cypher for some relation types.
WITH CAST($types AS STRING[]) AS types
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE list_contains(types, r.type) AND r.id > $after AND r.id <= $last
// Properties as columns, not the relationship value (see entities-by-ids.cypher).
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
