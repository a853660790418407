MATCH (a:Article) WHERE a.gen = $gen RETURN a ORDER BY a.id
