// Full-text search over names and the folded keys (names, aliases and their
// words, see searchKeys in server/store/records.ts). The folding analyzer also strips
// diacritics from names, so "Zelazna" matches "Żelazná" either way.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
