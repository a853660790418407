/**
 * Questions about two entities: "how is A connected to B?" (the shortest
 * path) and "did A negotiate with B?" (a relation between them, directly or
 * through something both are related to in the same way).
 */
import type { Entity, Relation } from '../../domain/types.js';
import { indexEntities, presentTypes, type EntityIndex } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { relationRow, subgraphOf } from '../compose/rows.js';
import { joinSentences, quotedSentence, relationSentence, typeLabels, yesFor } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Longest path searched between two entities. */
export const MAX_PATH = 6;

export async function answerPath(ctx: AnswerContext, intent: IntentOf<'path'>): Promise<Draft> {
  const a = intent.from.entity;
  const b = intent.to.entity;
  const path = await ctx.store.shortestPath(a.id, b.id, MAX_PATH);
  if (!path || path.edges.length === 0) {
    return {
      understood: true,
      text: `${a.name} and ${b.name} are not connected by any chain of at most ${MAX_PATH} relations in the graph.`,
      rows: [],
      subgraph: subgraphOf([], [], [a, b]),
    };
  }
  if (path.edges.length === 1) return directly(ctx, a, b);
  const index: EntityIndex = await indexEntities(ctx.store, path.edges, path.nodes);
  const edges = orderAlongPath(path.edges, a.id);
  const rows = edges.map((r) => relationRow(r, index));
  const steps = edges.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
  const length = edges.length === 1 ? 'directly' : `in ${edges.length} steps`;
  return { understood: true, text: `${a.name} is connected to ${b.name} ${length}: ${joinSentences(steps, MAX_PATH)}`, rows, subgraph: { ...path, truncated: false } };
}

/** "What is the relationship between A and B?" when they are related directly: every relation between them, oldest first, with a quote each. */
export async function directly(ctx: AnswerContext, a: Entity, b: Entity): Promise<Draft & { detail: string; between: number }> {
  const between = ((await ctx.store.relationsOf([a.id])).get(a.id) ?? []).filter((r) => (r.from === a.id && r.to === b.id) || (r.from === b.id && r.to === a.id));
  between.sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.id.localeCompare(y.id));
  const index = await indexEntities(ctx.store, between, [a, b]);
  const rows = between.map((r) => relationRow(r, index));
  const sentences = between.map((r) => quotedSentence(r, index, ctx.vocabulary));
  const how = between.length === 1 ? 'directly' : `directly, by ${between.length} relations`;
  const detail = joinSentences(sentences);
  return { understood: true, text: `${a.name} is connected to ${b.name} ${how}: ${detail}`, detail, between: between.length, rows, subgraph: subgraphOf(rows, between, [a, b]) };
}

/** "Did X leave Y?" (Y an origin): X's relations of the asked types into anywhere but Y, each with its quote; or that there are none, and how X and Y are related. */
async function leftFrom(ctx: AnswerContext, intent: IntentOf<'relation-check'>, a: Entity, b: Entity, ofA: readonly Relation[], labels: string): Promise<Draft> {
  const went = ofA.filter((r) => r.from === a.id && r.to !== b.id);
  const lead = `Not answered as asked: the graph records where one went, not what one left ("${intent.verb.words}" read as ${labels} anywhere but ${b.name}).`;
  if (went.length === 0) {
    const d = await directly(ctx, a, b);
    const none = `${lead} It has no such relation for ${a.name}.`;
    return d.between ? { ...d, text: `${none} ${a.name} and ${b.name} are related ${d.between === 1 ? 'this way' : 'in these ways'}: ${d.detail}` } : { understood: true, text: none, rows: [], subgraph: subgraphOf([], [], [a, b]) };
  }
  const index = await indexEntities(ctx.store, went, [a, b]);
  const rows = went.map((r) => relationRow(r, index));
  const sentences = went.map((r) => quotedSentence(r, index, ctx.vocabulary));
  return { understood: true, text: `${lead} It holds: ${joinSentences(sentences)}`, rows, subgraph: subgraphOf(rows, went, [a, b]) };
}

