// One batch of statements, each joined to its speaker by SPOKE; the adapter
// checks that every row was written, so an unknown speaker fails the load.
UNWIND $rows AS row
MATCH (p:Entity {gen: $gen, id: row.speaker})
CREATE (p)-[:SPOKE]->(s:Statement)
SET s = row
SET s.gen = $gen
RETURN count(s) AS written
