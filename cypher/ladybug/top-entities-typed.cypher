// The overview of some kinds: best-connected entities first. (Binding the
// kinds with WITH first, as the relation statements do, crashes the engine here.)
MATCH (e:Entity)
WHERE e.kind IN CAST($kinds AS STRING[])
RETURN e ORDER BY e.degree DESC, e.id LIMIT $limit
