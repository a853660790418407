/**
 * Which shape of question this is, from a completed Reading. Pure: the
 * order of the checks is the grammar of the questions the engine answers.
 */
import type { EntityKind } from '../../domain/types.js';
import type { DateMention, TimeFilter } from '../read/dates.js';
import type { VerbMatch } from '../read/vocabulary.js';
import { distinctLinks, type Link } from '../link/entities.js';
import { relationVerbs, type Reading } from '../link/reading.js';
import { DETERMINERS, INVOLVEMENT_WORDS } from '../read/tokens.js';

/** Words asking how often something is mentioned ("appears most", "cited most"). */
const MENTION_WORDS = new Set(['mention', 'mentions', 'cited', 'quoted', 'often', 'frequently']);

/** A type that records an exchange: read off its label ("given in return for"), not its name. */
function isExchangeType(type: string): boolean {
  return /^IN_(EXCHANGE|RETURN)_FOR$/.test(type);
}

/** What each intent carries, by name: the intents the engine answers, one answerer each. */
interface IntentShapes {
  count: {};
  'on-date': { date: DateMention };
  before: Ordered;
  after: Ordered;
  /** "When did Trump speak with Lukashenko?": `others`, the names after the first, narrow it to what involves them too. */
  when: { link: Link; others?: Link[] };
  timeline: {};
  path: { from: Link; to: Link };
  'relation-check': { from: Link; to: Link; verb: VerbMatch; types: string[] };
  relation: {
    verb: VerbMatch;
    types: string[];
    /** Every type the verbs may mean, when `types` holds only the closest ones: asked when those find nothing. */
    broader?: string[];
    links: Link[];
    kind: EntityKind | null;
    time: TimeFilter | null;
    happened: boolean;
    /** "which journalists ...": what the answer must be described as. */
    attributes?: string[];
    /** "who released the journalists?": what the other end must be described as. */
    described?: string[];
    /** "leave X": X is where one started, which the graph does not record; relations into X are not the answer. */
    origins?: Link[];
    /** Content words the reading did not use: what was said, for questions about words ("who said it was forced deportation?"). */
    words?: string[];
    /** "When did X ...?": the answer leads with the relations' dates, not their ends. */
    asksWhen?: boolean;
    /** "Where did X meet Y?": a place asked, not an entity at an end (with two names, only a relation between them answers). */
    asksWhere?: boolean;
  };
  profile: { link: Link };
  list: { kind: EntityKind | null; attributes?: string[] };
  /** "who is the most connected person?", "which country appears most?", "who said the most?" */
  superlative: { kind: EntityKind | null; types: string[]; measure: 'mentions' | 'relations'; attributes: string[] };
  /** "where is X from?" */
  origin: { link: Link; kind: EntityKind | null };
  /** "where was the press conference?", "where did X go?" */
  where: { link: Link };
  /** "what did X get in return?", "what was given in exchange for X?" */
  exchange: { links: Link[]; side: 'get' | 'give' | null };
  /** "why was X released?" */
  why: { links: Link[]; types: string[] };
  /** "what do the sources disagree on?", "what is unconfirmed about X?", "what did X promise?" */
  certainty: { certainty: 'disagree' | 'UNCONFIRMED' | 'PLANNED'; links: Link[] };
  /** Not read as a question about the graph: the passages whose words match it. */
  passages: { words: string[] };
  unknown: { reason: string };
}

/** "before the release", "after June 2025": a reference entity or a date, and the marker's own relation types. */
interface Ordered {
  reference: { link: Link } | { date: DateMention };
  types: string[];
  /** "what happened to X after the release?": whom the question is about, named before the marker. */
  subject?: Link;
}

export type IntentName = keyof IntentShapes;
/** One intent of the names K: `IntentOf<'relation'>`; `Intent` is any of them. */
export type IntentOf<K extends IntentName> = { [P in K]: { name: P } & IntentShapes[P] }[K];
export type Intent = IntentOf<IntentName>;

