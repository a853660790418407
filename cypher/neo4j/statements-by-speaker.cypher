MATCH (:Entity {gen: $gen, id: $speaker})-[:SPOKE]->(s:Statement)
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
