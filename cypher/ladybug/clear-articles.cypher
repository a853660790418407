MATCH (a:Article) DELETE a
