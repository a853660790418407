// One batch of articles of generation $gen (each batch is its own transaction: see load-generation.ts).
UNWIND $rows AS row
CREATE (a:Article)
SET a = row
SET a.gen = $gen
RETURN count(a) AS written
