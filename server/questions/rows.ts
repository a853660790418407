/**
 * Relations into answer rows and the subgraph the page highlights, fetching
 * the entities at their ends in one batch. Shared by every answerer.
 */
import type { GraphStore } from '../store/graph-store.js';
import type { AnswerRow, Entity, Relation, Subgraph } from './types.js';

/** Most rows an answer carries; the subgraph says `truncated` beyond. */
export const MAX_ROWS = 100;

export type EntityIndex = Map<string, Entity>;

/** Fetches the entities at both ends of the relations (and `extra` ids) not already known. */
export async function indexEntities(store: Pick<GraphStore, 'entitiesByIds'>, relations: readonly Relation[], known: readonly Entity[] = [], extra: readonly string[] = []): Promise<EntityIndex> {
  const index: EntityIndex = new Map(known.map((e) => [e.id, e]));
  const missing = [...new Set([...relations.flatMap((r) => [r.from, r.to]), ...extra])].filter((id) => !index.has(id));
  const fetched = await store.entitiesByIds(missing);
  for (const e of fetched) if (e) index.set(e.id, e);
  return index;
}

export function relationRow(r: Relation, index: EntityIndex): AnswerRow {
  return { subject: index.get(r.from) ?? null, relation: r.type, object: index.get(r.to) ?? null, evidence: r.evidence, relationId: r.id, date: r.date };
}

/** A row about one entity itself (its own evidence), not a relation. */
export function entityRow(e: Entity, relation: string | null = null): AnswerRow {
  return { subject: e, relation, object: null, evidence: e.evidence, relationId: null, date: e.date };
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

/** Every relation of these types (all types when empty), paging through the store up to `cap`. */
export async function allRelations(store: Pick<GraphStore, 'relations'>, types: readonly string[] | null, cap = 5000): Promise<{ relations: Relation[]; truncated: boolean }> {
  const relations: Relation[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.relations(types && types.length ? types : null, { first: 500, after });
    relations.push(...page.items);
    if (!page.hasNextPage || relations.length >= cap) return { relations, truncated: page.hasNextPage };
    after = page.endCursor;
  }
}

/** Every entity (of one kind), paging through the store up to `cap`. */
export async function allEntities(store: Pick<GraphStore, 'entities'>, kind: Entity['kind'] | null, cap = 5000): Promise<{ entities: Entity[]; truncated: boolean }> {
  const entities: Entity[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.entities(kind, { first: 500, after });
    entities.push(...page.items);
    if (!page.hasNextPage || entities.length >= cap) return { entities, truncated: page.hasNextPage };
    after = page.endCursor;
  }
}
