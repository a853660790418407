// Substring search ("lazna" in "zelazna") over the folded keys: a TEXT index
// answers CONTAINS without scanning every entity.
CREATE TEXT INDEX entity_keys_text IF NOT EXISTS FOR (e:Entity) ON (e.keys)
