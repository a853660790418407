// Exact, prefix and substring candidates; the adapter ranks them.
MATCH (e:Entity)
WHERE e.keys CONTAINS $q AND (size(CAST($kinds AS STRING[])) = 0 OR e.kind IN CAST($kinds AS STRING[]))
RETURN e LIMIT $limit
