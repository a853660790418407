// What each statement is about, one row per statement and entity.
UNWIND $rows AS row
MATCH (s:Statement {gen: $gen, id: row.statement})
MATCH (e:Entity {gen: $gen, id: row.entity})
CREATE (s)-[a:ABOUT]->(e)
RETURN count(a) AS written
