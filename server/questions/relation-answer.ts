/**
 * Relation questions: "who negotiated what?", "who brokered the release?",
 * "who was released?", "who is married to X?", "X's spouse", "who leads X?",
 * "what did X say?", "which people crossed into X in September 2025?".
 * The verb gives the types; word order and voice say which end is asked,
 * read against each type's roles (vocabulary.roles).
 */
import type { Entity, Relation } from '../domain/types.js';
import { type AnswerContext, presentTypes, typeLabels } from './context.js';
import { dateWithin, formatDate, isAfter, isBefore } from './dates.js';
import type { Link } from './entity-linking.js';
import type { Intent, TimeFilter } from './intent.js';
import { isPassive } from './reading.js';
import { allRelations, indexEntities, MAX_ROWS, relationRow, subgraphOf, type EntityIndex } from './rows.js';
import type { Draft } from './types.js';
import type { Side, VerbMatch } from './vocabulary.js';
import { firstQuote, joinSentences, listNames, relationSentence } from './wording.js';

export type RelationIntent = Extract<Intent, { name: 'relation' }>;
type Role = 'agent' | 'patient';

/** What the linked entity does in the question: "who leads X" -> X is the patient. */
function roleOf(ctx: AnswerContext, link: Link, verb: VerbMatch): Role {
  const passive = isPassive(ctx.reading, verb);
  const tokens = ctx.reading.tokens;
  if (tokens[link.end - 1]?.possessive) return 'patient'; // "Belarus's leader", "X's spouse"
  if (link.start < verb.start) return passive ? 'patient' : 'agent';
  return tokens[link.start - 1]?.folded === 'by' ? 'agent' : 'patient';
}

/** The end of a relation of `type` that plays `role`; null when the type does not say (symmetric, or no agent). */
function sideOf(ctx: AnswerContext, type: string, role: Role): Side | null {
  const roles = ctx.vocabulary.roles(type);
  return role === 'agent' ? roles.agent : roles.patient;
}

export function matchesTime(r: Relation, index: EntityIndex, time: TimeFilter): boolean {
  const test = (d: string | null | undefined) =>
    !!d && (time.mode === 'within' ? dateWithin(d, time.iso) : time.mode === 'before' ? isBefore(d, time.iso) : isAfter(d, time.iso));
  if (r.date) return test(r.date);
  return [index.get(r.from), index.get(r.to)].some((e) => e?.kind === 'Event' && test(e.date));
}

