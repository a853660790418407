MATCH (s:Statement) WHERE s.id IN $ids RETURN s
