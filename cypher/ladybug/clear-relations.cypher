MATCH ()-[r:Relation]->() DELETE r
