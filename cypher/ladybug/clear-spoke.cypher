MATCH ()-[s:SPOKE]->() DELETE s
