// Every read names the generation it reads ($gen, the one GraphState names: see generation.cypher);
// the (gen, id) uniqueness constraint is the index behind the lookup.
MATCH (e:Entity) WHERE e.gen = $gen AND e.id IN $ids RETURN e