export function classify(reading: Reading): Intent {
  if (reading.tokens.length === 0) return { name: 'unknown', reason: 'The question is empty.' };
  if (reading.unknownNames.length > 0) {
    const names = reading.unknownNames.map((n) => `"${n}"`).join(', ');
    return { name: 'unknown', reason: `I could not find ${names} in the graph: no entity has that name or alias.` };
  }
  const links = distinctLinks(reading.links);
  const verbs = relationVerbs(reading);
  const types = [...new Set(verbs.flatMap((v) => (v.primary.length ? v.primary : v.types)))];
  const broader = [...new Set(verbs.flatMap((v) => v.types))];
  const mainVerb = verbs[0];

  if (reading.howMany) return { name: 'count' };
  // How sure the articles are: a question about the evidence, not a relation ("who promised X?" stays a relation question).
  if (reading.certainty && !reading.yesNo && !reading.asksWhy && (reading.certainty !== 'PLANNED' || !mainVerb)) return { name: 'certainty', certainty: reading.certainty, links };

  // Shapes of version 2: reasons, exchanges, rankings, origins.
  const exchangeVerb = verbs.some((v) => v.types.some((t) => isExchangeType(t)));
  if (reading.asksWhy && links.length >= 1) return { name: 'why', links, types: types.filter((t) => !isExchangeType(t)) };
  if ((reading.exchangeSide || exchangeVerb) && links.length >= 1) return { name: 'exchange', links, side: reading.exchangeSide };
  if (reading.superlative && links.length === 0) {
    const measure = reading.tokens.some((t) => INVOLVEMENT_WORDS.has(t.folded) || MENTION_WORDS.has(t.folded)) ? 'mentions' : 'relations';
    return { name: 'superlative', kind: reading.kind, types, measure, attributes: reading.attributes };
  }
  if (reading.asksOrigin && links.length >= 1) return { name: 'origin', link: links[0]!, kind: reading.kind };
  // "Where did X go?" ("go" is no relation verb): where the graph puts X. "Where was X released?" stays a relation question.
  if (reading.asksWhere && links.length === 1 && !mainVerb) return { name: 'where', link: links[0]! };

  const relation = (verb: VerbMatch, asked: string[], linked: Link[], time: TimeFilter | null, happened = false, wider: string[] | null = broader): Intent => {
    // "refused to leave X": X is an origin, after the verb and not its agent.
    const origins = verb.origin ? linked.filter((l) => l.start >= verb.end && reading.tokens[l.start - 1]?.folded !== 'by') : [];
    return {
      name: 'relation', verb, types: asked, ...(wider ? { broader: wider } : {}), links: linked.filter((l) => !origins.includes(l)), kind: reading.kind, time, happened,
      ...(reading.attributes.length ? { attributes: reading.attributes } : {}),
      ...(reading.objectAttributes.length ? { described: reading.objectAttributes } : {}),
      ...(origins.length ? { origins } : {}),
      ...(reading.ignored.length ? { words: reading.ignored } : {}),
      ...(reading.asksWhen ? { asksWhen: true } : {}),
      ...(reading.asksWhere ? { asksWhere: true } : {}),
    };
  };

  if (reading.temporal) {
    const marker = reading.temporal;
    const link = links.find((l) => l.start > marker.index);
    const date = reading.dates.find((d) => d.start > marker.index);
    const markerTypes = reading.verbs.filter((v) => v.start <= marker.index && marker.index < v.end).flatMap((v) => v.types);
    const byDate = date && (!link || date.start < link.start);
    if ((link || date) && (types.length === 0 || reading.happened)) {
      const subject = links.find((l) => l.end <= marker.index);
      return { name: marker.marker, reference: byDate ? { date } : { link: link! }, types: markerTypes, ...(subject ? { subject } : {}) };
    }
    // "who was released before June 2025?", "who crossed after the deal?"
    const iso = byDate ? date.iso : link?.entity.date;
    if (mainVerb && iso && !iso.startsWith('--')) {
      const others = byDate ? links : links.filter((l) => l !== link);
      return relation(mainVerb, types, others, { iso, mode: marker.marker });
    }
  }

  const date = reading.dates[0] ?? null;
  if (date && mainVerb && !reading.happened) {
    return relation(mainVerb, types, links, { iso: date.iso, mode: 'within' });
  }
  if (date) return { name: 'on-date', date };

  // "what happened to Kolesnikova?": what the graph holds about her, in date order; "took place in" is no part of it.
  if (reading.happened && !mainVerb && links.length === 1 && !reading.asksWhen && happenedTo(reading, links[0]!)) return { name: 'profile', link: links[0]! };
  // "what happened in Portvale?": the vocabulary's own "happened" relation, else a profile.
  const happenedVerb = reading.verbs.find((v) => !verbs.includes(v));
  if (reading.happened && !mainVerb && links.length >= 1 && happenedVerb && !reading.asksWhen) {
    return relation(happenedVerb, happenedVerb.types, links, null, true, null);
  }

  if (reading.asksWhen && links.length >= 1 && !mainVerb) return { name: 'when', link: links[0]!, ...(links.length > 1 ? { others: links.slice(1) } : {}) };

  // Two names and no verb: how they connect; but "which journalists are still in prison?" asks for journalists, not a path.
  if (links.length >= 2 && (reading.asksPath || (!mainVerb && !reading.attributes.length))) return { name: 'path', from: links[0]!, to: links[1]! };
  if (links.length >= 2 && mainVerb && reading.yesNo) return { name: 'relation-check', from: links[0]!, to: links[1]!, verb: mainVerb, types };

  if (mainVerb) return relation(mainVerb, types, links, null);

  if (reading.kind) return { name: 'list', kind: reading.kind, ...(reading.attributes.length ? { attributes: reading.attributes } : {}) };
  if (reading.attributes.length && links.length === 0) return { name: 'list', kind: null, attributes: reading.attributes };
  if (links.length === 1) return { name: 'profile', link: links[0]! };
  if (reading.happened && links.length === 0 && reading.ignored.length === 0) return { name: 'timeline' };

  const ignored = reading.ignored.length ? ` (I did not recognise: ${reading.ignored.map((w) => `"${w}"`).join(', ')})` : '';
  return {
    name: 'unknown',
    reason: `I did not understand the question: it names no entity, relation, date or kind of thing I know${ignored}.`,
  };
}

/** "happened to X", "happened to the X": the link is what something happened to. */
function happenedTo(reading: Reading, link: Link): boolean {
  let i = link.start - 1;
  if (i >= 0 && DETERMINERS.has(reading.tokens[i]!.folded)) i -= 1;
  return reading.tokens[i]?.folded === 'to';
}
