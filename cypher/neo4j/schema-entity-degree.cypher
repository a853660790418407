// The overview orders by degree.
CREATE INDEX entity_gen_degree IF NOT EXISTS FOR (e:Entity) ON (e.gen, e.degree)
