MATCH (a:Article) RETURN a ORDER BY a.id
