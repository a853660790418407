// The generation readers read: every node a load writes carries its load's
// generation (gen), and a load makes its generation current only once it is
// complete (switch-generation.cypher), and deletes the one it replaced no
// sooner than retireGraceMs after. No row: nothing loaded yet.
MATCH (g:GraphState {key: 'current'}) RETURN g.gen AS gen, g.retireGraceMs AS retireGraceMs
