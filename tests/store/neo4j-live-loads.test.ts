/**
 * Loads that do not finish, and what readers see meanwhile, on a live Neo4j
 * (npm run test:neo4j; skipped elsewhere). A load writes a new generation in
 * committed batches and switches readers to it at the end
 * (server/store/neo4j/load-generation.ts): a seed killed with SIGKILL in the
 * middle leaves the old graph served and a partial generation the next load
 * deletes; readers in the same process see one whole graph or the other; a
 * load Neo4j refuses deletes what it wrote; a database from before
 * generations is replaced by its first load; and a dead process's load that
 * Neo4j still runs (its connection never closed) is ended by the next load,
 * which then loads.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syntheticStory } from '../../bench/synthetic.js';
import { PROJECT_ROOT } from '../../server/config.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jEngine } from '../../server/store/neo4j/neo4j-engine.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { writeStoryFolder } from '../../scripts/stress/story.js';
import { emptyStore, HARBOUR, ON_NEO4J, seededStore, storeEnv, tempDir } from '../support/graph.js';
import { readStory } from '../../server/domain/story/read-story.js';

const HARBOUR_STORY = readStory(HARBOUR);

const describeLive = ON_NEO4J ? describe : describe.skip;
const env = ON_NEO4J ? storeEnv('') : {};

function driverOf(uri = env.NEO4J_URI!): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
}

async function cypher(driver: Driver, text: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(text, params, { database: env.NEO4J_DATABASE });
  return records.map((r) => r.toObject());
}

/** The store of a describe block: seeded with the harbour story before its tests, closed after them. */
function harbourStore(): () => GraphStore {
  let seeded: Awaited<ReturnType<typeof seededStore>> | undefined;
  beforeAll(async () => {
    seeded = await seededStore(HARBOUR);
  });
  afterAll(async () => {
    await seeded?.cleanup();
  });
  return () => seeded!.store;
}

describeLive('Neo4j, live: a load killed with SIGKILL in the middle', () => {
  const store = harbourStore();

  it('leaves the old graph, complete; the next load, ending the dead one\'s transaction if Neo4j still runs it, loads the new one', async () => {
    const before = await store().stats();
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
    /** Entities by generation, the served one marked. */
    const generations = async () => {
      const [current] = await cypher(driver, "OPTIONAL MATCH (g:GraphState {key: 'current'}) RETURN g.gen AS gen");
      const rows = await cypher(driver, 'MATCH (e:Entity) RETURN e.gen AS gen, count(e) AS n ORDER BY gen');
      return { current: Number(current?.gen), entities: new Map(rows.map((r) => [Number(r.gen), Number(r.n)])) };
    };
    let killed: string[] = [];
    try {
      // Kill it once Neo4j shows it writing relations: its entities are committed by then, in a generation not yet served.
      for (let i = 0; i < 2400 && killed.length === 0 && child.exitCode === null; i++) {
        const running = await loadsOf(child.pid!);
        if (running.some((t) => t.query.includes('CREATE (a)-[r:RELATION]->(b)'))) killed = running.map((t) => t.id);
        else await new Promise((r) => setTimeout(r, 50));
      }
      // Its load lock and the batch at work.
      expect(killed).toHaveLength(2);
      child.kill('SIGKILL');
      await exited;
      expect(await store().stats()).toEqual(before);
      const left = await generations();
      expect(left.entities.get(left.current)).toBe(before.entities);
      // What the killed load committed is there, in a generation no reader reads.
      expect([...left.entities.entries()].filter(([gen]) => gen !== left.current)).toEqual([[left.current + 1, next.entities.length]]);
      // Found live: Neo4j runs a dead client's statement on (it notices the
      // closed connection only when it writes back), holding the load's
      // locks; the next load would wait behind it for minutes. The next load
      // finds it by its tag, sees its process is gone, and ends it.
    } finally {
      child.kill('SIGKILL');
    }
    // The premise: Neo4j still runs the dead seed's transaction (it did for minutes in every run here).
    const stillRunning = (await loadsOf(child.pid!)).map((t) => t.id);
    try {
      const again = seed();
      let stderr = '';
      again.stderr!.on('data', (chunk) => (stderr += String(chunk)));
      const t0 = performance.now();
      const code = await new Promise<number | null>((resolve) => again.on('exit', (c) => resolve(c)));
      // For the record (docs/neo4j.md): no bound asserted on a shared machine.
      console.log(`killed load's transactions still running in Neo4j when the next began: ${stillRunning.length}; the next seed took ${Math.round(performance.now() - t0)} ms`);
      expect(code).toBe(0);
      const ended = stderr.trim().split('\n').filter(Boolean);
      expect(ended).toHaveLength(stillRunning.length);
      for (const line of ended) expect(line).toMatch(new RegExp(`^Neo4j: ended an unfinished load, (${killed.join('|')}) \\(pid ${child.pid} .*process ${child.pid} on .* is gone; Transaction terminated\\.$`));
      expect(await loadsOf(child.pid!)).toEqual([]);
      expect(await store().stats()).toMatchObject({ entities: next.entities.length, relations: next.relations.length });
      // The killed load's partial generation and the replaced one are gone: one generation is left, the served one.
      const after = await generations();
      expect([...after.entities.entries()]).toEqual([[after.current, next.entities.length]]);
      const [relations] = await cypher(driver, 'MATCH ()-[r:RELATION]->() RETURN count(r) AS n');
      expect(Number(relations?.n)).toBe(next.relations.length);
    } finally {
      await driver.close();
    }
  }, 600_000);
});

