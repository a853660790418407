/**
 * Which shape of question this is, from a completed Reading. Pure: the
 * order of the checks is the grammar of the questions the engine answers.
 */
import type { EntityKind } from '../../domain/types.js';
import type { DateMention, TimeFilter } from '../read/dates.js';
import type { VerbMatch } from '../read/vocabulary.js';
import { distinctLinks, type Link } from '../link/entities.js';
import { relationVerbs, type Reading } from '../link/reading.js';

/** What each intent carries, by name: the intents the engine answers, one answerer each. */
interface IntentShapes {
  count: {};
  'on-date': { date: DateMention };
  before: Ordered;
  after: Ordered;
  when: { link: Link };
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
  };
  profile: { link: Link };
  list: { kind: EntityKind };
  unknown: { reason: string };
}

/** "before the release", "after June 2025": a reference entity or a date, and the marker's own relation types. */
interface Ordered {
  reference: { link: Link } | { date: DateMention };
  types: string[];
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

  if (reading.temporal) {
    const marker = reading.temporal;
    const link = links.find((l) => l.start > marker.index);
    const date = reading.dates.find((d) => d.start > marker.index);
    const markerTypes = reading.verbs.filter((v) => v.start <= marker.index && marker.index < v.end).flatMap((v) => v.types);
    const byDate = date && (!link || date.start < link.start);
    if ((link || date) && (types.length === 0 || reading.happened)) {
      return { name: marker.marker, reference: byDate ? { date } : { link: link! }, types: markerTypes };
    }
    // "who was released before June 2025?", "who crossed after the deal?"
    const iso = byDate ? date.iso : link?.entity.date;
    if (mainVerb && iso && !iso.startsWith('--')) {
      const others = byDate ? links : links.filter((l) => l !== link);
      return { name: 'relation', verb: mainVerb, types, broader, links: others, kind: reading.kind, time: { iso, mode: marker.marker }, happened: false };
    }
  }

  const date = reading.dates[0] ?? null;
  if (date && mainVerb && !reading.happened) {
    return { name: 'relation', verb: mainVerb, types, broader, links, kind: reading.kind, time: { iso: date.iso, mode: 'within' }, happened: false };
  }
  if (date) return { name: 'on-date', date };

  // "what happened in Portvale?": the vocabulary's own "happened" relation, else a profile.
  const happenedVerb = reading.verbs.find((v) => !verbs.includes(v));
  if (reading.happened && !mainVerb && links.length >= 1 && happenedVerb && !reading.asksWhen) {
    return { name: 'relation', verb: happenedVerb, types: happenedVerb.types, links, kind: reading.kind, time: null, happened: true };
  }

  if (reading.asksWhen && links.length >= 1 && !mainVerb) return { name: 'when', link: links[0]! };

  if (links.length >= 2 && (reading.asksPath || !mainVerb)) return { name: 'path', from: links[0]!, to: links[1]! };
  if (links.length >= 2 && mainVerb && reading.yesNo) return { name: 'relation-check', from: links[0]!, to: links[1]!, verb: mainVerb, types };

  if (mainVerb) return { name: 'relation', verb: mainVerb, types, broader, links, kind: reading.kind, time: null, happened: false };

  if (reading.kind) return { name: 'list', kind: reading.kind };
  if (links.length === 1) return { name: 'profile', link: links[0]! };
  if (reading.happened && links.length === 0 && reading.ignored.length === 0) return { name: 'timeline' };

  const ignored = reading.ignored.length ? ` (I did not recognise: ${reading.ignored.map((w) => `"${w}"`).join(', ')})` : '';
  return {
    name: 'unknown',
    reason: `I did not understand the question: it names no entity, relation, date or kind of thing I know${ignored}.`,
  };
}
