/**
 * Queries as the passage index reads them: free words and "quoted phrases",
 * each word as its index term (server/domain/search-terms.ts: folding, stop
 * words, the Porter stemmer), the same way as passages are indexed.
 */
import { foldedWords, termOf, termsOf } from '../../domain/search-terms.js';

export { foldedWords, termOf, termsOf };

export interface ParsedQuery {
  /** Words outside quotes, folded, each with its term (stop words left out). */
  words: { word: string; term: string }[];
  /** Each "quoted phrase": its folded words (to check adjacency) and its terms (to find candidates). */
  phrases: { words: string[]; terms: string[] }[];
}

/** Splits a query into free words and "quoted phrases"; an unclosed quote runs to the end. */
export function parseQuery(text: string): ParsedQuery {
  const phrases: ParsedQuery['phrases'] = [];
  const free: string[] = [];
  // Straight and typographic double quotes both open and close a phrase.
  const parts = text.split(/["\u201C\u201D\u201E]/);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      free.push(part);
      return;
    }
    const words = foldedWords(part);
    const terms = termsOf(part);
    if (words.length > 1 && terms.length > 0) phrases.push({ words, terms });
    else free.push(part); // a one-word "phrase" is just a word
  });
  const words: ParsedQuery['words'] = [];
  for (const word of foldedWords(free.join(' '))) {
    const term = termOf(word);
    if (term) words.push({ word, term });
  }
  return { words, phrases };
}