describeLive('Neo4j, live: readers while a load writes its batches', () => {
  const store = harbourStore();

  it('see the old graph, whole, until the new one is whole, then only the new one', async () => {
    const before = await store().stats();
    const next = syntheticStory(2_000, 8_000);
    // Small batches: many commits while the reads run.
    const loader = await Neo4jStore.open({ uri: env.NEO4J_URI!, user: env.NEO4J_USER!, password: env.NEO4J_PASSWORD!, database: env.NEO4J_DATABASE, batchSize: 250 });
    const seen: number[] = [];
    let done = false;
    try {
      const loading = loader.load(next).finally(() => (done = true));
      while (!done) {
        // One read: a page of every entity and the stored count, which agree only on a whole graph.
        const page = await store().entities(null, { first: 5_000 });
        expect(page.items).toHaveLength(page.totalCount);
        seen.push(page.totalCount);
      }
      await loading;
    } finally {
      await loader.close();
    }
    const page = await store().entities(null, { first: 5_000 });
    expect(page.items).toHaveLength(next.entities.length);
    // Only the two whole graphs were ever seen, the old one first; and the old one was read while the new one was written.
    expect(new Set(seen).size).toBeLessThanOrEqual(2);
    expect([...new Set(seen)].every((n) => n === before.entities || n === next.entities.length)).toBe(true);
    expect(seen[0]).toBe(before.entities);
    expect(seen.filter((n) => n === before.entities).length).toBeGreaterThan(3);
    expect(await store().stats()).toMatchObject({ entities: next.entities.length, relations: next.relations.length });
  }, 600_000);
});

