MATCH (:Entity {gen: $gen, id: $speaker})-[:SPOKE]->(s:Statement)-[:ABOUT]->(:Entity {gen: $gen, id: $about})
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
