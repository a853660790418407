// The overview orders by degree.
CREATE INDEX entity_degree IF NOT EXISTS FOR (e:Entity) ON (e.degree)
