// From the speaker's primary key along SPOKE, not a scan of every statement.
MATCH (p:Entity {id: $speaker})-[:SPOKE]->(s:Statement)
RETURN s ORDER BY coalesce(s.date, '~'), s.id LIMIT $limit
