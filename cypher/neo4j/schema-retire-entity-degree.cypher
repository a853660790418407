// Before generations: replaced by the (gen, ...) index.
DROP INDEX entity_degree IF EXISTS
