MATCH (e:Entity)
WHERE e.gen = $gen AND e.kind = 'Event' AND e.date IS NOT NULL AND e.date <> ''
RETURN e ORDER BY e.date, e.id
