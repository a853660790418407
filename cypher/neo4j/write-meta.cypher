// The graph summary (counts by kind and type) as JSON, so stats never scan.
CREATE (m:Meta {gen: $gen, key: $key, value: $value})
