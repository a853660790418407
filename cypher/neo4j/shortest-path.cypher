// Undirected shortest path of at most 8 relations (MENTIONS edges are not
// relations, so articles never shortcut it); the adapter checks maxLength.
// Where several paths are equally short, the first by entity ids, then by
// relation ids, so both engines give the same one (found by the parity test:
// shortestPath alone picks whichever it meets first).
MATCH p = allShortestPaths((a:Entity {gen: $gen, id: $source})-[:RELATION*..8]-(b:Entity {gen: $gen, id: $target}))
RETURN p
ORDER BY reduce(s = '', n IN nodes(p) | s + '|' + n.id), reduce(s = '', r IN relationships(p) | s + '|' + r.id)
LIMIT 1
