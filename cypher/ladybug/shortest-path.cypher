// Undirected shortest path of at most 8 relations; the adapter checks maxLength.
// Where several paths are equally short, the first by entity ids, then by
// relation ids, so both engines give the same one (cypher/neo4j/shortest-path.cypher).
MATCH p = (a:Entity {id: $source})-[:Relation* ALL SHORTEST 1..8]-(b:Entity {id: $target})
RETURN nodes(p) AS nodes, rels(p) AS rels,
  list_to_string('|', list_transform(nodes(p), n -> n.id)) AS byNodes,
  list_to_string('|', list_transform(rels(p), r -> r.id)) AS byRelations
ORDER BY byNodes, byRelations
LIMIT 1
