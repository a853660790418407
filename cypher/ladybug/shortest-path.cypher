// Undirected shortest path of at most 8 relations; the adapter checks maxLength.
MATCH p = (a:Entity {id: $source})-[:Relation* SHORTEST 1..8]-(b:Entity {id: $target})
RETURN nodes(p) AS nodes, rels(p) AS rels
LIMIT 1
