// The whole switch from one graph to the next: one property of one node, in one small transaction.
MERGE (g:GraphState {key: 'current'})
SET g.gen = $gen
