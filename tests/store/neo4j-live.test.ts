/**
 * What only a live Neo4j can show (npm run test:neo4j; skipped elsewhere):
 * the schema the adapter asks for really exists and is used (full-text with
 * folding and fuzzy terms, the text index behind substring search, the
 * relationship-uniqueness constraint, online indexes), a load killed with
 * SIGKILL in the middle leaves the old graph, and a server over a Neo4j that
 * is down at start or stops under it answers 503 at once and recovers without
 * a restart. The second Neo4j that is stopped and started again is launched
 * here (scripts/neo4j.mjs), so the shared test database is never taken away.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syntheticStory } from '../../bench/synthetic.js';
import { PROJECT_ROOT } from '../../server/config.js';
import { GraphUnavailable } from '../../server/domain/errors.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { fulltextQuery } from '../../server/store/neo4j/fulltext.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { writeStoryFolder } from '../../scripts/stress/story.js';
import { startNeo4j } from '../../scripts/neo4j.mjs';
import { HARBOUR, ON_NEO4J, seededStore, startServer, storeEnv, tempDir } from '../support/graph.js';

const describeLive = ON_NEO4J ? describe : describe.skip;
const env = ON_NEO4J ? storeEnv('') : {};

function driverOf(uri = env.NEO4J_URI!): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
}

async function cypher(driver: Driver, text: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(text, params, { database: env.NEO4J_DATABASE });
  return records.map((r) => r.toObject());
}

/** Every operator of a plan, depth first. */
function operators(plan: { operatorType: string; arguments: Record<string, unknown>; children: any[] }): { type: string; details: string }[] {
  return [{ type: plan.operatorType, details: String(plan.arguments.Details ?? '') }, ...plan.children.flatMap(operators)];
}

describeLive('Neo4j, live: the schema the adapter relies on', () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  let driver: Driver;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore(HARBOUR));
    driver = driverOf();
  });
  afterAll(async () => {
    await driver?.close();
    await cleanup?.();
  });

  it('has every constraint, the relationship-uniqueness one included, and every index online after a load', async () => {
    const constraints = await cypher(driver, 'SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name');
    expect(constraints).toEqual(
      expect.arrayContaining([
        { name: 'article_id', type: 'UNIQUENESS' },
        { name: 'entity_id', type: 'UNIQUENESS' },
        { name: 'meta_key', type: 'UNIQUENESS' },
        { name: 'relation_id', type: 'RELATIONSHIP_UNIQUENESS' },
      ]),
    );
    const indexes = await cypher(driver, "SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' RETURN name, type, state ORDER BY name");
    expect(indexes.filter((i) => i.state !== 'ONLINE')).toEqual([]);
    expect(indexes).toEqual(
      expect.arrayContaining([
        { name: 'entity_search', type: 'FULLTEXT', state: 'ONLINE' },
        { name: 'entity_keys_text', type: 'TEXT', state: 'ONLINE' },
        { name: 'relation_type', type: 'RANGE', state: 'ONLINE' },
      ]),
    );
  });

  it('refuses a second relation with an id already taken', async () => {
    const attempt = cypher(
      driver,
      "MATCH (a:Entity {id: 'marta-zelazna'}), (b:Entity {id: 'ferry-strike'}) CREATE (a)-[:RELATION {id: 'marta-zelazna.leads.ferryworkers-guild', type: 'LEADS'}]->(b)",
    );
    await expect(attempt).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    expect((await store.stats()).relations).toBe(13);
  });

  it('finds names through the full-text index itself: folded diacritics, prefixes and typos', async () => {
    const hits = async (text: string) =>
      (await cypher(driver, "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id AS id", { q: fulltextQuery(text) })).map((r) => r.id);
    expect(await hits('zelazna')).toContain('marta-zelazna'); // Żelazná, folded by the analyzer
    expect(await hits('zelaz')).toContain('marta-zelazna'); // a prefix
    expect(await hits('zelazma')).toContain('marta-zelazna'); // one typo
    expect(await hits('okonkwo')).not.toContain('marta-zelazna');
  });

  it('answers substring search from the text index, not a scan of every entity', async () => {
    const result = await driver.executeQuery('EXPLAIN MATCH (e:Entity) WHERE e.keys CONTAINS $q RETURN e', { q: 'lazna' }, { database: env.NEO4J_DATABASE });
    const ops = operators(result.summary.plan as any);
    expect(ops.map((o) => o.type)).toContainEqual(expect.stringMatching(/^NodeIndexContainsScan/));
    expect(ops.find((o) => o.type.startsWith('NodeIndexContainsScan'))?.details).toMatch(/TEXT INDEX/);
  });

  it('searches through the store with any spelling, and finds a word inside a name', async () => {
    expect((await store.search('Zelazna')).map((e) => e.id)[0]).toBe('marta-zelazna');
    expect((await store.search('zelazma')).map((e) => e.id)).toContain('marta-zelazna');
    expect((await store.search('lazna')).map((e) => e.id)).toContain('marta-zelazna');
  });
});

