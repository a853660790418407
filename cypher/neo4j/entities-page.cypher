MATCH (e:Entity)
WHERE ($kind = '' OR e.kind = $kind) AND e.id > $after
RETURN e ORDER BY e.id LIMIT $limit
