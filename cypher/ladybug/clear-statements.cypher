MATCH (s:Statement) DELETE s
