// Properties as columns (see entities-by-ids.cypher for why).
MATCH (e:Entity)
WHERE e.kind = 'Event' AND e.date IS NOT NULL AND e.date <> ''
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.summary AS summary, e.date AS date, e.endDate AS endDate, e.dateDerived AS dateDerived, e.standsFor AS standsFor, e.evidence AS evidence, e.claims AS claims, e.degree AS degree
ORDER BY date, id
