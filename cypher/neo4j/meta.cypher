MATCH (m:Meta {gen: $gen, key: $key}) RETURN m.value AS value
