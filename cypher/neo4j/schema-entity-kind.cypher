CREATE INDEX entity_gen_kind IF NOT EXISTS FOR (e:Entity) ON (e.gen, e.kind)