describeLive('Neo4j, live: a load killed with SIGKILL in the middle', () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore(HARBOUR));
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('leaves the old graph, complete; the next load, ending the dead one\'s transaction if Neo4j still runs it, loads the new one', async () => {
    const before = await store.stats();
    const next = syntheticStory(3_000, 15_000);
    const story = writeStoryFolder(path.join(tempDir('killed-load-'), 'story'), next);
    const seed = () =>
      // node itself, with tsx as a loader: killing a tsx wrapper would leave the real seed running.
      spawn(process.execPath, ['--import', 'tsx', 'seed/seed.ts', '--data', story.data, '--articles', story.articles], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    const child = seed();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const driver = driverOf();
    /** The load transactions Neo4j runs for that process, found by the metadata the adapter tags them with. */
    const loadsOf = async (pid: number) =>
      (await cypher(driver, "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery WHERE metaData.kind = 'load' AND metaData.pid = $pid RETURN transactionId, currentQuery", { pid })).map(
        (r) => ({ id: String(r.transactionId), query: String(r.currentQuery) }),
      );
    let killed: string[] = [];
    try {
      // Kill it once Neo4j shows the load's tagged write transaction at work on its batches.
      for (let i = 0; i < 1200 && killed.length === 0 && child.exitCode === null; i++) {
        const running = await loadsOf(child.pid!);
        if (running.some((t) => t.query.includes('UNWIND $rows'))) killed = running.map((t) => t.id);
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(killed).toHaveLength(1);
      child.kill('SIGKILL');
      await exited;
      expect(await store.stats()).toEqual(before);
      const [counted] = await cypher(driver, 'MATCH (e:Entity) RETURN count(e) AS n');
      expect(Number(counted?.n)).toBe(before.entities);
      // Found live: Neo4j runs a dead client's statement on (it notices the
      // closed connection only when it writes back), holding the load's
      // locks; the next load would wait behind it for minutes. The next load
      // finds it by its tag, sees its process is gone, and ends it.
    } finally {
      child.kill('SIGKILL');
    }
    // The premise: Neo4j still runs the dead seed's transaction (it did for minutes in every run here).
    const stillRunning = (await loadsOf(child.pid!)).length > 0;
    try {
      const again = seed();
      let stderr = '';
      again.stderr!.on('data', (chunk) => (stderr += String(chunk)));
      const t0 = performance.now();
      const code = await new Promise<number | null>((resolve) => again.on('exit', (c) => resolve(c)));
      // For the record (docs/neo4j.md): no bound asserted on a shared machine.
      console.log(`killed load still running in Neo4j when the next began: ${stillRunning}; the next seed took ${Math.round(performance.now() - t0)} ms`);
      expect(code).toBe(0);
      expect(stderr.trim().split('\n').filter(Boolean)).toEqual(stillRunning ? [expect.stringMatching(new RegExp(`^Neo4j: ended an unfinished load, ${killed[0]} \\(pid ${child.pid} .*process ${child.pid} on .* is gone; Transaction terminated\\.$`))] : []);
      expect(await loadsOf(child.pid!)).toEqual([]);
      expect(await store.stats()).toMatchObject({ entities: next.entities.length, relations: next.relations.length });
      const [relations] = await cypher(driver, 'MATCH ()-[r:RELATION]->() RETURN count(r) AS n');
      expect(Number(relations?.n)).toBe(next.relations.length);
    } finally {
      await driver.close();
    }
  }, 600_000);
});

