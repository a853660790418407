/** Test support: the real server over a real LadybugDB, in curator mode over a temporary copy of the harbour story. */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphStore } from '../../server/store/graph-store.js';
import { seededStore, startServer, type RunningServer } from './graph.js';
import { copyOfHarbour } from './story-folder.js';

export const TOKEN = 'test-curator-token-0123456789';

export interface CurationServer extends RunningServer {
  root: string;
  /** POSTs a GraphQL document; `token` is sent as "Authorization: Bearer", `auth` verbatim as the header. */
  call: (query: string, variables?: Record<string, unknown>, options?: { token?: string | null; auth?: string }) => Promise<{ status: number; body: any }>;
  cleanup: () => Promise<void>;
}

/**
 * `shared`: a second server over another's store (its graph is left alone).
 * On Neo4j there is one database, so a second seeded store would replace the
 * first one's graph, and its cleanup would empty it.
 */
export async function curationServer(env: Record<string, string> = {}, shared?: GraphStore): Promise<CurationServer> {
  const root = copyOfHarbour('curation-api-');
  const seeded = shared ? { store: shared, cleanup: async () => undefined } : await seededStore({ data: path.join(root, 'data'), articles: path.join(root, 'articles') });
  const store = seeded.store;
  const server = await startServer(store, { CURATOR_TOKEN: TOKEN, STORY_DIR: root, CURATOR_NAME: 'Test Curator', ...env });
  const call: CurationServer['call'] = async (query, variables, options = {}) => {
    const token = options.token === undefined ? TOKEN : options.token;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-graphql-csrf': '1' };
    if (options.auth !== undefined) headers.authorization = options.auth;
    else if (token !== null) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: await res.json() };
  };
  return {
    ...server,
    root,
    call,
    cleanup: async () => {
      await server.close();
      await seeded.cleanup();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
