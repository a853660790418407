/**
 * Response caching for reads, keyed by the generation of the graph: a reload
 * bumps the generation, so no response of the old graph is served again.
 */
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';

export interface GraphGeneration {
  /** Call after the graph was reloaded. */
  bump(): void;
  readonly value: number;
}

export function createGraphGeneration(): GraphGeneration {
  let value = 0;
  return {
    bump: () => {
      value += 1;
    },
    get value() {
      return value;
    },
  };
}

export function useGraphResponseCache({ generation, ttlMs, max = 1000 }: { generation: GraphGeneration; ttlMs: number; max?: number }) {
  return useResponseCache({
    // The graph is public and the same for every caller, so the only "session"
    // is the graph's generation: one cache for all, emptied in effect by a reload.
    session: () => `graph-${generation.value}`,
    // A request bearing credentials (the curator's) may see the review queue and the change log: never cache it for all.
    enabled: (request) => !request.headers.has('authorization'),
    ttl: ttlMs,
    cache: createInMemoryCache({ max }),
    includeExtensionMetadata: false,
  });
}
