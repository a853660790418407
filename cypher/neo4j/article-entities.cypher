MATCH (a:Article)-[:MENTIONS]->(e:Entity) WHERE a.gen = $gen AND a.id IN $ids RETURN a.id AS article, e.id AS entity ORDER BY e.degree DESC, entity
