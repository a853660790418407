// The typed schema. Lists and evidence are JSON strings: COPY-friendly and engine-neutral.
CREATE NODE TABLE IF NOT EXISTS Entity(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING, summary STRING, date STRING, evidence STRING, claims STRING, keys STRING, degree INT64);
CREATE NODE TABLE IF NOT EXISTS Article(id STRING PRIMARY KEY, title STRING, text STRING, url STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING);
CREATE REL TABLE IF NOT EXISTS Relation(FROM Entity TO Entity, id STRING, type STRING, date STRING, note STRING, evidence STRING);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Article TO Entity);
