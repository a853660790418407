/** Search text as a Lucene query for Neo4j's full-text index. */
import { typoAllowance } from '../../domain/text.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The full-text query for a folded search text: every word as a prefix, and
 * as a fuzzy term where a typo is allowed, any of them matching. A superset of
 * what matches; rankByName decides what is shown and in which order.
 */
export function fulltextQuery(folded: string): string {
  const terms = new Set<string>();
  for (const word of folded.split(/\s+/).filter(Boolean)) {
    const w = escapeLucene(word);
    terms.add(`${w}*`);
    const edits = Math.min(2, typoAllowance(word.length));
    if (edits > 0) terms.add(`${w}~${edits}`);
  }
  return [...terms].join(' OR ');
}
