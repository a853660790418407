/**
 * How text becomes index terms, the same way for passages and queries: the
 * project's folding (case, diacritics, typography: "Nausėda" -> "nauseda"),
 * English stop words dropped (they match nearly every passage and would make
 * long posting lists slow on a large graph), then the Porter stemmer, so
 * "negotiations" and "negotiated" meet as "negoti".
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { fold } from '../../domain/text.js';

const STOP_WORDS = new Set<string>(eng);

/** Folded words of a text, in order, stop words included (for phrases and name matching). */
export function foldedWords(text: string): string[] {
  const f = fold(text);
  return f ? f.split(' ') : [];
}

/** One folded word as an index term, or null for a stop word. */
export function termOf(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  // The stemmer is for English words; numbers and one-letter words stay as they are.
  return word.length > 2 && /^\p{L}+$/u.test(word) ? stemmer(word) : word;
}

/** The index terms of a text. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(text)) {
    const t = termOf(w);
    if (t) out.push(t);
  }
  return out;
}

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
