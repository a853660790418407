/**
 * Every entity of the graph, read once per generation of the store, for the
 * questions that must look at all of them (the best connected, the most
 * mentioned, "which journalists ..." without a verb). The generation is the
 * store's own when the port offers one, else its statistics and relation
 * types, which change with every load that changes the graph.
 */
import type { Entity } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import { allEntities } from './graph.js';

export interface Catalogue {
  /** Every entity (up to the paging cap), cached until the generation changes. */
  entities(): Promise<Entity[]>;
}

type WithGeneration = GraphStore & { generation?: () => Promise<string | number> | string | number };

async function generationOf(store: WithGeneration): Promise<string> {
  if (typeof store.generation === 'function') return String(await store.generation());
  const stats = await store.stats();
  return JSON.stringify([stats.entities, stats.relations, stats.articles, stats.byKind, stats.byRelationType]);
}

export function createCatalogue(store: GraphStore): Catalogue {
  let cached: { generation: string; entities: Promise<Entity[]> } | null = null;
  return {
    async entities() {
      const generation = await generationOf(store);
      if (cached?.generation !== generation) {
        const entities = allEntities(store, null).then((r) => r.entities);
        cached = { generation, entities };
        entities.catch(() => {
          if (cached?.entities === entities) cached = null;
        });
      }
      return cached.entities;
    },
  };
}
