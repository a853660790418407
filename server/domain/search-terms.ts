/**
 * How text becomes search terms, the same way for passages and queries (the
 * passage index) and for deciding which words of a question a passage must
 * hold (the question engine): the project's folding (case, diacritics,
 * typography: "Nausėda" -> "nauseda"), English stop words dropped (they
 * match nearly every passage and would make long posting lists slow on a
 * large graph), then the Porter stemmer, so "negotiations" and "negotiated"
 * meet as "negoti".
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { fold } from './text.js';

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
