/**
 * Neo4j down, without Neo4j: the adapter pointed at a loopback port nobody
 * listens on opens at once, and every call fails fast with GraphUnavailable;
 * the server over it answers /ready and GraphQL with 503 GRAPH_UNAVAILABLE and
 * stays up. Then a stand-in Bolt server (below: just enough of the protocol
 * for a trivial query) starts on that port, and the same store and server
 * recover without a restart.
 */
import type { Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../../server/app.js';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import { GraphUnavailable } from '../../server/domain/errors.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { CSRF_HEADER } from '../../server/graphql/yoga.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { openStore } from '../../server/store/open-store.js';
import { readStory } from '../../server/domain/story/read-story.js';

const FAST = 2000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/** Resolves with how long `promise` took to reject, and what with. */
async function rejection(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected a rejection');
}

describe('Neo4jStore while Neo4j is unreachable', () => {
  let port: number;
  let store: Neo4jStore;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('opens without connecting', async () => {
    const started = performance.now();
    // The defaults of config.ts: 3 s connection timeout, 2 s retry time.
    store = await Neo4jStore.open({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'secret-password', database: 'neo4j' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(String(store)).toBe(`Neo4j at bolt://127.0.0.1:${port} (database "neo4j")`);
  });

  it(`rejects ping with GraphUnavailable within ${FAST} ms, every time`, async () => {
    for (let i = 0; i < 3; i++) {
      const { error, ms } = await rejection(store.ping());
      expect(error).toBeInstanceOf(GraphUnavailable);
      expect((error as Error).message).toMatch(/cannot be reached/);
      expect(ms).toBeLessThan(FAST);
    }
  });

  it.each<[string, (s: GraphStore) => Promise<unknown>]>([
    ['entity', (s) => s.entity('marta-zelazna')],
    ['entitiesByIds', (s) => s.entitiesByIds(['a', 'b'])],
    ['search', (s) => s.search('zelazna')],
    ['entities', (s) => s.entities(null, { first: 10 })],
    ['relations', (s) => s.relations(null, { first: 10 })],
    ['relationsByIds', (s) => s.relationsByIds(['x'])],
    ['relationsOf', (s) => s.relationsOf(['marta-zelazna'])],
    ['graph', (s) => s.graph({ limit: 10 })],
    ['neighbourhood', (s) => s.neighbourhood('marta-zelazna', 2, { limit: 10 })],
    ['shortestPath', (s) => s.shortestPath('a', 'b', 4)],
    ['timeline', (s) => s.timeline()],
    ['articles', (s) => s.articles()],
    ['articlesByIds', (s) => s.articlesByIds(['h001'])],
    ['mentionedIn', (s) => s.mentionedIn(['a'])],
    ['articleEntities', (s) => s.articleEntities(['h001'])],
    ['relationTypes', (s) => s.relationTypes()],
    ['stats', (s) => s.stats()],
    ['load', (s) => s.load(readStory({ data: path.join(PROJECT_ROOT, 'tests/fixtures/harbour/data'), articles: path.join(PROJECT_ROOT, 'tests/fixtures/harbour/articles') }))],
  ])(`rejects %s with GraphUnavailable within ${FAST} ms`, async (_name, call) => {
    const { error, ms } = await rejection(call(store));
    expect(error).toBeInstanceOf(GraphUnavailable);
    expect(ms).toBeLessThan(FAST);
  });

  it('answers again once Neo4j is back, without reopening', async () => {
    const bolt = await startBoltStandIn(port);
    try {
      await expect(store.ping()).resolves.toBeUndefined();
      // No graph was ever loaded into the stand-in: empty, but answered.
      expect(await store.stats()).toMatchObject({ entities: 0, relations: 0, articles: 0 });
      expect(await store.entity('marta-zelazna')).toBeNull();
    } finally {
      await bolt.close();
    }
    // And down again: unavailable again, still fast.
    const { error, ms } = await rejection(store.stats());
    expect(error).toBeInstanceOf(GraphUnavailable);
    // The first call after a drop still goes through the driver's retries (about
    // 1 s + 2 s with jitter, for the default 2 s retry time); the next ones probe.
    expect(ms).toBeLessThan(FAST + 2500);
    const again = await rejection(store.stats());
    expect(again.error).toBeInstanceOf(GraphUnavailable);
    expect(again.ms).toBeLessThan(FAST);
  });
});

describe('the server in neo4j mode while Neo4j is unreachable', () => {
  let port: number;
  let store: GraphStore;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    port = await freePort();
    const config = readConfig({ NODE_ENV: 'test', GRAPH_STORE: 'neo4j', NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'secret-password' });
    store = await openStore(config.store);
    const { app } = buildApp({ store, config, log: () => undefined });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await store?.close();
  });

  const graphql = (query: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({ query }),
    });

  it('runs the Neo4j adapter', () => {
    expect(store.engine).toBe('neo4j');
  });

  it(`answers /ready with 503 within ${FAST} ms`, async () => {
    const started = performance.now();
    const res = await fetch(`${url}/ready`);
    expect(performance.now() - started).toBeLessThan(FAST);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', engine: 'neo4j' });
  });

  // The request ran (data is present, null), so the GraphQL-over-HTTP spec wants 200; /ready is the 503 signal.
  it(`answers GraphQL with GRAPH_UNAVAILABLE (HTTP 200, data null) within ${FAST} ms`, async () => {
    for (const query of ['{ stats { entities } }', '{ search(text: "zelazna") { id } }', '{ neighbourhood(id: "marta-zelazna") { nodes { id } } }']) {
      const started = performance.now();
      const res = await graphql(query);
      expect(performance.now() - started).toBeLessThan(FAST);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPH_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toMatch(/cannot be reached/);
    }
  });

  it('stays up, and is ready again once Neo4j is back', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const bolt = await startBoltStandIn(port);
    try {
      const res = await fetch(`${url}/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready', engine: 'neo4j' });
      const stats = await graphql('{ stats { entities } }');
      expect(stats.status).toBe(200);
      expect(await stats.json()).toEqual({ data: { stats: { entities: 0 } } });
    } finally {
      await bolt.close();
    }
  });
});

// ---------------------------------------------------------------------------
// A stand-in for Neo4j: Bolt 4.4 over loopback, just enough for the driver to
// connect, authenticate and run queries. "RETURN 1 AS ok" answers 1; every
// other query answers no rows (an empty graph).

async function startBoltStandIn(port: number): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let shookHands = false;
    let parts: Buffer[] = [];
    let rows: unknown[][] = [];
    const handle = (m: Buffer) => {
      const signature = m[1];
      if (signature === 0x01) socket.write(boltMessage(0x70, { server: 'Neo4j/4.4.0', connection_id: 'bolt-stand-in' }));
      else if (signature === 0x10) {
        const ping = /^RETURN 1 AS ok\b/.test(boltString(m, 2));
        rows = ping ? [[1]] : [];
        socket.write(boltMessage(0x70, { fields: ping ? ['ok'] : [], t_first: 0 }));
      } else if (signature === 0x3f) {
        for (const row of rows) socket.write(boltMessage(0x71, row));
        rows = [];
        socket.write(boltMessage(0x70, { has_more: false, type: 'r', t_last: 0, db: 'neo4j' }));
      } else if (signature === 0x02) socket.end();
      else socket.write(boltMessage(0x70, signature === 0x12 ? { bookmark: 'stand-in:1' } : {})); // BEGIN, COMMIT, ROLLBACK, RESET
    };
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!shookHands) {
        if (buffer.length < 20) return;
        buffer = buffer.subarray(20);
        shookHands = true;
        socket.write(Buffer.from([0, 0, 4, 4])); // Bolt 4.4
      }
      while (buffer.length >= 2) {
        const size = buffer.readUInt16BE(0);
        if (size === 0) {
          handle(Buffer.concat(parts));
          parts = [];
          buffer = buffer.subarray(2);
          continue;
        }
        if (buffer.length < 2 + size) return;
        parts.push(buffer.subarray(2, 2 + size));
        buffer = buffer.subarray(2 + size);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function pack(value: unknown): Buffer {
  const sized = (tiny: number, marker: number, n: number) => (n < 16 ? Buffer.from([tiny | n]) : Buffer.from([marker, n]));
  if (value === null || value === undefined) return Buffer.from([0xc0]);
  if (typeof value === 'boolean') return Buffer.from([value ? 0xc3 : 0xc2]);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= -16 && value < 128) return Buffer.from([value & 0xff]);
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeBigInt64BE(BigInt(value), 1);
    return b;
  }
  if (typeof value === 'string') {
    const s = Buffer.from(value, 'utf8');
    return Buffer.concat([sized(0x80, 0xd0, s.length), s]);
  }
  if (Array.isArray(value)) return Buffer.concat([sized(0x90, 0xd4, value.length), ...value.map(pack)]);
  const entries = Object.entries(value as Record<string, unknown>);
  return Buffer.concat([sized(0xa0, 0xd8, entries.length), ...entries.flatMap(([k, v]) => [pack(k), pack(v)])]);
}

function boltMessage(signature: number, ...fields: unknown[]): Buffer {
  const body = Buffer.concat([Buffer.from([0xb0 | fields.length, signature]), ...fields.map(pack)]);
  const head = Buffer.alloc(2);
  head.writeUInt16BE(body.length);
  return Buffer.concat([head, body, Buffer.from([0, 0])]);
}

function boltString(b: Buffer, at: number): string {
  const marker = b[at] ?? 0;
  if ((marker & 0xf0) === 0x80) return b.subarray(at + 1, at + 1 + (marker & 0x0f)).toString('utf8');
  if (marker === 0xd0) return b.subarray(at + 2, at + 2 + (b[at + 1] ?? 0)).toString('utf8');
  if (marker === 0xd1) return b.subarray(at + 3, at + 3 + b.readUInt16BE(at + 1)).toString('utf8');
  return '';
}
