// Also removes their relations and mentions.
MATCH (e:Entity) DETACH DELETE e
