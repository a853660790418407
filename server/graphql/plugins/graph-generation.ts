/**
 * Response caching for reads, keyed by the generation of the graph: a reload
 * bumps the generation, so no response of the old graph is served again.
 */
import { createHash } from 'node:crypto';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createBoundedCache } from './bounded-cache.js';

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

export function useGraphResponseCache({ generation, ttlMs, maxEntries = 1000, maxBytes = 32 * 2 ** 20 }: { generation: GraphGeneration; ttlMs: number; maxEntries?: number; maxBytes?: number }) {
  return useResponseCache({
    // The graph is public and the same for every caller, so the only "session"
    // is the graph's generation: one cache for all, emptied in effect by a reload.
    session: () => `graph-${generation.value}`,
    // A request bearing credentials (the curator's) may see the review queue and the change log: never cache it for all.
    enabled: (request) => !request.headers.has('authorization'),
    ttl: ttlMs,
    cache: createBoundedCache({ maxEntries, maxBytes }),
    includeExtensionMetadata: false,
    // Nothing is invalidated by mutations (there are none; a reload changes the session).
    invalidateViaMutation: false,
    // The default key hashes with WebCrypto's async digest: a sixth of a cache hit's CPU in the profile.
    buildResponseCacheKey: ({ documentString, operationName, variableValues, sessionId }) =>
      createHash('sha256').update(`${documentString}|${operationName ?? ''}|${stableJson(variableValues ?? {})}|${sessionId ?? ''}`).digest('base64url'),
  });
}

/** JSON with object keys sorted, so {a, b} and {b, a} share a cache entry. Variables are at most 16 deep (request-params.ts). */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
