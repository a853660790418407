// Deletes every stored node, with its relationships, of any generation but
// $keep: the graph a load replaced, and what a load that did not finish left.
// In committed batches, so the memory it takes does not grow with the graph.
MATCH (n:Entity|Article|Statement|Meta)
WHERE n.gen IS NULL OR n.gen <> $keep
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
