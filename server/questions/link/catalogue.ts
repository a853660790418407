/**
 * Every entity of the graph, read once per generation of the store, for the
 * questions that must look at all of them (the best connected, the most
 * mentioned, "which journalists ..." without a verb). The generation is the
 * store's own when the port offers one, else its statistics and relation
 * types, which change with every load that changes the graph.
 */
import type { Entity, Relation } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import { descriptionStems } from './attributes.js';
import { allEntities, allRelations } from './graph.js';

export interface Catalogue {
  /** Every entity (up to the paging cap), cached until the generation changes. */
  entities(): Promise<Entity[]>;
  /** Every relation (up to the paging cap), cached likewise. */
  relations(): Promise<Relation[]>;
  /** What each entity is described as (link/attributes.ts), by entity id, cached likewise. */
  descriptions(): Promise<Map<string, Set<string>>>;
}

type WithGeneration = GraphStore & { generation?: () => Promise<string | number> | string | number };

async function generationOf(store: WithGeneration): Promise<string> {
  if (typeof store.generation === 'function') return String(await store.generation());
  const stats = await store.stats();
  return JSON.stringify([stats.entities, stats.relations, stats.articles, stats.byKind, stats.byRelationType]);
}

export function createCatalogue(store: GraphStore): Catalogue {
  const entities = cachedByGeneration(store, () => allEntities(store, null).then((r) => r.entities));
  const relations = cachedByGeneration(store, () => allRelations(store, null).then((r) => r.relations));
  const descriptions = cachedByGeneration(store, async () => {
    const [all, rels] = await Promise.all([entities(), relations()]);
    const byId = new Map(all.map((e) => [e.id, e]));
    const own = new Map<string, Relation[]>();
    for (const r of rels) own.set(r.from, [...(own.get(r.from) ?? []), r]);
    return new Map(all.map((e) => [e.id, descriptionStems(e, own.get(e.id) ?? [], byId)]));
  });
  return { entities, relations, descriptions };
}

/** `read`, run again only when the store's generation changes; a failed read is not kept. */
export function cachedByGeneration<T>(store: GraphStore, read: () => Promise<T>): () => Promise<T> {
  let cached: { generation: string; value: Promise<T> } | null = null;
  return async () => {
    const generation = await generationOf(store);
    if (cached?.generation !== generation) {
      const value = read();
      cached = { generation, value };
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
