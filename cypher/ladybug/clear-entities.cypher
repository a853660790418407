MATCH (e:Entity) DELETE e
