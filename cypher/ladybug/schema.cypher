// The typed schema. Lists and evidence are JSON strings: COPY-friendly and engine-neutral.
// Story format 2 added columns with ALTER TABLE ... ADD IF NOT EXISTS, so a file made
// before it gains them on open; they come last in a new file too (csv.ts writes that order).
CREATE NODE TABLE IF NOT EXISTS Entity(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING, summary STRING, date STRING, evidence STRING, claims STRING, keys STRING, degree INT64);
CREATE NODE TABLE IF NOT EXISTS Article(id STRING PRIMARY KEY, title STRING, text STRING, url STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Statement(id STRING PRIMARY KEY, speaker STRING, words STRING, date STRING, dateDerived STRING, channel STRING, about STRING, reportedBy STRING, evidence STRING);
CREATE NODE TABLE IF NOT EXISTS Meta(key STRING PRIMARY KEY, value STRING);
CREATE REL TABLE IF NOT EXISTS Relation(FROM Entity TO Entity, id STRING, type STRING, date STRING, note STRING, evidence STRING);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Article TO Entity);
CREATE REL TABLE IF NOT EXISTS SPOKE(FROM Entity TO Statement);
CREATE REL TABLE IF NOT EXISTS ABOUT(FROM Statement TO Entity);
ALTER TABLE Entity ADD IF NOT EXISTS endDate STRING;
ALTER TABLE Entity ADD IF NOT EXISTS dateDerived STRING;
ALTER TABLE Entity ADD IF NOT EXISTS standsFor STRING;
ALTER TABLE Article ADD IF NOT EXISTS published STRING;
ALTER TABLE Article ADD IF NOT EXISTS publishedDerived STRING;
ALTER TABLE Relation ADD IF NOT EXISTS endDate STRING;
ALTER TABLE Relation ADD IF NOT EXISTS dateDerived STRING;
ALTER TABLE Relation ADD IF NOT EXISTS role STRING;
