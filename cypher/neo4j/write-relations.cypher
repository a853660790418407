// One batch of relations; the adapter checks that every row was written, so
// a relation whose end is unknown fails the load instead of vanishing.
UNWIND $rows AS row
MATCH (a:Entity {gen: $gen, id: row.from})
MATCH (b:Entity {gen: $gen, id: row.to})
CREATE (a)-[r:RELATION]->(b)
SET r = row.properties
SET r.gen = $gen
RETURN count(r) AS written
