// The last statement of a read that outlasted half the grace (switch-generation.cypher): whether the generation it read is still whole. A load deletes a replaced
// generation's :Meta first, committed before any of its other nodes go (drop-meta.cypher), and reads
// are read-committed (each statement sees what has committed when it runs), so a read that still finds
// the :Meta here saw the whole generation in every statement before; one that does not is read again,
// on the generation now current (neo4j-engine.ts read). A read on another process or replica cannot
// be waited for by the load, hence the check here.
MATCH (m:Meta {gen: $gen, key: $key}) RETURN m.gen AS gen
