MATCH (m:Meta) DELETE m
