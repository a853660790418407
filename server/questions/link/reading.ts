/**
 * The reading completed with the entities the link stage found: verbs inside
 * a linked name dropped, typos in verbs read, the kind asked for, the words
 * nothing used, and words that look like a name the graph does not know.
 * Pure.
 */
import type { EntityKind } from '../../domain/types.js';
import { isCueWord, range, type PreReading } from '../read/reading.js';
import { DETERMINERS, HAPPENED_WORDS, KIND_WORDS, isNumber, isStopWord, type Token } from '../read/tokens.js';
import type { VerbMatch, Vocabulary } from '../read/vocabulary.js';
import type { Link } from './entities.js';

export interface Reading extends PreReading {
  /** Relation verbs, after linking (a verb inside a linked name is not a verb). */
  verbs: VerbMatch[];
  links: Link[];
  /** "which countries": the kind asked for. */
  kind: EntityKind | null;
  /** Content words no part of the reading used. */
  ignored: string[];
  /** Words that look like a name the graph does not know ("Napoleon", "with napoleon"). */
  unknownNames: string[];
  /**
   * Nouns that say what the answer must be ("which journalists", "who are the
   * foreigners"): matched against summaries, positions and groups. They stay
   * in `ignored` until an answerer uses them.
   */
  attributes: string[];
  /**
   * Nouns after the verb that say what the other end must be ("who released
   * the journalists?"): the relations are those whose other end is described
   * so. Also kept in `ignored` until an answerer uses them.
   */
  objectAttributes: string[];
}

/** After these openings the next nouns describe the answer: "which journalists", "who were the foreigners", "list the politicians". */
const ATTRIBUTE_OPENINGS = [['which'], ['what'], ['who', 'are', 'the'], ['who', 'were', 'the'], ['list', 'the'], ['list', 'all', 'the'], ['name', 'the'], ['list'], ['name', 'all', 'the'], ['what', 'happened', 'to', 'the'], ['what', 'happened', 'to'], ['what', 'became', 'of', 'the'], ['what', 'became', 'of']];

/** After a verb of saying, these start a question about the saying, not the words said ("said what", "said about"). */
const NOT_A_CLAUSE = new Set(['what', 'about', 'anything', 'something', 'nothing', 'to', 'on', 'of', 'in', 'for', 'when', 'how', 'where', 'why', 'which', 'whom', 'who', 'so', 'most', 'more']);

/**
 * The token where the words said begin, or the question's length when there
 * are none: right after a verb that means only saying ("said", "called"),
 * unless a name or a word like "what" or "about" follows it.
 */
function saidClause(pre: PreReading, links: readonly Link[], vocabulary: Vocabulary): number {
  const end = pre.tokens.length;
  const verb = pre.verbs.find((v) => v.types.length > 0 && v.types.every((t) => vocabulary.stemsOf([t]).has('said')) && !links.some((l) => l.start <= v.start && v.start < l.end));
  if (!verb || verb.end >= end) return end;
  const next = pre.tokens[verb.end]!;
  if (NOT_A_CLAUSE.has(next.folded) || links.some((l) => l.start === verb.end)) return end;
  return verb.end;
}

/** After these, an unknown word is the name the question is about. */
const NAME_PREPOSITIONS = new Set(['with', 'into', 'about', 'between', 'by']);