/** The path's relations in walking order from `start` (each relation may point either way). */
function orderAlongPath(edges: readonly Relation[], start: string): Relation[] {
  const left = [...edges];
  const out: Relation[] = [];
  let at = start;
  while (left.length) {
    const i = left.findIndex((r) => r.from === at || r.to === at);
    if (i < 0) return [...out, ...left];
    const [r] = left.splice(i, 1);
    out.push(r!);
    at = r!.from === at ? r!.to : r!.from;
  }
  return out;
}

export async function answerRelationCheck(ctx: AnswerContext, intent: IntentOf<'relation-check'>): Promise<Draft> {
  const a = intent.from.entity;
  const b = intent.to.entity;
  const { present } = presentTypes(ctx, intent.types);
  const labels = typeLabels(ctx.vocabulary, intent.types);
  const byEntity = present.length ? await ctx.store.relationsOf([a.id, b.id], { types: present }) : new Map<string, Relation[]>();
  const ofA = byEntity.get(a.id) ?? [];
  const ofB = byEntity.get(b.id) ?? [];

  // "Did X leave Y?": the graph records where one went, not what one left; where X went elsewhere answers, never a bare no.
  if (intent.verb.origin) return leftFrom(ctx, intent, a, b, ofA, labels);

  const direct = ofA.filter((r) => r.from === b.id || r.to === b.id);
  if (direct.length) {
    const index = await indexEntities(ctx.store, direct, [a, b]);
    const rows = direct.map((r) => relationRow(r, index));
    const sentences = direct.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
    return { understood: true, text: `${yesFor(direct.map((r) => r.evidence))} ${joinSentences(sentences)}`, rows, subgraph: subgraphOf(rows, direct, [a, b]) };
  }

  // Both related the same way to a third party: "both negotiated the deal".
  const otherEnd = (r: Relation, id: string) => (r.from === id ? r.to : r.from);
  const viaA = new Map(ofA.map((r) => [otherEnd(r, a.id), r]));
  const shared = ofB.filter((r) => viaA.has(otherEnd(r, b.id)) && viaA.get(otherEnd(r, b.id))!.type === r.type);
  if (shared.length) {
    const relations = shared.flatMap((r) => [viaA.get(otherEnd(r, b.id))!, r]);
    const index = await indexEntities(ctx.store, relations, [a, b]);
    const rows = relations.map((r) => relationRow(r, index));
    const thirds = [...new Set(shared.map((r) => index.get(otherEnd(r, b.id))?.name ?? otherEnd(r, b.id)))];
    const sentences = relations.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
    return {
      understood: true,
      text: `Not directly: the graph has no ${labels} relation between ${a.name} and ${b.name}, but both have one with ${thirds.join(', ')}. ${joinSentences(sentences)}`,
      rows,
      subgraph: subgraphOf(rows, relations, [a, b]),
    };
  }

  const path = await ctx.store.shortestPath(a.id, b.id, MAX_PATH);
  const no = `Not that the articles say: the graph has no ${labels} relation between ${a.name} and ${b.name}.`;
  if (!path || path.edges.length === 0) return { understood: true, text: no, rows: [], subgraph: subgraphOf([], [], [a, b]) };
  if (path.edges.length === 1) {
    const d = await directly(ctx, a, b);
    return { ...d, text: `${no} They are related ${d.between === 1 ? 'this way' : 'in these ways'}: ${d.detail}` };
  }
  const index: EntityIndex = await indexEntities(ctx.store, path.edges, path.nodes);
  const edges = orderAlongPath(path.edges, a.id);
  const rows = edges.map((r) => relationRow(r, index));
  const steps = edges.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
  return { understood: true, text: `${no} They are connected this way: ${joinSentences(steps, MAX_PATH)}`, rows, subgraph: { ...path, truncated: false } };
}
