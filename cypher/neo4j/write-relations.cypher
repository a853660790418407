// One batch of relations; the adapter checks that every row was written, so
// a relation whose end is unknown fails the load instead of vanishing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:RELATION]->(b)
SET r = row.properties
RETURN count(r) AS written
