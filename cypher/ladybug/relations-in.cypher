// Written from the filtered end: several times faster than (a)-[r]->(b) WHERE b.id IN.
MATCH (b:Entity)<-[r:Relation]-(a:Entity)
WHERE b.id IN $ids
RETURN a.id AS source, b.id AS target, r
