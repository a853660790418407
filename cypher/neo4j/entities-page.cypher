// Ordered by e.gen first (one value here) so that the (gen, id) index gives
// the order and the page reads only its own rows.
MATCH (e:Entity)
WHERE e.gen = $gen AND ($kind = '' OR e.kind = $kind) AND e.id > $after
RETURN e ORDER BY e.gen, e.id LIMIT $limit
