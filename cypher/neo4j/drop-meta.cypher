// The first step of deleting every generation but $keep (drop-generations.cypher is the second), in a
// transaction of its own: their :Meta goes before any of their other nodes, so a read that still finds
// its generation's :Meta at its end (generation-whole.cypher) read every statement on a whole graph.
MATCH (m:Meta)
WHERE m.gen IS NULL OR m.gen <> $keep
DELETE m
