MATCH (a:Article)-[:MENTIONS]->(e:Entity) WHERE e.gen = $gen AND e.id IN $ids RETURN e.id AS entity, a.id AS article ORDER BY article
