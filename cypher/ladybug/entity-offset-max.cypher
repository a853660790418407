// The highest internal offset of an entity (null when there is none): a ranged scan without the graph
// index reads windows of offsets up to it (LadybugEngine.scan).
MATCH (e:Entity)
RETURN max(offset(ID(e))) AS max
