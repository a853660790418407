/**
 * The response cache's store, bounded twice: by entries and by the bytes of
 * the responses it holds (their JSON size), so a few large neighbourhoods
 * cannot grow the server's memory past RESPONSE_CACHE_MAX_MB. The least
 * recently used responses go first; a response larger than the whole budget
 * is not kept. No invalidation by entity: a reload changes the cache's
 * session (graph-generation.ts), so the old entries simply age out.
 */
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { LRUCache } from 'lru-cache';

type Result = NonNullable<Awaited<ReturnType<Cache['get']>>>;

export interface CacheBounds {
  /** Most responses kept. */
  maxEntries: number;
  /** Most bytes of responses kept, counted as their JSON length. */
  maxBytes: number;
}

export function createBoundedCache({ maxEntries, maxBytes }: CacheBounds): Cache & { readonly bytes: number; readonly entries: number } {
  const responses = new LRUCache<string, Result>({
    max: maxEntries,
    maxSize: maxBytes,
    // The yoga plugin serialises each answer anyway; counting it once more on a miss is the price of a bound in bytes.
    sizeCalculation: (result) => Math.max(1, JSON.stringify(result).length),
    allowStale: false,
  });
  return {
    set: (id, result, _entities, ttl) => {
      responses.set(id, result, Number.isFinite(ttl) && ttl > 0 ? { ttl } : {});
    },
    get: (id) => responses.get(id) ?? null,
    invalidate: () => undefined,
    get bytes() {
      return responses.calculatedSize;
    },
    get entries() {
      return responses.size;
    },
  };
}