export function completeReading(pre: PreReading, allLinks: Link[], vocabulary: Vocabulary): Reading {
  const { tokens } = pre;
  // "who said it was forced deportation?": after a verb of saying come the words said, not names or verbs.
  const clause = saidClause(pre, allLinks, vocabulary);
  // "which opposition politicians ...": a lower-case word linked right after "which", before another noun, describes the answer.
  const describing = describingLink(pre, allLinks);
  const links = allLinks.filter((l) => l.start < clause && l !== describing);
  const linked = new Set(links.flatMap((l) => range(l.start, l.end)));
  const dateTokens = new Set(pre.dates.flatMap((d) => range(d.start, d.end)));
  const verbs = pre.verbs.filter((v) => v.end <= clause && !range(v.start, v.end).some((i) => linked.has(i)));
  const verbTokens = new Set(verbs.flatMap((v) => range(v.start, v.end)));

  // Typos in verbs ("negociated"), on words nothing else used.
  for (const t of tokens) {
    if (linked.has(t.index) || dateTokens.has(t.index) || verbTokens.has(t.index) || isCueWord(t) || t.index >= clause) continue;
    const types = vocabulary.matchFuzzy(t);
    if (types.length) {
      verbs.push({ start: t.index, end: t.index + 1, types, primary: [], words: t.raw, fuzzy: true });
      verbTokens.add(t.index);
    }
  }
  verbs.sort((a, b) => a.start - b.start);

  const kindToken = tokens.find((t) => t.index < clause && !linked.has(t.index) && !verbTokens.has(t.index) && t.folded in KIND_WORDS);
  const used = (t: Token) => linked.has(t.index) || dateTokens.has(t.index) || verbTokens.has(t.index) || t === kindToken;
  // "got", "paid" are cues of an exchange question ("what did X get in return?"); elsewhere they are words to read, or to say were not read.
  const leftover = tokens.filter((t) => !used(t) && !isStopWord(t) && !isNumber(t) && !isCueWord(t, !!pre.exchangeSide));

  const attributeTokens = attributeRun(tokens, leftover);
  const objectTokens = objectRun(tokens, leftover, verbs, links, attributeTokens);
  const unknownNames = leftover.filter((t) => {
    if (attributeTokens.includes(t) || t.index >= clause) return false;
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
    attributes: attributeTokens.map((t) => t.raw),
    objectAttributes: objectTokens.map((t) => t.raw),
  };
}

/** Verbs that name a relation, not "what happened" and not the time marker. */
export function relationVerbs(reading: Reading): VerbMatch[] {
  return reading.verbs.filter((v) => {
    const words = reading.tokens.slice(v.start, v.end).map((t) => t.folded);
    if (words.length === 1 && HAPPENED_WORDS.has(words[0]!)) return false;
    return !(reading.temporal && v.start <= reading.temporal.index && reading.temporal.index < v.end);
  });
}

/** The leftover nouns right after an attribute opening, lower case (a capitalised word is a name). */
function attributeRun(tokens: readonly Token[], leftover: readonly Token[]): Token[] {
  const words = tokens.map((t) => t.folded);
  const opening = ATTRIBUTE_OPENINGS.filter((o) => o.every((w, i) => words[i] === w)).sort((a, b) => b.length - a.length)[0];
  if (!opening) return [];
  const run: Token[] = [];
  for (let i = opening.length; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "who are the released journalists": a participle before the nouns is the verb, and the nouns still describe the answer.
    if (i === opening.length && /(ed|en)$/.test(t.folded) && !leftover.includes(t) && tokens[i + 1] && leftover.includes(tokens[i + 1]!)) continue;
    if (!leftover.includes(t) || t.capitalised || t.acronym || t.possessive) break;
    run.push(t);
  }
  return run;
}

/** Openings that ask for an agent, whose verb's object may be a described class ("who released the journalists?"). */
const AGENT_QUESTIONS = new Set(['who', 'which', 'what']);

/**
 * "Who released the journalists?": the leftover lower-case nouns right after
 * the only relation verb and a determiner, to the end of the question or the
 * next word that is not one (a preposition, a date). Not in a question with a
 * linked name, and not the answer's own description ("who are the released
 * journalists?", attributeRun).
 */
function objectRun(tokens: readonly Token[], leftover: readonly Token[], verbs: readonly VerbMatch[], links: readonly Link[], attributes: readonly Token[]): Token[] {
  if (!AGENT_QUESTIONS.has(tokens[0]?.folded ?? '') || verbs.length !== 1 || links.length) return [];
  let i = verbs[0]!.end;
  if (!DETERMINERS.has(tokens[i]?.folded ?? '')) return [];
  i += 1;
  const run: Token[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!leftover.includes(t) || attributes.includes(t) || t.capitalised || t.acronym || t.possessive) break;
    run.push(t);
  }
  return run;
}

/** A one-word, lower-case link right after "which"/"what" and followed by an unlinked noun: an attribute, not a name. */
function describingLink(pre: PreReading, links: readonly Link[]): Link | null {
  const { tokens } = pre;
  if (!['which', 'what'].includes(tokens[0]?.folded ?? '')) return null;
  const link = links.find((l) => l.start === 1 && l.end === 2);
  const word = tokens[1];
  const next = tokens[2];
  if (!link || !word || !next || word.capitalised || word.acronym || word.possessive || link.quality >= 4) return null;
  const nextIsFree = !links.some((l) => l.start <= 2 && 2 < l.end) && !pre.verbs.some((v) => v.start <= 2 && 2 < v.end) && !isStopWord(next) && !(next.folded in KIND_WORDS);
  return nextIsFree ? link : null;
}
