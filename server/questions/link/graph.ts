/**
 * What the link stage and the answerers share: the store, the vocabulary,
 * the graph's relation types and the reading; and the batched fetches from
 * the store every later stage uses. The engine reaches the data only
 * through the GraphStore port.
 */
import type { Entity, Relation } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { Vocabulary } from '../read/vocabulary.js';
import type { Catalogue } from './catalogue.js';
import type { PassageSource } from './passages.js';
import type { Reading } from './reading.js';

export interface GraphContext {
  readonly store: GraphStore;
  /** Every entity, cached per generation of the store. */
  readonly catalogue: Catalogue;
  /** Passages of text matching words: the store's passage index when injected, else the graph's own quotes. */
  readonly passages: PassageSource;
  readonly vocabulary: Vocabulary;
  /** Relation types the graph holds. */
  readonly graphTypes: ReadonlySet<string>;
  readonly reading: Reading;
}

export type EntityIndex = Map<string, Entity>;

/** The types of `types` the graph holds, and the ones it does not. */
export function presentTypes(ctx: Pick<GraphContext, 'graphTypes'>, types: readonly string[]): { present: string[]; absent: string[] } {
  return { present: types.filter((t) => ctx.graphTypes.has(t)), absent: types.filter((t) => !ctx.graphTypes.has(t)) };
}

/**
 * Fetches the entities at both ends of the relations (and `extra` ids) not
 * already known, and whom their evidence is attributed to (for "according to").
 */
export async function indexEntities(store: Pick<GraphStore, 'entitiesByIds'>, relations: readonly Relation[], known: readonly Entity[] = [], extra: readonly string[] = []): Promise<EntityIndex> {
  const index: EntityIndex = new Map(known.map((e) => [e.id, e]));
  const sources = relations.flatMap((r) => r.evidence.map((ev) => ev.accordingTo).filter((id): id is string => !!id));
  const missing = [...new Set([...relations.flatMap((r) => [r.from, r.to]), ...extra, ...sources])].filter((id) => !index.has(id));
  if (missing.length === 0) return index;
  const fetched = await store.entitiesByIds(missing);
  for (const e of fetched) if (e) index.set(e.id, e);
  return index;
}

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
