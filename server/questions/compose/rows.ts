/**
 * Relations and entities into answer rows, and the subgraph the page
 * highlights. Pure; shared by every answerer.
 */
import type { Claim } from '../../domain/types.js';
import type { EntityIndex } from '../link/graph.js';
import type { AnswerRow, Entity, Relation, Subgraph } from '../types.js';
import { claimFigure } from './wording.js';

/** Most rows an answer carries; the subgraph says `truncated` beyond. */
export const MAX_ROWS = 100;

export function relationRow(r: Relation, index: EntityIndex): AnswerRow {
  return { subject: index.get(r.from) ?? null, relation: r.type, object: index.get(r.to) ?? null, evidence: r.evidence, relationId: r.id, date: r.date };
}

/** A row about one entity itself (its own evidence), not a relation. */
export function entityRow(e: Entity, relation: string | null = null): AnswerRow {
  return { subject: e, relation, object: null, evidence: e.evidence, relationId: null, date: e.date };
}

/** A row for a figure an entity's evidence states ("15 prison sentence (years)"). */
export function claimRow(e: Entity, c: Claim): AnswerRow {
  return { subject: e, relation: claimFigure(c), object: null, evidence: c.evidence, relationId: null, date: e.date };
}

/** The entities and relations of the rows (plus `also`), for the page to highlight. */
export function subgraphOf(rows: readonly AnswerRow[], relations: readonly Relation[], also: readonly (Entity | null | undefined)[] = [], truncated = false): Subgraph {
  const nodes = new Map<string, Entity>();
  for (const e of also) if (e) nodes.set(e.id, e);
  for (const row of rows) {
    if (row.subject) nodes.set(row.subject.id, row.subject);
    if (row.object) nodes.set(row.object.id, row.object);
  }
  const edges = new Map<string, Relation>();
  for (const r of relations) if (nodes.has(r.from) && nodes.has(r.to)) edges.set(r.id, r);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

export const EMPTY_SUBGRAPH: Subgraph = { nodes: [], edges: [], truncated: false };
