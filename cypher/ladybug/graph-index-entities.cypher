// Every entity once, for the in-memory indexes (server/store/graph-index.ts and
// name-index.ts) built from one scan after open and after each load. The internal
// offset names the entity in graph-index-relations.cypher, so the relation scan
// returns two integers and a short type per row instead of two id strings.
MATCH (e:Entity)
RETURN offset(ID(e)) AS at, e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.degree AS degree
