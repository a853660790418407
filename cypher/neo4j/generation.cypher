// The generation readers read: every node a load writes carries its load's
// generation (gen), and a load makes its generation current only once it is
// complete (switch-generation.cypher). No row: nothing loaded yet.
MATCH (g:GraphState {key: 'current'}) RETURN g.gen AS gen
