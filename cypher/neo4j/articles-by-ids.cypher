MATCH (a:Article) WHERE a.id IN $ids RETURN a
