UNWIND $rows AS row
MATCH (a:Article {gen: $gen, id: row.article})
MATCH (e:Entity {gen: $gen, id: row.entity})
CREATE (a)-[m:MENTIONS]->(e)
RETURN count(m) AS written
