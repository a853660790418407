// Relations are one relationship type, :RELATION, with the vocabulary name in
// r.type (see server/store/neo4j/neo4j-store.ts for why). Unique ids (per
// generation) need Neo4j 5.7 or later.
CREATE CONSTRAINT relation_gen_id IF NOT EXISTS FOR ()-[r:RELATION]-() REQUIRE (r.gen, r.id) IS UNIQUE
