// The overview: best-connected entities first.
MATCH (e:Entity)
WHERE size(CAST($kinds AS STRING[])) = 0 OR e.kind IN CAST($kinds AS STRING[])
RETURN e ORDER BY e.degree DESC, e.id LIMIT $limit
