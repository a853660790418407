// One statement per id in each generation; also the index behind statements-by-ids.
CREATE CONSTRAINT statement_gen_id IF NOT EXISTS FOR (s:Statement) REQUIRE (s.gen, s.id) IS UNIQUE