export async function answerRelation(ctx: AnswerContext, intent: RelationIntent): Promise<Draft> {
  const { store, vocabulary } = ctx;
  const { present, absent } = presentTypes(ctx, intent.types);
  const linked = intent.links.map((l) => l.entity);
  const linkedIds = new Set(linked.map((e) => e.id));
  if (present.length === 0) {
    return {
      understood: true,
      text: `The graph holds no ${typeLabels(ctx, absent)} relations, so it cannot say${linked.length ? ` for ${listNames(linked.map((e) => e.name))}` : ''}.`,
      rows: [],
      subgraph: subgraphOf([], [], linked),
    };
  }

  // The question's own role for "who": the agent unless the verb is passive ("who was released?").
  const askedRole: Role = isPassive(ctx.reading, intent.verb) ? 'patient' : 'agent';
  let relations: Relation[];
  let truncated = false;
  let fits = true;
  if (intent.links.length === 0) {
    ({ relations, truncated } = await allRelations(store, present, 2000));
  } else {
    const byEntity = await store.relationsOf([...linkedIds], { types: present });
    const seen = new Map<string, Relation>();
    for (const list of byEntity.values()) for (const r of list) seen.set(r.id, r);
    relations = [...seen.values()];
    // With two or more names, the relations between them are the answer when there are any.
    const between = relations.filter((r) => linkedIds.has(r.from) && linkedIds.has(r.to) && r.from !== r.to);
    if (intent.links.length >= 2 && between.length) relations = between;
    ({ relations, fits } = filterByRole(ctx, intent, relations));
  }

  const index = await indexEntities(store, relations, linked);
  if (intent.time) relations = relations.filter((r) => matchesTime(r, index, intent.time!));
  const roles = new Map(intent.links.map((l) => [l.entity.id, roleOf(ctx, l, intent.verb)]));
  const askedEnd = (r: Relation): Entity | undefined => {
    if (linkedIds.size) {
      if (!fits || linkedIds.has(r.from) === linkedIds.has(r.to)) return undefined;
      const link = linkedIds.has(r.from) ? r.from : r.to;
      // "Who expelled the prisoners?" asks for an agent that a type like "deported to" does not have.
      if (roles.get(link) === 'patient' && askedRole === 'agent' && !vocabulary.symmetric(r.type) && vocabulary.roles(r.type).agent === null) return undefined;
      return index.get(r.from === link ? r.to : r.from);
    }
    const side = sideOf(ctx, r.type, askedRole) ?? (vocabulary.symmetric(r.type) ? 'from' : null);
    return side ? index.get(r[side]) : undefined;
  };
  if (intent.kind) relations = relations.filter((r) => askedEnd(r)?.kind === intent.kind);
  relations.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));

  const shown = relations.slice(0, MAX_ROWS);
  const rows = shown.map((r) => relationRow(r, index));
  const subgraph = subgraphOf(rows, shown, linked, truncated || relations.length > shown.length);
  if (rows.length === 0) {
    return { understood: true, text: `The graph holds no ${typeLabels(ctx, present)} relation${describeScope(intent)}.`, rows, subgraph };
  }
  const quoting = present.some((t) => vocabulary.stemsOf([t]).has('said')) || rows.length <= 2;
  const sentences = shown.map((r) => {
    const s = relationSentence(r, index.get(r.from), index.get(r.to), vocabulary);
    const q = quoting ? firstQuote(r) : null;
    return q ? `${s}: ${q}` : s;
  });
  const asked = [...new Map(relations.map(askedEnd).filter((e): e is Entity => !!e).map((e) => [e.id, e])).values()];
  const head = asked.length ? `${listNames(asked.map((e) => e.name))}.` : '';
  const detail = joinSentences(sentences);
  return { understood: true, text: `${head} ${detail}`.trim(), detail, rows, subgraph, answers: asked };
}

/**
 * Keeps relations where a linked entity sits at the end its role in the
 * question says. When none does, keeps them all and says so (`fits: false`):
 * the graph relates them, but not the way the question put it.
 */
function filterByRole(ctx: AnswerContext, intent: RelationIntent, relations: Relation[]): { relations: Relation[]; fits: boolean } {
  const roles = new Map(intent.links.map((l) => [l.entity.id, roleOf(ctx, l, intent.verb)]));
  const fitting = relations.filter((r) =>
    [...roles].some(([id, role]) => {
      if (ctx.vocabulary.symmetric(r.type)) return r.from === id || r.to === id;
      const types = ctx.vocabulary.roles(r.type);
      // Without an agent ("released in", "deported to") the other end is a circumstance, named after the verb.
      if (types.agent === null) return role === 'patient' ? r.from === id || r.to === id : r.to === id;
      const side = sideOf(ctx, r.type, role);
      return side !== null && r[side] === id;
    }),
  );
  return fitting.length ? { relations: fitting, fits: true } : { relations, fits: false };
}

function describeScope(intent: RelationIntent): string {
  const parts: string[] = [];
  if (intent.links.length) parts.push(` involving ${listNames(intent.links.map((l) => l.entity.name))}`);
  if (intent.kind) parts.push(` with a ${intent.kind.toLowerCase()} as the answer`);
  if (intent.time) parts.push(` ${intent.time.mode === 'within' ? 'in' : intent.time.mode} ${formatDate(intent.time.iso)}`);
  return parts.join('');
}
