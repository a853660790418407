/**
 * Plain-English pieces of answers: lists of names, one sentence per
 * relation, quotes. Pure.
 */
import { formatDate } from '../read/dates.js';
import { isNumber, isStopWord, tokenise } from '../read/tokens.js';
import type { Vocabulary } from '../read/vocabulary.js';
import { strongestCertainty, type Certainty, type Claim } from '../../domain/types.js';
import { isRelationType, RELATION_TYPES, type RelationTypeInfo } from '../../domain/relation-types.js';
import type { Entity, Evidence, Relation } from '../types.js';

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 8): string {
  const unique = [...new Set(names)];
  if (unique.length <= max) {
    if (unique.length <= 1) return unique[0] ?? '';
    return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  }
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "almost 1,200"; a qualifier that already states the figure ("1,300 or 1,400") stands alone. */
export function claimValue(claim: Pick<Claim, 'value' | 'qualifier'>): string {
  const value = claim.value.toLocaleString('en-GB');
  if (!claim.qualifier) return value;
  return /\d/.test(claim.qualifier) ? claim.qualifier : `${claim.qualifier} ${value}`;
}

/** "almost 1,200 political prisoners remaining". */
export function claimFigure(claim: Pick<Claim, 'value' | 'qualifier' | 'measure'>): string {
  return `${claimValue(claim)} ${claim.measure}`;
}

/** A claim measure's content words, as stems: what a question's words are matched against. */
export const measureStems = (measure: string): string[] => tokenise(measure).filter((t) => !isStopWord(t) && !isNumber(t)).map((t) => t.stem);

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
export function relationSentence(r: Relation, from: Entity | undefined, to: Entity | undefined, vocabulary: Vocabulary, sources?: ReadonlyMap<string, Entity>): string {
  return hedged(plainSentence(r, from, to, vocabulary), r.evidence, sources);
}

/** Kinds that take part in things, as against events, places and positions. */
/** The kinds that can be a party to talks or a meeting ("negotiated with" them), as opposed to what was negotiated. */
export const PARTY_KINDS = new Set<Entity['kind']>(['Person', 'Group', 'Organisation', 'Country']);

function plainSentence(r: Relation, from: Entity | undefined, to: Entity | undefined, vocabulary: Vocabulary): string {
  // "negotiated with" a party, "negotiated" a deal.
  const party = isRelationType(r.type) && to && PARTY_KINDS.has(to.kind) ? (RELATION_TYPES[r.type] as RelationTypeInfo).partyLabel : undefined;
  const label = party ?? vocabulary.label(r.type);
  const words = label.split(' ');
  const first = words[0] ?? '';
  let verb = label;
  if (STATIVE_FIRST_WORDS.has(first)) verb = `is ${label}`;
  else if (/ by$/.test(label) || (words.length === 2 && /(ed|en)$/.test(first) && ['in', 'to'].includes(words[1]!) && !ACTIVE_FIRST_WORDS.has(first))) verb = `was ${label}`;
  else if (!/(ed|s)$/.test(first) && !ACTIVE_FIRST_WORDS.has(first) && !/en$/.test(first)) verb = `is ${label}`;
  else if (/en$/.test(first)) verb = `was ${label}`;
  // A group is people: "The 52 political prisoners … were released by Belarus".
  if (from?.kind === 'Group') verb = verb.replace(/^is /, 'are ').replace(/^was /, 'were ');
  const when = r.date ? ` (${formatDate(r.date)})` : '';
  return `${from?.name ?? r.from} ${verb} ${to?.name ?? r.to}${when}`;
}

/** The first quote of a relation, shortened: “...”. */
export function firstQuote(r: Pick<Relation, 'evidence'>, max = 160): string | null {
  const q = r.evidence[0]?.quote;
  if (!q) return null;
  return `“${q.length > max ? `${q.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : q}”`;
}

/** The relation's sentence (its ends looked up in `index`), followed by its first quote unless `quoting` is false. */
export function quotedSentence(r: Relation, index: ReadonlyMap<string, Entity>, vocabulary: Vocabulary, quoting = true): string {
  const s = relationSentence(r, index.get(r.from), index.get(r.to), vocabulary, index);
  const q = quoting ? firstQuote(r) : null;
  return q ? `${s}: ${q}` : s;
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

/**
 * A sentence worded as firmly as its evidence: "According to X, ...",
 * "Reportedly, ...", "Promised, not done when reported: ...". When the
 * articles support it differently, each is named side by side. A stated fact
 * stays as it is.
 */
export function hedged(sentence: string, evidence: readonly Evidence[], sources?: ReadonlyMap<string, Entity>): string {
  if (evidence.length === 0) return sentence;
  const name = (id: string | null | undefined) => (id ? (sources?.get(id)?.name ?? id) : null);
  const strongest = strongestCertainty(evidence);
  const top = evidence.filter((e) => (e.certainty ?? 'STATED') === strongest);
  const whom = [...new Set(top.map((e) => name(e.accordingTo)).filter((n): n is string => !!n))];
  const by = whom.length ? listNames(whom) : null;
  const prefix: Record<Certainty, string> = {
    STATED: '',
    ATTRIBUTED: by ? `According to ${by}, ` : 'According to its source, ',
    UNCONFIRMED: by ? `Reportedly (according to ${by}), ` : 'Reportedly, ',
    PLANNED: by ? `Promised (according to ${by}), not done when reported: ` : 'Promised, not done when reported: ',
  };
  const ways = new Map<string, string[]>();
  for (const e of evidence) {
    const way = supportOf(e.certainty ?? 'STATED', name(e.accordingTo));
    ways.set(way, [...(ways.get(way) ?? []), e.article]);
  }
  const differ = sourcesDiffer(evidence)
    ? ` (the sources differ: ${[...ways].map(([way, articles]) => `${new Set(articles).size === 1 ? 'article' : 'articles'} ${[...new Set(articles)].join(', ')}: ${way}`).join('; ')})`
    : '';
  // "According to BelTA, the 14 foreigners …", "According to Kallas, an EU staff member …": a name's leading article is lower case inside a sentence.
  const body = prefix[strongest] && /^(The|An) /.test(sentence) ? `${sentence[0]!.toLowerCase()}${sentence.slice(1)}` : sentence;
  return `${prefix[strongest]}${body}${differ}`;
}

/**
 * True when the articles support a fact in different ways and that matters:
 * none states it, or one only reports or promises what another states.
 */
export function sourcesDiffer(evidence: readonly Evidence[]): boolean {
  const ways = new Set(evidence.map((e) => ((e.certainty ?? 'STATED') === 'STATED' ? 'STATED' : `${e.certainty}|${e.accordingTo ?? ''}`)));
  if (ways.size < 2) return false;
  return evidence.some((e) => e.certainty === 'UNCONFIRMED' || e.certainty === 'PLANNED') || strongestCertainty(evidence) !== 'STATED';
}

function supportOf(certainty: Certainty, by: string | null): string {
  switch (certainty) {
    case 'STATED':
      return 'stated';
    case 'ATTRIBUTED':
      return `according to ${by ?? 'a source'}`;
    case 'UNCONFIRMED':
      return `reportedly, unconfirmed${by ? ` (${by})` : ''}`;
    case 'PLANNED':
      return `promised or planned${by ? ` by ${by}` : ''}, not done`;
  }
}

/**
 * "Yes." when an article states or attributes at least one of the facts;
 * "Not as a fact: " when every one is only reported or promised, so a yes/no
 * answer never states an unconfirmed or planned fact as fact.
 */
export function yesFor(evidence: readonly (readonly Evidence[])[]): string {
  const firm = evidence.some((list) => {
    const c = strongestCertainty(list);
    return c === 'STATED' || c === 'ATTRIBUTED';
  });
  return firm ? 'Yes.' : 'Not as a fact:';
}
