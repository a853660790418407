// A page of ids only: the store reads the page's relations next (relations-in-range.cypher). Sorting whole rows held
// every relation's evidence strings in the buffer pool until the sort ended: at a million relations the default
// 256 MiB pool was full and every page failed. Measured 2026-12-01 on 1,000,000 relations, load average 7: this
// statement 0.56 s, then the range 0.25 s; reading the page's relations by id instead (r.id IN $ids, 500 ids) 1.6-5 s,
// from their sources' primary keys 3-5 s.
MATCH (:Entity)-[r:Relation]->(:Entity)
WHERE r.id > $after
RETURN r.id AS id
ORDER BY id LIMIT $limit