describeLive('Neo4j, live: a read of another process while a load replaces the graph', () => {
  const store = harbourStore();

  it('is read again on the new graph when the one it began on is deleted under it, never answering from half of one', async () => {
    const next = syntheticStory(400, 1_200);
    // The reader: an engine of its own, as on another replica; the load cannot wait for its reads.
    const driver = driverOf();
    const reader = new Neo4jEngine(driver, { database: env.NEO4J_DATABASE });
    const loader = await Neo4jStore.open({ uri: env.NEO4J_URI!, user: env.NEO4J_USER!, password: env.NEO4J_PASSWORD!, database: env.NEO4J_DATABASE });
    const readings: { entities: number; summary: string | null }[] = [];
    try {
      const answer = await reader.read(async (run) => {
        const entities = (await run('entities-page', { kind: '', after: '', limit: neo4j.int(100_000) })).length;
        // The whole load, switch and deletion of the old graph, between this read's two statements.
        if (readings.length === 0) {
          await loader.load(next);
          await loader.close();
        }
        const [meta] = await run('meta', { key: 'graph' });
        const reading = { entities, summary: meta ? String(meta.value) : null };
        readings.push(reading);
        return reading;
      });
      // The first reading saw the old entities and then no summary (the old graph was deleted under it);
      // it was read again, whole, on the new graph.
      expect(readings).toHaveLength(2);
      expect(readings[0]).toMatchObject({ entities: HARBOUR_STORY.entities.length, summary: null });
      expect(answer.entities).toBe(next.entities.length);
      expect(JSON.parse(answer.summary!)).toMatchObject({ entities: next.entities.length });
      expect(await store().stats()).toMatchObject({ entities: next.entities.length });
    } finally {
      await loader.close();
      await driver.close();
    }
  }, 600_000);
});

describeLive('Neo4j, live: a load Neo4j refuses half-way', () => {
  const store = harbourStore();

  it('deletes what it wrote before it returns its error, and the old graph is served on', async () => {
    const before = await store().stats();
    const broken = syntheticStory(300, 900);
    broken.relations.push({ ...broken.relations[0]!, id: 'to-nobody', to: 'nobody-at-all' });
    await expect(store().load(broken)).rejects.toThrow(/write-relations: wrote \d+ of \d+ rows/);
    expect(await store().stats()).toEqual(before);
    const driver = driverOf();
    try {
      const [current] = await cypher(driver, "MATCH (g:GraphState {key: 'current'}) RETURN g.gen AS gen");
      const stored = await cypher(driver, 'MATCH (n:Entity|Article|Statement|Meta) RETURN DISTINCT n.gen AS gen');
      expect(stored.map((r) => Number(r.gen))).toEqual([Number(current?.gen)]);
    } finally {
      await driver.close();
    }
  }, 600_000);
});

describeLive('Neo4j, live: a database loaded before generations', () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  let driver: Driver;
  beforeAll(async () => {
    ({ store, cleanup } = await emptyStore());
    driver = driverOf();
  });
  afterAll(async () => {
    // Never left behind for the next suites: it would refuse any load of ids already served.
    await cypher(driver, 'DROP CONSTRAINT entity_id IF EXISTS');
    await driver?.close();
    await cleanup?.();
  });

  it('reads as empty, and its first load drops the old constraints, deletes the old nodes and loads', async () => {
    await cypher(driver, 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE');
    await cypher(driver, "CREATE (:Entity {id: 'old-one', kind: 'Person', name: 'Old One'})-[:RELATION {id: 'old-one.met.old-two', type: 'MET'}]->(:Entity {id: 'old-two', kind: 'Person', name: 'Old Two'})");
    await cypher(driver, "CREATE (:Meta {key: 'graph', value: '{\"entities\": 2}'})");
    expect(await store.stats()).toMatchObject({ entities: 0, relations: 0 });
    expect(await store.entity('old-one')).toBeNull();
    const fresh = await Neo4jStore.open({ uri: env.NEO4J_URI!, user: env.NEO4J_USER!, password: env.NEO4J_PASSWORD!, database: env.NEO4J_DATABASE });
    try {
      await fresh.load(HARBOUR_STORY);
    } finally {
      await fresh.close();
    }
    expect(await store.stats()).toMatchObject({ entities: 12, relations: 13 });
    const names = (await cypher(driver, 'SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => r.name);
    expect(names).not.toContain('entity_id');
    const [left] = await cypher(driver, 'MATCH (n) WHERE n.gen IS NULL AND NOT n:GraphState RETURN count(n) AS n');
    expect(Number(left?.n)).toBe(0);
  }, 600_000);
});

describeLive('Neo4j, live: a dead process\'s load still running in Neo4j', () => {
  const store = harbourStore();

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
        expect(await store().stats()).toMatchObject({ entities: 200, relations: 600 });
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
