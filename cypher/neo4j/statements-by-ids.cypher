MATCH (s:Statement) WHERE s.gen = $gen AND s.id IN $ids RETURN s
