// relations-from-one.cypher the other way: the relations into one entity from any of
// $others, through the backward adjacency of the entity found by its key.
MATCH (a:Entity)-[r:Relation]->(b:Entity {id: $id})
WHERE offset(ID(a)) IN $others
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
