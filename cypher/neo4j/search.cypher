// Search candidates; the adapter ranks them (rankByName in ranking.ts).
// $lucene: prefix and fuzzy terms built from the folded query (fulltextQuery
// in server/store/neo4j/fulltext.ts); $q: the folded query, matched anywhere in the keys.
// The indexes hold every generation (a load in progress too): only $gen's entities are kept.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node
WHERE node.gen = $gen AND (size($kinds) = 0 OR node.kind IN $kinds)
RETURN node AS e LIMIT $limit
UNION
MATCH (e:Entity)
WHERE e.keys CONTAINS $q AND e.gen = $gen AND (size($kinds) = 0 OR e.kind IN $kinds)
RETURN e LIMIT $limit
