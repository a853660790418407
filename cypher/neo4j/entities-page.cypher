// Ordered by e.gen first (one value here) so that the (gen, id) index gives
// the order and the page reads only its own rows. Ids only, as on LadybugDB:
// the store reads the entities next (entities-by-ids.cypher).
MATCH (e:Entity)
WHERE e.gen = $gen AND ($kind = '' OR e.kind = $kind) AND e.id > $after
RETURN e.id AS id ORDER BY e.gen, e.id LIMIT $limit
