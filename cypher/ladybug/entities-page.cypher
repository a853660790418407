// Properties as columns (see entities-by-ids.cypher for why).
MATCH (e:Entity)
WHERE ($kind = '' OR e.kind = $kind) AND e.id > $after
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.summary AS summary, e.date AS date, e.endDate AS endDate, e.dateDerived AS dateDerived, e.standsFor AS standsFor, e.evidence AS evidence, e.claims AS claims, e.degree AS degree
ORDER BY id LIMIT $limit
