// Also removes their SPOKE and ABOUT relationships.
MATCH (s:Statement) DETACH DELETE s
