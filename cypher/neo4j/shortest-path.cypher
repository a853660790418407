// Undirected shortest path of at most 8 relations (MENTIONS edges are not
// relations, so articles never shortcut it); the adapter checks maxLength.
MATCH p = shortestPath((a:Entity {id: $source})-[:RELATION*..8]-(b:Entity {id: $target}))
RETURN p
