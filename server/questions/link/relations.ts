/**
 * Which relations a verb selects around the linked entities, and which of
 * their ends the question asks for. The verb gives the types; word order and
 * voice say which end is asked, read against each type's roles
 * (vocabulary.roles). Shared by the hops of the link stage and the relation
 * answerer, which words what this finds.
 */
import type { Entity, EntityKind, Relation } from '../../domain/types.js';
import { dateWithin, isAfter, isBefore, type TimeFilter } from '../read/dates.js';
import { isPassive } from '../read/reading.js';
import { isStopWord, tokenise } from '../read/tokens.js';
import type { Side, VerbMatch } from '../read/vocabulary.js';
import { describedAs } from './attributes.js';
import type { Link } from './entities.js';
import { allRelations, indexEntities, presentTypes, type EntityIndex, type GraphContext } from './graph.js';

/** A relation question as the selection needs it. */
export interface RelationQuery {
  verb: VerbMatch;
  types: string[];
  links: Link[];
  kind: EntityKind | null;
  time: TimeFilter | null;
  /** "which journalists ...": the asked end must be described so. */
  attributes?: string[];
  /** "who released the journalists?": the other end must be described so (when any is). */
  described?: string[];
  /** "leave X": relations into X are not the answer. */
  origins?: Link[];
  /** Unused words of the question: for types that quote what was said, they pick the quotes that say them. */
  words?: string[];
}

export interface Selection {
  /** The asked types the graph holds, and the ones it does not. */
  present: string[];
  absent: string[];
  /** The relations selected, oldest first. */
  relations: Relation[];
  /** True when the store held more relations than were read. */
  truncated: boolean;
  index: EntityIndex;
  /** The entities at the asked ends: the answer to "who"/"what". */
  asked: Entity[];
  /** Question words the selection used (attributes, words of a quote). */
  usedWords: string[];
  /** False when no relation has a linked entity at the end the question puts it ("who did the US thank?" when only others thanked the US): the relations are all of them, not an answer. */
  fits: boolean;
}

type Role = 'agent' | 'patient';

/** What the linked entity does in the question: "who leads X" -> X is the patient. */
function roleOf(ctx: GraphContext, link: Link, verb: VerbMatch): Role {
  const passive = isPassive(ctx.reading, verb);
  const tokens = ctx.reading.tokens;
  if (tokens[link.end - 1]?.possessive) return 'patient'; // "Belarus's leader", "X's spouse"
  if (link.start < verb.start) return passive ? 'patient' : 'agent';
  return tokens[link.start - 1]?.folded === 'by' ? 'agent' : 'patient';
}

/** The end of a relation of `type` that plays `role`; null when the type does not say (symmetric, or no agent). */
function sideOf(ctx: GraphContext, type: string, role: Role): Side | null {
  const roles = ctx.vocabulary.roles(type);
  return role === 'agent' ? roles.agent : roles.patient;
}

export function matchesTime(r: Relation, index: EntityIndex, time: TimeFilter): boolean {
  const test = (d: string | null | undefined) =>
    !!d && (time.mode === 'within' ? dateWithin(d, time.iso) : time.mode === 'before' ? isBefore(d, time.iso) : isAfter(d, time.iso));
  if (r.date) return test(r.date);
  return [index.get(r.from), index.get(r.to)].some((e) => e?.kind === 'Event' && test(e.date));
}

