// The overview: best-connected entities first.
MATCH (e:Entity)
RETURN e ORDER BY e.degree DESC, e.id LIMIT $limit
