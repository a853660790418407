// Ids only, as relations-page.cypher says why.
WITH CAST($types AS STRING[]) AS types
MATCH (:Entity)-[r:Relation]->(:Entity)
WHERE list_contains(types, r.type) AND r.id > $after
RETURN r.id AS id
ORDER BY id LIMIT $limit
