// What the full-text index reads of every entity (server/store/full-text): names to find mentions, summaries, evidence.
MATCH (e:Entity) WHERE e.gen = $gen RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.summary AS summary, e.evidence AS evidence
