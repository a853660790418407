/**
 * Passages that match a question's words, for the answer of last resort,
 * from the store's full-text passage index (GraphStore.passages: ranked,
 * stemmed, folded, typo-tolerant). The index ranks any passage holding any
 * word; an answer must hold what the question is about, so a passage is
 * kept only when it holds most of the question's content words (at least
 * two, or the only one) and every word the question names that the graph
 * does not know ("who negotiated with napoleon?" is not answered from a
 * sentence about negotiations). Which words a passage holds comes from the
 * index itself (`matched`, `corrected`), so stemming and typos count as they
 * do in the search.
 */
import type { PassageKind } from '../../domain/passage.js';
import type { GraphStore } from '../../store/graph-store.js';
import { termOf } from '../../domain/search-terms.js';
import { QUESTION_WORDS, isNumber, isStopWord, tokenise } from '../read/tokens.js';

export interface Passage {
  article: string;
  /** The words, verbatim from the article (a sentence, or a quote over a sentence break). */
  text: string;
  /** Character offsets of the words in the article's text. */
  start: number;
  end: number;
  /** Entity ids the passage names or is evidence for, the ones it is most about first. */
  entities: string[];
  /** Relation ids whose evidence lies in the passage. */
  relations: string[];
  /** The question's content words the passage holds. */
  held: string[];
  score: number;
}

export interface PassageQuery {
  /** At most this many passages. */
  first: number;
  /** Words (as written in the question) every passage must hold. */
  require?: readonly string[];
}

export interface PassageSource {
  passages(question: string, query: PassageQuery): Promise<Passage[]>;
}

/** Verbatim article text only: a summary is the curator's words, not a quote an answer could cite. */
const QUOTABLE: PassageKind[] = ['sentence', 'quote'];
/** Candidates read from the index for each passage wanted: most of them are left out when they hold too few of the words. */
const CANDIDATES_PER_PASSAGE = 6;

/** The question's content words, folded: no function words, question words or numbers, and only words the index can hold. */
export function contentWords(text: string): string[] {
  const words = tokenise(text).filter((t) => !isStopWord(t) && !isNumber(t) && !QUESTION_WORDS.has(t.folded));
  return [...new Set(words.flatMap((t) => t.folded.split(' ')).filter((w) => termOf(w) !== null))];
}

/** How many of n content words a passage must hold: most of them, at least two, or the only one. */
export function wordsNeeded(n: number): number {
  return Math.min(n, Math.max(2, Math.ceil(n * 0.6)));
}

/** The passage source over the store's full-text index. */
export function storePassages(store: GraphStore): PassageSource {
  return {
    async passages(question, { first, require = [] }) {
      const wanted = contentWords(question);
      if (wanted.length === 0 || first <= 0) return [];
      const required = require.flatMap(contentWords);
      const needed = wordsNeeded(wanted.length);
      const found = await store.passages(wanted.join(' '), { first: first * CANDIDATES_PER_PASSAGE, kinds: QUOTABLE, prefix: false });
      const kept: Passage[] = [];
      for (const p of found) {
        const holds = new Set([...p.matched, ...p.corrected].flatMap((w) => w.split(' ')));
        const held = wanted.filter((w) => holds.has(w));
        if (held.length < needed || !required.every((w) => holds.has(w)) || p.entities.length === 0) continue;
        kept.push({ article: p.article, text: p.text, start: p.start, end: p.end, entities: p.entities, relations: p.relations, held, score: p.score });
      }
      // The passages holding more of the question first; the index's ranking among those holding as many.
      return kept.sort((a, b) => b.held.length - a.held.length).slice(0, first);
    },
  };
}
