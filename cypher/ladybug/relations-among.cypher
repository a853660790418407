// $minDegree is the least stored degree among $ids: compared first, it spares most
// relations the list test (which the engine runs on every relation: there is no
// index-driven form for a list of ids, see neighbours-one.cypher). Measured
// 2026-11-30 on 1,000,000 relations, the overview's 2,000 best-connected entities:
// about 50 ms with it, seconds without (load average 13).
MATCH (a:Entity)-[r:Relation]->(b:Entity)
WHERE a.degree >= $minDegree AND b.degree >= $minDegree AND a.id IN $ids AND b.id IN $ids
// Properties as columns, not the relationship value (see entities-by-ids.cypher).
RETURN a.id AS source, b.id AS target, r.id AS id, r.type AS type, r.date AS date, r.endDate AS endDate, r.dateDerived AS dateDerived, r.role AS role, r.note AS note, r.evidence AS evidence
