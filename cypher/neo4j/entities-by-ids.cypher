// Every read names the generation it reads ($gen, the one GraphState names: see generation.cypher);
// the (gen, id) uniqueness constraint is the index behind the lookup, pinned by the hint so the planner's
// statistics on a small or freshly loaded graph cannot choose a label scan instead.
MATCH (e:Entity) USING INDEX e:Entity(gen, id) WHERE e.gen = $gen AND e.id IN $ids RETURN e
