// What the full-text index reads of every statement: the speaker, the words, the evidence.
MATCH (s:Statement) WHERE s.gen = $gen RETURN s.id AS id, s.speaker AS speaker, s.words AS words, s.evidence AS evidence
