// Since 2026-11-30 the store runs this only when LadybugDB's in-memory graph index could
// not be built (server/store/graph-index.ts, indexed-reads.ts; cypher-store.ts falls back
// to these statements); the findings below are why that index exists.
// The entities one hop from any of $ids, once each, with what the walk ranks them by:
// ids, kinds and degrees only (the degree is stored at load, not counted here). The
// neighbourhood then fetches whole records for the entities it admits, at most its
// node limit, and the relations among them in one statement (relations-among):
// measured 2026-11-30 on 1,000,000 relations, the walk that fetched every relation of
// the frontier with its evidence, every unseen neighbour's record, and then every
// outgoing relation of the last hop spent 10x the bare one-hop statement doing so.
MATCH (a:Entity)-[:Relation]-(b:Entity)
WHERE a.id IN $ids
RETURN DISTINCT b.id AS id, b.kind AS kind, b.degree AS degree
