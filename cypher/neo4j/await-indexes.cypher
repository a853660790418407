// Indexes created by the schema statements fill in the background; queries
// on an index that is not yet online fail, so the load waits for them.
CALL db.awaitIndexes($seconds)
