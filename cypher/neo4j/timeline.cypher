MATCH (e:Entity)
WHERE e.kind = 'Event' AND e.date IS NOT NULL AND e.date <> ''
RETURN e ORDER BY e.date, e.id
