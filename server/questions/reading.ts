/**
 * A question read into parts: tokens, dates, relation verbs, cue words, and
 * (after linking) entities. Two steps because linking needs the store:
 * readQuestion() before it, completeReading() after it. Both are pure.
 */
import { normaliseQuote } from '../domain/text.js';
import type { EntityKind } from '../domain/types.js';
import { parseDates, type DateMention } from './dates.js';
import type { Link } from './entity-linking.js';
import {
  BE_FORMS, COUNT_WORDS, DETERMINERS, HAPPENED_WORDS, INVOLVEMENT_WORDS, KIND_WORDS, PATH_WORDS, QUESTION_WORDS, TEMPORAL_MARKERS,
  isNumber, isStopWord, tokenise, type Token,
} from './tokens.js';
import type { VerbMatch, Vocabulary } from './vocabulary.js';

export interface Reading {
  /** The question, typography and whitespace normalised. */
  text: string;
  tokens: Token[];
  dates: DateMention[];
  /** Relation verbs, after linking (a verb inside a linked name is not a verb). */
  verbs: VerbMatch[];
  links: Link[];
  /** "which countries": the kind asked for. */
  kind: EntityKind | null;
  /** "before the release": the marker and its token. */
  temporal: { marker: 'before' | 'after'; index: number } | null;
  howMany: boolean;
  asksWhen: boolean;
  /** "what happened ...": asks for events rather than a relation. */
  happened: boolean;
  asksPath: boolean;
  /** Starts like a yes/no question: "did", "is", "has"... */
  yesNo: boolean;
  /** "who is X", "tell me about X", "X?": asks for a profile. */
  profileCue: boolean;
  /** Content words no part of the reading used. */
  ignored: string[];
  /** Words that look like a name the graph does not know ("Napoleon", "with napoleon"). */
  unknownNames: string[];
}

export type PreReading = Omit<Reading, 'links' | 'kind' | 'ignored' | 'unknownNames'>;

const YES_NO_STARTS = new Set(['did', 'does', 'do', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'can', 'could']);
const PROFILE_STARTS = ['who is', 'who was', 'who are', 'who were', 'what is', 'what was', 'what are', 'tell me about', 'tell me more about', 'tell us about', 'describe', 'about', 'information on', 'information about', 'info on', 'info about', 'explain'];
/** After these, an unknown word is the name the question is about. */
const NAME_PREPOSITIONS = new Set(['with', 'into', 'about', 'between', 'by']);
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
    howMany: words.some((w, i) => (w === 'how' && COUNT_WORDS.has(words[i + 1] ?? '')) || (w === 'number' && words[i + 1] === 'of')) || words[0] === 'count',
    asksWhen: words.includes('when') || (words.includes('what') && (words.includes('date') || words.includes('day'))),
    happened: words.some((w) => HAPPENED_WORDS.has(w)) || (words[0] === 'what' && (words[1] === 'took' || words[1] === 'went')),
    asksPath: words.some((w) => PATH_WORDS.has(w)),
    yesNo: YES_NO_STARTS.has(words[0] ?? ''),
    profileCue: PROFILE_STARTS.some((p) => opening === p || opening.startsWith(`${p} `)) || (words[0] === 'who' && tokens[0]!.possessive),
  };
}

export function completeReading(pre: PreReading, links: Link[], vocabulary: Vocabulary): Reading {
  const { tokens } = pre;
  const linked = new Set(links.flatMap((l) => range(l.start, l.end)));
  const dateTokens = new Set(pre.dates.flatMap((d) => range(d.start, d.end)));
  const verbs = pre.verbs.filter((v) => !range(v.start, v.end).some((i) => linked.has(i)));
  const verbTokens = new Set(verbs.flatMap((v) => range(v.start, v.end)));

  // Typos in verbs ("negociated"), on words nothing else used.
  for (const t of tokens) {
    if (linked.has(t.index) || dateTokens.has(t.index) || verbTokens.has(t.index) || isCueWord(t)) continue;
    const types = vocabulary.matchFuzzy(t);
    if (types.length) {
      verbs.push({ start: t.index, end: t.index + 1, types, primary: [], words: t.raw, fuzzy: true });
      verbTokens.add(t.index);
    }
  }
  verbs.sort((a, b) => a.start - b.start);

  const kindToken = tokens.find((t) => !linked.has(t.index) && !verbTokens.has(t.index) && t.folded in KIND_WORDS);
  const used = (t: Token) => linked.has(t.index) || dateTokens.has(t.index) || verbTokens.has(t.index) || t === kindToken;
  const leftover = tokens.filter((t) => !used(t) && !isStopWord(t) && !isNumber(t) && !isCueWord(t));

  const unknownNames = leftover.filter((t) => {
    if (t.capitalised || t.acronym || t.possessive) return true;
    let j = t.index - 1;
    if (j >= 0 && DETERMINERS.has(tokens[j]!.folded)) j -= 1;
    if (j >= 0 && NAME_PREPOSITIONS.has(tokens[j]!.folded)) return true;
    // "who is napoleon", "tell me about napoleon": the profile asked about a word nobody is called.
    return pre.profileCue && links.length === 0 && verbs.length === 0 && !kindToken && pre.dates.length === 0;
  });

  return {
    ...pre,
    verbs,
    links,
    kind: kindToken ? KIND_WORDS[kindToken.folded]! : null,
    ignored: leftover.map((t) => t.raw),
    unknownNames: unknownNames.map((t) => t.raw),
  };
}

/** Words the reading itself uses as cues (question, count, path, time words). */
function isCueWord(t: Token): boolean {
  const w = t.folded;
  return (
    QUESTION_WORDS.has(w) || COUNT_WORDS.has(w) || PATH_WORDS.has(w) || INVOLVEMENT_WORDS.has(w) || HAPPENED_WORDS.has(w) ||
    w in TEMPORAL_MARKERS || ['tell', 'describe', 'explain', 'information', 'info', 'date', 'day', 'took', 'place', 'went'].includes(w)
  );
}

/** True when the verb is read passively: a form of "to be" before a participle ("who was released?"). */
export function isPassive(reading: Pick<Reading, 'tokens'>, verb: VerbMatch): boolean {
  const before = reading.tokens.slice(0, verb.start);
  if (before.some((t) => ['did', 'does', 'do'].includes(t.folded))) return false;
  if (!before.some((t) => BE_FORMS.has(t.folded))) return false;
  const word = reading.tokens[verb.start]!.folded;
  return /(ed|en)$/.test(word) || IRREGULAR_PARTICIPLES.has(word);
}

export function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
