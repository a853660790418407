// Every relation once, as its ends' internal offsets and its type, for the in-memory
// adjacency (server/store/graph-index.ts). Read a batch at a time (session.ts each()).
MATCH (a:Entity)-[r:Relation]->(b:Entity)
RETURN offset(ID(a)) AS a, offset(ID(b)) AS b, r.type AS type
