/** Test support: real embedded databases in temporary folders, and the real server on a free port. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildApp, type App } from '../../server/app.js';
import { PROJECT_ROOT, readConfig, type Config } from '../../server/config.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { readStory, type StoryDirs } from '../../server/domain/story/read-story.js';

export const SEED: StoryDirs = { data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') };
export const HARBOUR: StoryDirs = {
  data: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'harbour', 'data'),
  articles: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'harbour', 'articles'),
};

export function tempDir(prefix = 'graph-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh LadybugDB in a temporary folder, loaded with a story (the seed by default). */
export async function seededStore(dirs: StoryDirs = SEED): Promise<{ store: LadybugStore; dbPath: string; cleanup: () => Promise<void> }> {
  const dir = tempDir();
  const dbPath = path.join(dir, 'graph.lbug');
  const store = await LadybugStore.open({ path: dbPath });
  await store.load(readStory(dirs));
  return {
    store,
    dbPath,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  url: string;
  store: GraphStore;
  app: App;
  config: Config;
  /** POSTs a GraphQL document as the page does, returning status and body. */
  gql: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: any }>;
  close: () => Promise<void>;
}

/** The real server (buildApp) listening on a free loopback port over the given store. */
export async function startServer(store: GraphStore, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = readConfig({ NODE_ENV: 'test', ...env });
  const app = buildApp({ store, config, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    url,
    store,
    app,
    config,
    gql,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The real server over a freshly seeded embedded database; `cleanup` stops both. */
export async function seededServer(env: Record<string, string> = {}, dirs: StoryDirs = SEED): Promise<RunningServer & { cleanup: () => Promise<void> }> {
  const seeded = await seededStore(dirs);
  const server = await startServer(seeded.store, env);
  return {
    ...server,
    cleanup: async () => {
      await server.close();
      await seeded.cleanup();
    },
  };
}
