UNWIND $rows AS row
CREATE (a:Article)
SET a = row
RETURN count(a) AS written
