/**
 * Test support: real databases and the real server on a free port. The engine
 * is the one the environment names, as for the server: LadybugDB in a
 * temporary folder by default; with GRAPH_STORE=neo4j (npm run test:neo4j),
 * the Neo4j at NEO4J_URI, emptied after each suite. Neo4j Community has one
 * user database, so suites over it run one at a time (jest --runInBand).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildApp, type App } from '../../server/app.js';
import { PROJECT_ROOT, readConfig, type Config } from '../../server/config.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { openStore } from '../../server/store/open-store.js';
import { readStory, type StoryDirs } from '../../server/domain/story/read-story.js';

export const SEED: StoryDirs = { data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') };
export const HARBOUR: StoryDirs = {
  data: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'harbour', 'data'),
  articles: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'harbour', 'articles'),
};

export function tempDir(prefix = 'graph-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** True when the tests run against Neo4j (npm run test:neo4j). */
export const ON_NEO4J = process.env.GRAPH_STORE === 'neo4j';
/** Which engine the tests run on, for titles. */
export const ENGINE_NAME = ON_NEO4J ? 'Neo4j' : 'LadybugDB';

/**
 * describe for a suite about LadybugDB's own files (swap by rename, killed
 * seeds, locks): on Neo4j it is skipped, with the reason in its title. The
 * Neo4j run (scripts/test-neo4j.mjs) accepts only skips titled this way.
 */
export function describeLadybugOnly(title: string, why: string, suite: () => void): void {
  if (ON_NEO4J) describe.skip(`${LADYBUG_ONLY} (${why}): ${title}`, suite);
  else describe(title, suite);
}
export const LADYBUG_ONLY = 'LadybugDB only';

/**
 * The environment that selects the test engine, for readConfig or a child
 * process: the embedded file at dbPath, or the Neo4j the test run was given.
 */
export function storeEnv(dbPath: string): Record<string, string> {
  if (!ON_NEO4J) return { GRAPH_STORE: 'embedded', DB_PATH: dbPath };
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('GRAPH_STORE=neo4j needs NEO4J_URI (npm run test:neo4j sets it)');
  return {
    GRAPH_STORE: 'neo4j',
    NEO4J_URI: uri,
    NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    NEO4J_DATABASE: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** An empty store on the test engine (a new file, or the emptied Neo4j database); `cleanup` closes it and removes what it made. */
export async function emptyStore(): Promise<{ store: GraphStore; dbPath: string; cleanup: () => Promise<void> }> {
  const dir = tempDir();
  const dbPath = path.join(dir, 'graph.lbug');
  const config = readConfig({ NODE_ENV: 'test', ...storeEnv(dbPath) });
  if (ON_NEO4J) await clearNeo4j();
  const store = await openStore(config.store);
  return {
    store,
    dbPath,
    cleanup: async () => {
      await store.close();
      if (ON_NEO4J) await clearNeo4j();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh store on the test engine, loaded with a story (the seed by default). */
export async function seededStore(dirs: StoryDirs = SEED): Promise<{ store: GraphStore; dbPath: string; cleanup: () => Promise<void> }> {
  const empty = await emptyStore();
  try {
    await empty.store.load(readStory(dirs));
  } catch (err) {
    await empty.cleanup();
    throw err;
  }
  return empty;
}

/**
 * Empties the test Neo4j database: every node and relationship. Constraints
 * and indexes stay (each store creates them if missing): dropping them would
 * also drop Neo4j's cached query plans, and every suite would pay to compile
 * each statement again.
 */
export async function clearNeo4j(): Promise<void> {
  const { default: neo4j } = await import('neo4j-driver');
  const env = storeEnv('');
  const driver = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
  const session = driver.session({ database: env.NEO4J_DATABASE });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
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
