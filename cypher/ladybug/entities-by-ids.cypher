// One primary-key lookup per id (an IN filter would scan the table).
// The properties as columns, not the node: LadybugDB builds each node value with
// its internal id and every column (search keys included), 10-20% slower per row
// (measured 2026-11-30, 20 ids a call). Every hot entity and relation statement
// does the same; the store reads such a row as the record itself.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.summary AS summary, e.date AS date, e.endDate AS endDate, e.dateDerived AS dateDerived, e.standsFor AS standsFor, e.evidence AS evidence, e.claims AS claims, e.degree AS degree
