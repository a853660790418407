/**
 * Plain-English pieces of answers: lists of names, one sentence per
 * relation, quotes. Pure.
 */
import { formatDate } from '../read/dates.js';
import type { Vocabulary } from '../read/vocabulary.js';
import type { Entity, Relation } from '../types.js';

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 8): string {
  const unique = [...new Set(names)];
  if (unique.length <= max) {
    if (unique.length <= 1) return unique[0] ?? '';
    return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  }
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** "1 relation", "3 relations". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Participles that describe a state, not an event: "is located in". */
const STATIVE_FIRST_WORDS = new Set(['located', 'based', 'married', 'related']);
const ACTIVE_FIRST_WORDS = new Set(['met', 'said', 'took', 'sent', 'shot', 'led', 'leads', 'refused', 'crossed', 'negotiated']);

/**
 * A relation as a sentence: "Ihar Losik was released by Belarus (11 September 2025)".
 * Noun labels get "is" ("Tomas Zelazny is spouse of Marta Żelazná"), passive ones "was".
 */
export function relationSentence(r: Relation, from: Entity | undefined, to: Entity | undefined, vocabulary: Vocabulary): string {
  const label = vocabulary.label(r.type);
  const words = label.split(' ');
  const first = words[0] ?? '';
  let verb = label;
  if (STATIVE_FIRST_WORDS.has(first)) verb = `is ${label}`;
  else if (/ by$/.test(label) || (words.length === 2 && /(ed|en)$/.test(first) && ['in', 'to'].includes(words[1]!) && !ACTIVE_FIRST_WORDS.has(first))) verb = `was ${label}`;
  else if (!/(ed|s)$/.test(first) && !ACTIVE_FIRST_WORDS.has(first) && !/en$/.test(first)) verb = `is ${label}`;
  else if (/en$/.test(first)) verb = `was ${label}`;
  const when = r.date ? ` (${formatDate(r.date)})` : '';
  return `${from?.name ?? r.from} ${verb} ${to?.name ?? r.to}${when}`;
}

/** The first quote of a relation, shortened: “...”. */
export function firstQuote(r: Pick<Relation, 'evidence'>, max = 160): string | null {
  const q = r.evidence[0]?.quote;
  if (!q) return null;
  return `“${q.length > max ? `${q.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : q}”`;
}

/** Joins sentences into one paragraph, at most `max`, saying how many were left out. */
export function joinSentences(sentences: readonly string[], max = 8): string {
  const shown = sentences.slice(0, max).map((s) => s.replace(/[.\s]+$/, ''));
  const more = sentences.length > max ? ` (and ${sentences.length - max} more)` : '';
  return shown.length ? `${shown.join('; ')}${more}.` : '';
}

/** "Person", "Country"... in lower case, singular or plural: "countries". */
export function kindWord(kind: string, n = 1): string {
  const singular = kind.toLowerCase();
  if (n === 1) return singular;
  return singular === 'country' ? 'countries' : `${singular}s`;
}

/** "negotiated", "released by or released in": the labels of types, for sentences. */
export function typeLabels(vocabulary: Pick<Vocabulary, 'label'>, types: readonly string[]): string {
  const labels = [...new Set(types.map((t) => `"${vocabulary.label(t)}"`))];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
