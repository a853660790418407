// The current generation and the load lock (generation.cypher, lock-loads.cypher): one node each.
CREATE CONSTRAINT graph_state_key IF NOT EXISTS FOR (g:GraphState) REQUIRE g.key IS UNIQUE