describeLive('Neo4j, live: a dead process\'s load still running in Neo4j', () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore(HARBOUR));
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('is ended by the next load, which then loads without waiting behind its locks', async () => {
    // Neo4j ends a killed client's transaction within seconds once the
    // connection closes (measured). It runs on when the connection does not
    // close: a lost host, a network partition, a frozen container. Played
    // here by a proxy that keeps Neo4j's side open when the client's goes.
    const upstream = new URL(env.NEO4J_URI!);
    const proxy = net.createServer((client) => {
      const server = net.connect(Number(upstream.port), upstream.hostname);
      client.pipe(server, { end: false });
      server.pipe(client);
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      sockets.push(server);
    });
    const sockets: net.Socket[] = [];
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUri = `bolt://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    // A process tags a transaction as a load does, locks every entity, and
    // starts a statement that would run for hours, through the proxy; then it is killed.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import neo4j from 'neo4j-driver';
         import os from 'node:os';
         const d = neo4j.driver(process.env.HOLDER_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD));
         const tx = d.session({ database: process.env.NEO4J_DATABASE }).beginTransaction({ metadata: { app: 'story-graph-explorer', kind: 'load', pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() } });
         await tx.run('MATCH (e:Entity) SET e.held = true');
         await tx.run('UNWIND range(1, 10000000000) AS i WITH i WHERE i < 0 RETURN count(i)');`,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env, HOLDER_URI: proxyUri }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    const driver = driverOf();
    const loadsOf = async (pid: number) =>
      (await cypher(driver, "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery, status WHERE metaData.kind = 'load' AND metaData.pid = $pid RETURN transactionId, currentQuery, status", { pid })).map(
        (r) => ({ id: String(r.transactionId), query: String(r.currentQuery), status: String(r.status) }),
      );
    try {
      let held: { id: string; query: string; status: string }[] = [];
      for (let i = 0; i < 1200 && !held.some((t) => t.query.startsWith('UNWIND range')); i++) {
        held = await loadsOf(holder.pid!);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(held.map((t) => t.query)).toEqual([expect.stringMatching(/^UNWIND range/)]);
      holder.kill('SIGKILL');
      await exited;
      // Its process is gone; Neo4j still runs its statement and holds its locks.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await loadsOf(holder.pid!)).toEqual(held);
      const lines: string[] = [];
      const loader = await Neo4jStore.open({ uri: env.NEO4J_URI!, user: env.NEO4J_USER!, password: env.NEO4J_PASSWORD!, database: env.NEO4J_DATABASE, log: (line) => lines.push(line) });
      try {
        const next = syntheticStory(200, 600);
        await loader.load(next);
        expect(lines).toEqual([expect.stringMatching(new RegExp(`^Neo4j: ended an unfinished load, ${held[0]!.id} \\(pid ${holder.pid} .*process ${holder.pid} on .* is gone; Transaction terminated\\.$`))]);
        // Ended: its statement stopped and its locks are gone (the load above went through them); Neo4j
        // lists it as terminated until the connection it still believes open is closed.
        expect((await loadsOf(holder.pid!)).map((t) => [t.id, t.query, t.status])).toEqual([[held[0]!.id, '', expect.stringMatching(/^Terminated/)]]);
        expect(await store.stats()).toMatchObject({ entities: 200, relations: 600 });
        const [unheld] = await cypher(driver, 'MATCH (e:Entity) WHERE e.held RETURN count(e) AS n');
        expect(Number(unheld?.n)).toBe(0);
      } finally {
        await loader.close();
      }
    } finally {
      holder.kill('SIGKILL');
      await driver.close();
      for (const socket of sockets) socket.destroy();
      proxy.close();
    }
  }, 600_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describeLive('Neo4j, live: down at start, stopped under the server, back again', () => {
  let port: number;
  let home: string;
  let local: { stop: () => Promise<number> } | null = null;
  let store: Neo4jStore;
  let server: Awaited<ReturnType<typeof startServer>>;
  const start = () => startNeo4j({ temp: false, data: home, port, password: env.NEO4J_PASSWORD, onLine: () => undefined });
  const ready = () => fetch(`${server.url}/ready`).then((r) => r.status);
  /** /ready until it says 200: a cold Neo4j on a busy machine may need a moment for its first query. */
  const readyWithin = async (ms: number) => {
    const until = Date.now() + ms;
    let status = await ready();
    while (status !== 200 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      status = await ready();
    }
    return status;
  };

  beforeAll(async () => {
    port = await freePort();
    home = tempDir('neo4j-down-');
    store = await Neo4jStore.open({ uri: `bolt://127.0.0.1:${port}`, user: env.NEO4J_USER!, password: env.NEO4J_PASSWORD!, database: 'neo4j' });
    server = await startServer(store, { RESPONSE_CACHE: 'false' });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await local?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('answers /ready 503 and GraphQL GRAPH_UNAVAILABLE at once while Neo4j has not started', async () => {
    const t0 = performance.now();
    expect(await ready()).toBe(503);
    // The request ran, so the answer is 200 with the error (GraphQL over HTTP); /ready is the 503 signal.
    const res = await server.gql('{ stats { entities } }');
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe('GRAPH_UNAVAILABLE');
    // A closed port refuses at once: well within one connection timeout (3 s).
    expect(performance.now() - t0).toBeLessThan(3000);
    await expect(store.stats()).rejects.toBeInstanceOf(GraphUnavailable);
  });

  it('serves as soon as Neo4j is up, without a restart', async () => {
    local = await start();
    expect(await readyWithin(60_000)).toBe(200);
    await store.load(readStory(HARBOUR));
    const res = await server.gql('{ stats { entities relations } }');
    expect(res.body.data.stats).toEqual({ entities: 12, relations: 13 });
  }, 300_000);

  it('answers 503 quickly once Neo4j stops, and the graph again when it is back', async () => {
    await local!.stop();
    local = null;
    const res = await server.gql('{ search(text: "zelazna") { id } }');
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions.code).toBe('GRAPH_UNAVAILABLE');
    const t0 = performance.now();
    expect(await ready()).toBe(503);
    expect((await server.gql('{ stats { entities } }')).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(3000);

    local = await start();
    expect(await readyWithin(60_000)).toBe(200);
    const back = await server.gql('{ search(text: "zelazna") { id } }');
    expect(back.status).toBe(200);
    expect(back.body.data.search.map((e: { id: string }) => e.id)).toContain('marta-zelazna');
  }, 300_000);
});

describeLive('Neo4j, live: npm start while Neo4j is down, then Neo4j starts with an empty graph', () => {
  let home: string;
  let local: { stop: () => Promise<number> } | null = null;
  let server: ReturnType<typeof spawn> | null = null;
  let output = '';
  let appUrl = '';
  afterAll(async () => {
    server?.kill('SIGTERM');
    await local?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('serves 503 meanwhile, then seeds the empty graph from its story folder once Neo4j answers, and /ready says so', async () => {
    const neo4jPort = await freePort();
    const appPort = await freePort();
    home = tempDir('neo4j-late-');
    // The real server process, as npm start runs it (from the sources here), over a Neo4j not started yet.
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...env,
        NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(appPort),
        STORY_DIR: path.dirname(HARBOUR.data),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (output += String(chunk)));
    server.stderr!.on('data', (chunk) => (output += String(chunk)));
    const until = async (what: () => boolean | Promise<boolean>, ms: number) => {
      const end = Date.now() + ms;
      while (!(await what()) && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
    };
    await until(() => output.includes('Explorer:') || server!.exitCode !== null, 240_000);
    expect(output).toMatch(/does not answer yet\. Serving anyway/);
    appUrl = `http://127.0.0.1:${appPort}`;
    const ready = async () => {
      const res = await fetch(`${appUrl}/ready`);
      return { status: res.status, body: (await res.json()) as { status: string } };
    };
    expect(await ready()).toMatchObject({ status: 503, body: { status: 'unavailable' } });

    local = await startNeo4j({ temp: false, data: home, port: neo4jPort, password: env.NEO4J_PASSWORD, onLine: () => undefined });
    const seen = new Set<string>();
    await until(async () => {
      const r = await ready();
      seen.add(`${r.status} ${r.body.status}`);
      return r.status === 200;
    }, 180_000);
    // Not ready until the graph was looked at and seeded, although Neo4j answered before.
    expect([...seen]).toContain('503 seeding');
    expect([...seen].at(-1)).toBe('200 ready');
    expect(output).toMatch(/The graph is empty: seeding it/);
    const res = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ query: '{ stats { entities relations articles } }' }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ stats: { entities: 12, relations: 13, articles: 2 } });
  }, 600_000);
});
