// Taken by a load's first transaction and held until the load ends, so loads
// (of any process or replica) take turns: a second one waits here. The lock
// goes with the transaction: when a loader dies, Neo4j ends its transaction
// (or the next load ends it, see load-transactions.cypher) and the lock is free.
// It touches nothing else: the load's own transactions, the switch among them,
// must never wait for it (found live: reading the current generation here
// too took a lock the switch then waited for).
MERGE (l:GraphState {key: 'load'})
SET l.holder = $holder
