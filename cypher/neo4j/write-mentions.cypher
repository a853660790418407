UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
CREATE (a)-[m:MENTIONS]->(e)
RETURN count(m) AS written
