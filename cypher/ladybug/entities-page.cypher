// A page of ids only; the store reads the entities next by primary key (entities-by-ids.cypher). Sorting whole
// rows held their evidence and claims in the buffer pool until the sort ended (relations-page.cypher says more).
MATCH (e:Entity)
WHERE ($kind = '' OR e.kind = $kind) AND e.id > $after
RETURN e.id AS id
ORDER BY id LIMIT $limit
