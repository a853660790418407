MATCH (p:Entity {id: $speaker})-[:SPOKE]->(s:Statement)-[:ABOUT]->(e:Entity {id: $about})
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
