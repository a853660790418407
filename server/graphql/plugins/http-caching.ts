/**
 * Caching the ecosystem's way: automatic persisted queries (Apollo's and
 * urql's protocol, by the Yoga plugin), so a client can send a query's hash
 * instead of its text, over GET; and Cache-Control beside the response
 * cache's ETag on GET reads, so a browser or a CDN serves repeated reads and
 * revalidates them with If-None-Match (304). A reload of the graph changes
 * every ETag (the cache key carries the graph's generation).
 */
import { createInMemoryAPQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import type { Plugin } from 'graphql-yoga';

export function usePersistedQueries(): Plugin {
  // Hashes are checked against the text before they are stored, so nobody can poison the store.
  return useAPQ({ store: createInMemoryAPQStore({ max: 1000, ttl: 24 * 3600 * 1000 }), responseConfig: { forceStatusCodeOk: true } }) as Plugin;
}

export function useCacheControl(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      if (request.method !== 'GET' || response.headers.get('content-type')?.includes('text/html')) return;
      const cacheable = (response.status === 200 || response.status === 304) && response.headers.has('etag');
      response.headers.set('cache-control', cacheable ? `public, max-age=${maxAgeSeconds}` : 'no-store');
    },
  };
}