export async function selectRelations(ctx: GraphContext, query: RelationQuery): Promise<Selection> {
  const { store, vocabulary } = ctx;
  const { present, absent } = presentTypes(ctx, query.types);
  const linked = query.links.map((l) => l.entity);
  const linkedIds = new Set(linked.map((e) => e.id));
  if (present.length === 0) return { present, absent, relations: [], truncated: false, index: new Map(linked.map((e) => [e.id, e])), asked: [], usedWords: [], fits: true };

  // The question's own role for "who": the agent unless the verb is passive ("who was released?").
  const askedRole: Role = isPassive(ctx.reading, query.verb) ? 'patient' : 'agent';
  let relations: Relation[];
  let truncated = false;
  let fits = true;
  if (query.links.length === 0) {
    ({ relations, truncated } = await allRelations(store, present, 2000));
  } else {
    const byEntity = await store.relationsOf([...linkedIds], { types: present });
    const seen = new Map<string, Relation>();
    for (const list of byEntity.values()) for (const r of list) seen.set(r.id, r);
    relations = [...seen.values()];
    // With two or more names, the relations between them are the answer when there are any.
    const between = relations.filter((r) => linkedIds.has(r.from) && linkedIds.has(r.to) && r.from !== r.to);
    if (query.links.length >= 2 && between.length) relations = between;
    ({ relations, fits } = filterByRole(ctx, query, relations));
  }

  const origins = new Set((query.origins ?? []).map((l) => l.entity.id));
  if (origins.size) relations = relations.filter((r) => !origins.has(r.to));
  const usedWords: string[] = [];
  const quoted = saidWords(ctx, present, query.words ?? [], query.attributes ?? [], relations);
  if (quoted) {
    relations = quoted.relations;
    usedWords.push(...quoted.words);
  }
  const index = await indexEntities(store, relations, linked);
  if (query.time) relations = relations.filter((r) => matchesTime(r, index, query.time!));
  const roles = new Map(query.links.map((l) => [l.entity.id, roleOf(ctx, l, query.verb)]));
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
  if (query.kind) relations = relations.filter((r) => askedEnd(r)?.kind === query.kind);
  if (query.attributes?.length) {
    const ends = [...new Map(relations.map(askedEnd).filter((e): e is Entity => !!e).map((e) => [e.id, e])).values()];
    const described = new Set((await describedAs(store, ends, query.attributes)).map((e) => e.id));
    relations = relations.filter((r) => described.has(askedEnd(r)?.id ?? ''));
    usedWords.push(...query.attributes);
  }
  if (query.described?.length) {
    const other = (r: Relation): Entity | undefined => {
      const end = askedEnd(r);
      return end ? index.get(r.from === end.id ? r.to : r.from) : undefined;
    };
    const ends = [...new Map(relations.map(other).filter((e): e is Entity => !!e).map((e) => [e.id, e])).values()];
    const described = new Set((await describedAs(store, ends, query.described)).map((e) => e.id));
    // Described nowhere: the words stay unused, and the answer says so, rather than answer nothing.
    if (described.size) {
      relations = relations.filter((r) => described.has(other(r)?.id ?? ''));
      usedWords.push(...query.described);
    }
  }
  relations.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  const asked = [...new Map(relations.map(askedEnd).filter((e): e is Entity => !!e).map((e) => [e.id, e])).values()];
  return { present, absent, relations, truncated, index, asked, usedWords, fits };
}

/**
 * "Who said it was forced deportation?": for types that quote what was said,
 * the relations whose quotes hold most of the question's unused words, or
 * null when no quote holds half of them (then every such relation answers).
 */
function saidWords(ctx: GraphContext, types: readonly string[], words: readonly string[], attributes: readonly string[], relations: readonly Relation[]): { relations: Relation[]; words: string[] } | null {
  if (!types.some((t) => ctx.vocabulary.stemsOf([t]).has('said'))) return null;
  const asked = tokenise(words.filter((w) => !attributes.includes(w)).join(' ')).filter((t) => !isStopWord(t));
  if (asked.length === 0) return null;
  const scored = relations.map((r) => {
    const stems = new Set(r.evidence.flatMap((ev) => tokenise(ev.quote).map((t) => t.stem)));
    return { r, found: asked.filter((t) => stems.has(t.stem)) };
  });
  const best = Math.max(0, ...scored.map((x) => x.found.length));
  if (best === 0 || best * 2 < asked.length) return null;
  const chosen = scored.filter((x) => x.found.length === best);
  return { relations: chosen.map((x) => x.r), words: [...new Set(chosen.flatMap((x) => x.found.map((t) => t.raw)))] };
}

/**
 * Keeps relations where a linked entity sits at the end its role in the
 * question says. When none does, keeps them all and says so (`fits: false`):
 * the graph relates them, but not the way the question put it.
 */
function filterByRole(ctx: GraphContext, query: RelationQuery, relations: Relation[]): { relations: Relation[]; fits: boolean } {
  const roles = new Map(query.links.map((l) => [l.entity.id, roleOf(ctx, l, query.verb)]));
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
