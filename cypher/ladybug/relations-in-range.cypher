// The relations of a page whose ids relations-page.cypher found: every id after $after up to $last, unsorted (the
// store puts them in the page's order), so no sort holds their evidence.
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE r.id > $after AND r.id <= $last
// Properties as columns, not the relationship value (see entities-by-ids.cypher).
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
