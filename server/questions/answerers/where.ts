/**
 * "Where was the press conference?", "where did the prisoners go?", "where
 * is X?": the relations that put X at a place or in a country, read off each
 * type's label (one that ends in a place preposition: "took place in",
 * "crossed into", "deported to"; not "expelled by"), where X is the end that
 * is placed. Where an event took place comes first. The graph records places
 * as the articles state them, not where anyone is now, and the answer says so
 * when X is not an event.
 */
import type { Entity, Relation } from '../../domain/types.js';
import { indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { relationRow, subgraphOf } from '../compose/rows.js';
import { joinSentences, listNames, quotedSentence } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

const PLACE_KINDS = new Set<Entity['kind']>(['Place', 'Country']);
/** The last word of a label that puts its subject somewhere. */
const PLACE_PREPOSITIONS = new Set(['in', 'into', 'to', 'at', 'from', 'toward', 'towards', 'across', 'near', 'inside']);

/** Words of a label that say the subject did not get there. */
const NEGATIONS = new Set(['refused', 'not', 'never', 'denied', 'blocked', 'prevented', 'failed', 'barred', 'banned']);

/** True when the type's label puts its `from` end at its `to` end ("took place in", "crossed into"). */
export function placesItsSubject(label: string): boolean {
  const words = label.trim().toLowerCase().split(/\s+/);
  // "refused to cross into": the subject did not go there.
  if (words.some((w) => NEGATIONS.has(w))) return false;
  return PLACE_PREPOSITIONS.has(words[words.length - 1] ?? '');
}

export async function answerWhere(ctx: AnswerContext, intent: IntentOf<'where'>): Promise<Draft> {
  const e = intent.link.entity;
  const own = ((await ctx.store.relationsOf([e.id])).get(e.id) ?? []).filter((r) => r.from === e.id && placesItsSubject(ctx.vocabulary.label(r.type)));
  const index = await indexEntities(ctx.store, own, [e]);
  const placed = own.filter((r) => PLACE_KINDS.has(index.get(r.to)?.kind ?? 'Event'));
  if (placed.length === 0) {
    return { understood: true, text: `The graph puts ${e.name} at no place or country.`, rows: [], subgraph: subgraphOf([], [], [e]) };
  }
  // Where an event took place first, then by date.
  const occurred = (r: Relation) => (/^(took place|occurred|held) in$/.test(ctx.vocabulary.label(r.type)) ? 0 : 1);
  placed.sort((a, b) => occurred(a) - occurred(b) || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const rows = placed.map((r) => relationRow(r, index));
  const places = [...new Map(placed.map((r) => [r.to, index.get(r.to)?.name ?? r.to])).values()];
  const sentences = placed.map((r) => quotedSentence(r, index, ctx.vocabulary));
  const note = e.kind === 'Event' ? '' : ' (where the articles put them, not necessarily where they are now)';
  return { understood: true, text: `${listNames(places)}${note}. ${joinSentences(sentences)}`, rows, subgraph: subgraphOf(rows, placed, [e]), answers: placed.map((r) => index.get(r.to)!).filter(Boolean) };
}
