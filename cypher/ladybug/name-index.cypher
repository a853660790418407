// Everything the in-memory name index needs, in one scan.
MATCH (e:Entity)
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases, e.degree AS degree
