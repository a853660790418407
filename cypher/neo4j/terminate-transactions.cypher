// Ends the given transactions: Neo4j rolls them back and releases their locks.
TERMINATE TRANSACTIONS $ids
