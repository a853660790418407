// Typo candidates; the adapter filters kinds and ranks. Parameters are bound
// with WITH first: a $param inside a list predicate hits an engine assertion
// (and a list parameter bound that way is typed as a string, so no kinds here).
WITH $q AS q, $max AS maxEdits
MATCH (e:Entity)
WHERE any(k IN string_split(e.keys, '|') WHERE levenshtein(k, q) <= maxEdits)
RETURN e LIMIT $limit
