// Relations are one relationship type, :RELATION, with the vocabulary name in
// r.type (see server/store/neo4j/neo4j-store.ts for why). Unique ids need Neo4j 5.7 or later.
CREATE CONSTRAINT relation_id IF NOT EXISTS FOR ()-[r:RELATION]-() REQUIRE r.id IS UNIQUE
