// Undated statements last ('~' sorts after every ISO date), as in every engine.
MATCH (s:Statement)
WHERE s.gen = $gen
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
