// The overview of some kinds: best-connected entities first. (Binding the
// kinds with WITH first, as the relation statements do, crashes the engine here.)
MATCH (e:Entity)
WHERE e.kind IN CAST($kinds AS STRING[])
// Properties as columns (see entities-by-ids.cypher for why).
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.summary AS summary, e.date AS date, e.endDate AS endDate, e.dateDerived AS dateDerived, e.standsFor AS standsFor, e.evidence AS evidence, e.claims AS claims, e.degree AS degree
ORDER BY degree DESC, id LIMIT $limit
