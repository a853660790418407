/**
 * The first stage: a question read into parts without the graph: tokens,
 * dates, relation verbs and cue words. Pure. Entities come in the link
 * stage (link/reading.ts completes the reading with them).
 */
import { normaliseQuote } from '../../domain/text.js';
import { parseDates, type DateMention } from './dates.js';
import {
  BE_FORMS, COUNT_WORDS, DETERMINERS, HAPPENED_WORDS, INVOLVEMENT_WORDS, PATH_WORDS, QUESTION_WORDS, TEMPORAL_MARKERS, tokenise, type Token,
} from './tokens.js';
import type { VerbMatch, Vocabulary } from './vocabulary.js';

export interface PreReading {
  /** The question, typography and whitespace normalised. */
  text: string;
  tokens: Token[];
  dates: DateMention[];
  /** Relation verbs, before linking (link/reading.ts drops those inside a linked name). */
  verbs: VerbMatch[];
  /** "before the release": the marker and its token. */
  temporal: { marker: 'before' | 'after'; index: number } | null;
  howMany: boolean;
  /** "how long ...?": a count of a duration (years, months, days). */
  howLong: boolean;
  /** "how old is X?": a count of years of age. */
  howOld: boolean;
  asksWhen: boolean;
  /** "what happened ...": asks for events rather than a relation. */
  happened: boolean;
  asksPath: boolean;
  /** Starts like a yes/no question: "did", "is", "has"... */
  yesNo: boolean;
  /** "who is X", "tell me about X", "X?": asks for a profile. */
  profileCue: boolean;
  /** "the most connected", "appears most": asks for the entity ranked first. */
  superlative: boolean;
  /** "where is X from?", "what nationality is X?": asks where someone comes from. */
  asksOrigin: boolean;
  /** "where was X?", "where did X go?": asks where X was put (not where X is from). */
  asksWhere: boolean;
  /** "why ...?", "for what reason ...?": asks for a reason. */
  asksWhy: boolean;
  /** "what did X get / give in return?": the side of an exchange asked for. */
  exchangeSide: 'get' | 'give' | null;
  /** "what do the sources disagree on?", "what is unconfirmed?", "what was promised?": how sure the articles are. */
  certainty: 'disagree' | 'UNCONFIRMED' | 'PLANNED' | null;
  /** "who was not released?", "who wasn't freed?", "who never crossed?": the negation as written, which the graph cannot answer (it records what happened). */
  negation: string | null;
}

const SUPERLATIVE_WORDS = new Set(['most', 'best', 'biggest', 'largest', 'top', 'mostly', 'oftenest']);
const GET_WORDS = new Set(['get', 'got', 'gets', 'getting', 'receive', 'received', 'receives', 'gain', 'gained', 'obtain', 'obtained', 'win', 'won']);
const GIVE_WORDS = new Set(['give', 'gave', 'given', 'gives', 'offer', 'offered', 'pay', 'paid', 'concede', 'conceded', 'grant', 'granted', 'provide', 'provided']);
/** Words of questions about origin and reasons, used by the reading itself. */
const ORIGIN_WORDS = new Set(['nationality', 'nationalities', 'citizenship', 'reason', 'come', 'comes', 'came', 'hail', 'hails', 'originally']);
const YES_NO_STARTS = new Set(['did', 'does', 'do', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'can', 'could']);
const PROFILE_STARTS = ['who is', 'who was', 'who are', 'who were', 'what is', 'what was', 'what are', 'tell me about', 'tell me more about', 'tell us about', 'describe', 'about', 'information on', 'information about', 'info on', 'info about', 'explain'];
export const IRREGULAR_PARTICIPLES = new Set(['said', 'led', 'held', 'met', 'sent', 'taken', 'driven', 'shot', 'told', 'won', 'run', 'stood', 'brought', 'caught', 'kept', 'left', 'made', 'paid', 'seen', 'given', 'known', 'written', 'called']);

export function readQuestion(question: string, vocabulary: Vocabulary): PreReading {
  const tokens = tokenise(question);
  const dates = parseDates(tokens);
  const dateTokens = new Set(dates.flatMap((d) => range(d.start, d.end)));
  const verbs = vocabulary.match(tokens, (i) => dateTokens.has(i));
  const words = tokens.map((t) => t.folded);
  const opening = words.slice(0, 4).join(' ');
  const temporalIndex = tokens.findIndex((t) => t.folded in TEMPORAL_MARKERS && !dateTokens.has(t.index));
  return {
    text: normaliseQuote(question),
    tokens,
    dates,
    verbs,
    temporal: temporalIndex >= 0 ? { marker: TEMPORAL_MARKERS[words[temporalIndex]!]!, index: temporalIndex } : null,
    howMany: words.some((w, i) => (w === 'how' && (COUNT_WORDS.has(words[i + 1] ?? '') || words[i + 1] === 'long' || words[i + 1] === 'old')) || (w === 'number' && words[i + 1] === 'of')) || words[0] === 'count' || asksSentence(words),
    howLong: words.some((w, i) => w === 'how' && words[i + 1] === 'long') || asksSentence(words),
    howOld: words.some((w, i) => w === 'how' && words[i + 1] === 'old'),
    asksWhen: words.includes('when') || (words.includes('what') && (words.includes('date') || words.includes('day'))),
    happened: words.some((w) => HAPPENED_WORDS.has(w)) || (words[0] === 'what' && (words[1] === 'took' || words[1] === 'went')),
    asksPath: words.some((w) => PATH_WORDS.has(w)),
    yesNo: YES_NO_STARTS.has(words[0] ?? ''),
    profileCue: PROFILE_STARTS.some((p) => opening === p || opening.startsWith(`${p} `)) || (words[0] === 'who' && tokens[0]!.possessive),
    superlative: words.some((w) => SUPERLATIVE_WORDS.has(w)),
    asksOrigin: asksOrigin(words),
    asksWhere: words[0] === 'where' && !asksOrigin(words),
    asksWhy: words[0] === 'why' || /\b(for what reason|what (was|is) the reason|what for$)/.test(words.join(' ')),
    exchangeSide: exchangeSide(words),
    certainty: certaintyAsked(words),
    negation: negationOf(tokens.map((t) => t.raw), words),
  };
}

