// Ordered by r.gen first (one value here) so that the (gen, id) index gives
// the order and the page reads only its own rows. Ids only, as on LadybugDB:
// the store reads the page's relations next (relations-in-range.cypher).
MATCH (:Entity)-[r:RELATION]->(:Entity)
WHERE r.gen = $gen AND (size($types) = 0 OR r.type IN $types) AND r.id > $after
RETURN r.id AS id ORDER BY r.gen, r.id LIMIT $limit
