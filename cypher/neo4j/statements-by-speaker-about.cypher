MATCH (:Entity {id: $speaker})-[:SPOKE]->(s:Statement)-[:ABOUT]->(:Entity {id: $about})
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
