// What the full-text index reads of every relation: its ends and its evidence quotes.
MATCH (a:Entity)-[r:RELATION]->(b:Entity) RETURN r.id AS id, a.id AS source, b.id AS target, r.evidence AS evidence
