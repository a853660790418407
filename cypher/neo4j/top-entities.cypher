// The overview: best-connected entities first.
MATCH (e:Entity)
WHERE size($kinds) = 0 OR e.kind IN $kinds
RETURN e ORDER BY e.degree DESC, e.id LIMIT $limit
