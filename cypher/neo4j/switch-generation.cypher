// The whole switch from one graph to the next: one node, in one small transaction. retireGraceMs is how
// long the load waits before it deletes the generation it replaced; a read that ends within half of it
// needs no check that its generation is still whole (generation-whole.cypher).
MERGE (g:GraphState {key: 'current'})
SET g.gen = $gen, g.retireGraceMs = $retireGraceMs
