// One entity per id in each generation; also the index behind every lookup by id ({gen, id}).
CREATE CONSTRAINT entity_gen_id IF NOT EXISTS FOR (e:Entity) REQUIRE (e.gen, e.id) IS UNIQUE
