/**
 * "Who met X?" through events: besides MET relations, the events X took
 * part in whose names say the verb ("US envoy's meeting with ...", "City
 * Hall meeting"), and the others who took part in them; a meeting named in
 * the question (an event whose name says the verb: "the refusal to leave")
 * answers with its participants, for any verb. Otherwise applies
 * to symmetric types (met, married, allied), where taking part together is
 * what the verb means; participation types are read off the vocabulary.
 */
import type { Entity, Relation } from '../../domain/types.js';
import { tokenise } from '../read/tokens.js';
import type { Link } from '../link/entities.js';
import type { AnswerContext } from './context.js';

export interface EventParticipation {
  /** The participation relations: X's own and the others'. */
  relations: Relation[];
  events: Entity[];
  /** Who else took part. */
  participants: string[];
}

export async function throughEvents(ctx: AnswerContext, types: readonly string[], links: readonly Link[]): Promise<EventParticipation | null> {
  const named = links.length === 1 && links[0]!.entity.kind === 'Event';
  if (links.length !== 1 || types.length === 0 || !(named || types.every((t) => ctx.vocabulary.symmetric(t)))) return null;
  const participation = ctx.vocabulary.types.filter((t) => ctx.graphTypes.has(t) && ctx.vocabulary.verbs(t).includes('participated'));
  if (participation.length === 0) return null;
  const stems = ctx.vocabulary.stemsOf(types);
  const x = links[0]!.entity;
  let events: Entity[];
  if (x.kind === 'Event') {
    // "Who met the US envoy?" linked to the meeting itself: its participants answer.
    events = saysVerb(x, stems) ? [x] : [];
  } else {
    const own = (await ctx.store.relationsOf([x.id], { types: participation })).get(x.id) ?? [];
    const eventIds = [...new Set(own.filter((r) => r.from === x.id).map((r) => r.to))];
    events = (await ctx.store.entitiesByIds(eventIds)).filter((e): e is Entity => e?.kind === 'Event' && saysVerb(e, stems));
  }
  if (events.length === 0) return null;
  const byEvent = await ctx.store.relationsOf(events.map((e) => e.id), { types: participation });
  const relations = [...new Map([...byEvent.values()].flat().filter((r) => events.some((e) => e.id === r.to)).map((r) => [r.id, r])).values()];
  const participants = [...new Set(relations.map((r) => r.from).filter((id) => id !== x.id))];
  return participants.length ? { relations, events, participants } : null;
}

/** The event's own name says the verb ("... meeting with ..."); a summary mentioning it in passing does not count. */
function saysVerb(e: Entity, stems: ReadonlySet<string>): boolean {
  return tokenise(`${e.name} ${e.aliases.join(' ')}`).some((t) => stems.has(t.stem) || stems.has(t.folded));
}
