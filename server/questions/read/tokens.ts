/**
 * Words of a question: tokens with their folded form and a rough stem, and
 * the closed classes of English the engine needs (function words, question
 * words, words naming an entity kind). Plain English only: nothing here
 * knows any story.
 */
import { fold, normaliseQuote } from '../../domain/text.js';
import type { EntityKind } from '../../domain/types.js';

export interface Token {
  /** As written, a possessive "'s" removed: "Tsikhanouskaya". */
  raw: string;
  /** Case and diacritics folded; hyphenated words keep a space: "okonkwo lind". */
  folded: string;
  /** Rough stem of `folded` (see stem()). */
  stem: string;
  /** Position among the question's tokens. */
  index: number;
  /** Character offsets in the normalised question. */
  start: number;
  end: number;
  /** Written "X's". */
  possessive: boolean;
  /** Written with a capital, and not as the question's first word. */
  capitalised: boolean;
  /** Written in capitals, two letters or more ("US", "EU"): never a function word. */
  acronym: boolean;
}

const WORD = /\d{1,3}(?:,\d{3})+|[\p{L}\p{M}\p{N}]+(?:['\-.][\p{L}\p{M}\p{N}]+)*/gu;

/** Word matches; hyphenated words split ("Okonkwo-Lind" -> two words) except ISO dates. */
function* words(text: string): Generator<{ text: string; index: number }> {
  for (const m of text.matchAll(WORD)) {
    const index = m.index ?? 0;
    if (!m[0].includes('-') || /^\d{4}-\d{2}(-\d{2})?$/.test(m[0])) {
      yield { text: m[0], index };
      continue;
    }
    let offset = 0;
    for (const part of m[0].split('-')) {
      if (part) yield { text: part, index: index + offset };
      offset += part.length + 1;
    }
  }
}

/** Splits a question into tokens. Pure. */
export function tokenise(question: string): Token[] {
  const text = normaliseQuote(question);
  const tokens: Token[] = [];
  for (const m of words(text)) {
    let raw = m.text;
    let possessive = false;
    if (/'s$/i.test(raw) && raw.length > 3) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    const folded = fold(raw);
    if (!folded) continue;
    const start = m.index;
    tokens.push({
      raw,
      folded,
      stem: stem(folded),
      index: tokens.length,
      start,
      end: start + raw.length,
      possessive,
      capitalised: tokens.length > 0 && /^\p{Lu}/u.test(raw),
      acronym: raw.length >= 2 && /^[\p{Lu}.]+$/u.test(raw) && /\p{Lu}.*\p{Lu}/u.test(raw),
    });
  }
  return tokens;
}

const SUFFIXES = ['ions', 'ion', 'ings', 'ing', 'ers', 'ors', 'er', 'or', 'ies', 'ied', 'ed', 'es', 's', 'e', 'y', 'al', 'at'];

/**
 * A rough English stem, equal for the forms a question and a claim measure
 * use for one word: negotiate/negotiated/negotiations/negotiator -> "negoti",
 * prisoners/prisoner -> "prison", crossed/crossing -> "cross". Not Porter:
 * it strips up to three common suffixes while at least four letters remain.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.includes(' ') || /\d/.test(w)) return w;
  for (let pass = 0; pass < 3; pass++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 4 && !(s === 's' && w.endsWith('ss')));
    if (!suffix) break;
    w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
  }
  return w;
}

/** Function words: never an entity on their own, never the content of a question. */
export const STOP_WORDS = new Set(
  (
    'a an the of to in on at by for with about from into onto upon and or but nor as is are was were be been being am ' +
    'do does did done doing has have had having it its this that these those there here their they them he she him her his hers ' +
    'i me my we us our you your any all some each every other another than then so such can could would should will shall may might must ' +
    'also not no yes please tell show give list name names know ever really exactly anything something everything anyone someone everyone ' +
    'one ones up out over between among against during while whether if just only very much many more most same own get got ' +
    'what who whom whose which when where why how anybody somebody'
  ).split(' '),
);

export const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);

/** Determiners: a verb-like word after one is a noun that may name an entity ("the release"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her']);

/** Forms of "to be": with a participle they make a question passive ("who was released?"). */
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);

/** Words that ask for things in time order. */
export const TEMPORAL_MARKERS: Record<string, 'before' | 'after'> = {
  before: 'before',
  prior: 'before',
  earlier: 'before',
  preceding: 'before',
  preceded: 'before',
  until: 'before',
  after: 'after',
  since: 'after',
  later: 'after',
  following: 'after',
  followed: 'after',
};

/** Words asking what happened (as opposed to a relation between parties). */
export const HAPPENED_WORDS = new Set(['happen', 'happened', 'happens', 'happening', 'occur', 'occurred', 'occurs', 'events', 'event']);

/** Words asking how two entities are connected. */
export const PATH_WORDS = new Set([
  'connected', 'connection', 'connections', 'connect', 'connects', 'linked', 'link', 'links', 'related', 'relationship',
  'relationships', 'relation', 'relations', 'tie', 'ties', 'tied', 'path', 'between',
]);

/** Words asking about a party's place in the story rather than a particular relation. */
export const INVOLVEMENT_WORDS = new Set(['involved', 'mentioned', 'named', 'appear', 'appears', 'featured', 'feature', 'present', 'story', 'article', 'articles']);

/** Words asking for a count. "how many"/"how much"/"number of" are recognised as phrases. */
export const COUNT_WORDS = new Set(['many', 'much', 'number', 'count', 'figure', 'figures', 'total']);

/** Words naming a kind of entity, singular and plural. */
export const KIND_WORDS: Record<string, EntityKind> = {
  person: 'Person', persons: 'Person', people: 'Person', individual: 'Person', individuals: 'Person', humans: 'Person',
  organisation: 'Organisation', organisations: 'Organisation', organization: 'Organisation', organizations: 'Organisation',
  group: 'Organisation', groups: 'Organisation', agency: 'Organisation', agencies: 'Organisation', company: 'Organisation',
  companies: 'Organisation', institutions: 'Organisation', outlets: 'Organisation',
  country: 'Country', countries: 'Country', nation: 'Country', nations: 'Country', states: 'Country', governments: 'Country',
  place: 'Place', places: 'Place', city: 'Place', cities: 'Place', town: 'Place', towns: 'Place', location: 'Place', locations: 'Place',
  event: 'Event', events: 'Event',
};

export function isStopWord(t: Token): boolean {
  return !t.acronym && STOP_WORDS.has(t.folded);
}

export function isNumber(t: Token): boolean {
  return /^[\d ]+$/.test(t.folded);
}