/** The word that negates the question's verb ("not", "never", "wasn't"), but not "not confirmed" (a certainty). */
function negationOf(raws: readonly string[], words: readonly string[]): string | null {
  const i = words.findIndex((w, k) => (w === 'not' && !['confirmed', 'verified'].includes(words[k + 1] ?? '')) || w === 'never' || /n[’']?\s?t$/.test(w) && /n[’']t$/.test(raws[k] ?? ''));
  return i >= 0 ? raws[i]! : null;
}

/** Verbs of a prison term: "what was X sentenced to?" asks how long, as "how long was X sentenced to?" does. */
const SENTENCE_WORDS = new Set(['sentenced', 'jailed', 'imprisoned', 'condemned']);

function asksSentence(words: readonly string[]): boolean {
  return words[0] === 'what' && words.at(-1) === 'to' && words.some((w) => SENTENCE_WORDS.has(w));
}

const DISAGREE_WORDS = new Set(['disagree', 'disagrees', 'disagreed', 'disagreement', 'disagreements', 'differ', 'differs', 'differed', 'disputed', 'dispute', 'disputes', 'contradict', 'contradicts', 'contradiction', 'contradictions', 'contradictory', 'conflicting', 'inconsistent', 'inconsistencies']);
const UNCONFIRMED_WORDS = new Set(['unconfirmed', 'unverified', 'rumour', 'rumours', 'rumor', 'rumors', 'rumoured', 'rumored']);
const PLANNED_WORDS = new Set(['promise', 'promised', 'promises', 'pledge', 'pledged', 'pledges', 'planned']);

/** Which certainty a question asks about, from its own words ("not confirmed" too); null for most questions. */
function certaintyAsked(words: readonly string[]): 'disagree' | 'UNCONFIRMED' | 'PLANNED' | null {
  if (words.some((w) => DISAGREE_WORDS.has(w))) return 'disagree';
  if (words.some((w, i) => UNCONFIRMED_WORDS.has(w) || (w === 'not' && ['confirmed', 'verified'].includes(words[i + 1] ?? '')))) return 'UNCONFIRMED';
  if (words.some((w) => PLANNED_WORDS.has(w))) return 'PLANNED';
  return null;
}

/** Words the reading itself uses as cues (question, count, path, time words). */
export function isCueWord(t: Token, exchange = true): boolean {
  const w = t.folded;
  return (
    QUESTION_WORDS.has(w) || COUNT_WORDS.has(w) || PATH_WORDS.has(w) || INVOLVEMENT_WORDS.has(w) || HAPPENED_WORDS.has(w) ||
    w in TEMPORAL_MARKERS || ['tell', 'describe', 'explain', 'information', 'info', 'date', 'day', 'took', 'place', 'went', 'long', 'old'].includes(w) ||
    SUPERLATIVE_WORDS.has(w) || (exchange && (GET_WORDS.has(w) || GIVE_WORDS.has(w))) || ORIGIN_WORDS.has(w) ||
    DISAGREE_WORDS.has(w) || UNCONFIRMED_WORDS.has(w) || PLANNED_WORDS.has(w)
  );
}

/** True when the verb is read passively: a form of "to be" before a participle ("who was released?"). */
export function isPassive(reading: Pick<PreReading, 'tokens'>, verb: VerbMatch): boolean {
  const before = reading.tokens.slice(0, verb.start);
  const participle = (w: string) => /(ed|en)$/.test(w) || IRREGULAR_PARTICIPLES.has(w);
  // "list the released politicians": a participle after "the" describes what underwent it.
  if (DETERMINERS.has(before[before.length - 1]?.folded ?? '') && participle(reading.tokens[verb.start]!.folded)) return true;
  if (before.some((t) => ['did', 'does', 'do'].includes(t.folded))) return false;
  if (!before.some((t) => BE_FORMS.has(t.folded))) return false;
  const word = reading.tokens[verb.start]!.folded;
  return /(ed|en)$/.test(word) || IRREGULAR_PARTICIPLES.has(word);
}

export function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

/** "where is X from", "where does X come from", "which country is X from", "what nationality is X". */
function asksOrigin(words: readonly string[]): boolean {
  const first = words[0] ?? '';
  if (!['where', 'what', 'which'].includes(first)) return false;
  if (words[words.length - 1] === 'from') return true;
  return first !== 'where' && (words[1] === 'nationality' || words[1] === 'citizenship' || words[1] === 'nationalities');
}

/** "get in return" -> get; "give in exchange" -> give; only when the question speaks of a return or exchange. */
function exchangeSide(words: readonly string[]): 'get' | 'give' | null {
  const joined = ` ${words.join(' ')} `;
  if (!/ in (return|exchange)\b| for it /.test(joined)) return null;
  if (words.some((w) => GET_WORDS.has(w))) return 'get';
  if (words.some((w) => GIVE_WORDS.has(w))) return 'give';
  return null;
}
