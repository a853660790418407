// The overview: best-connected entities first. `e.degree >= 0` (always true)
// and ordering by e.gen first (one value here) let the (gen, degree) index
// hand the entities over in degree order: only the first $limit are read
// (PartialTop), not every entity of the generation.
MATCH (e:Entity)
WHERE e.gen = $gen AND e.degree >= 0 AND (size($kinds) = 0 OR e.kind IN $kinds)
RETURN e ORDER BY e.gen DESC, e.degree DESC, e.id LIMIT $limit
