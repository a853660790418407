MATCH (a:Article) WHERE a.gen = $gen AND a.id IN $ids RETURN a
