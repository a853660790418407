/**
 * What only a live Neo4j can show (npm run test:neo4j; skipped elsewhere):
 * the schema the adapter asks for really exists and is used (full-text with
 * folding and fuzzy terms, the text index behind substring search, the
 * relationship-uniqueness constraint, online indexes), a server over a Neo4j
 * that is down at start or stops under it answers 503 at once and recovers
 * without a restart, and npm start over a Neo4j started late seeds its empty
 * graph then (loads that do not finish: neo4j-live-loads.test.ts). The second Neo4j that is stopped and started again is launched
 * here (scripts/neo4j.mjs), so the shared test database is never taken away.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../../server/config.js';
import { GraphUnavailable } from '../../server/domain/errors.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { fulltextQuery } from '../../server/store/neo4j/fulltext.js';
import { readStatements } from '../../server/store/cypher-files.js';
import { readStory } from '../../server/domain/story/read-story.js';
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
        { name: 'article_gen_id', type: 'UNIQUENESS' },
        { name: 'entity_gen_id', type: 'UNIQUENESS' },
        { name: 'graph_state_key', type: 'UNIQUENESS' },
        { name: 'meta_gen_key', type: 'UNIQUENESS' },
        { name: 'relation_gen_id', type: 'RELATIONSHIP_UNIQUENESS' },
        { name: 'statement_gen_id', type: 'UNIQUENESS' },
      ]),
    );
    // The single-property constraints of before generations are gone: they would refuse a load's next generation.
    expect(constraints.map((c) => c.name).filter((n) => ['entity_id', 'article_id', 'statement_id', 'meta_key', 'relation_id'].includes(String(n)))).toEqual([]);
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

  it('refuses a second relation with an id already taken in its generation', async () => {
    const attempt = cypher(
      driver,
      "MATCH (a:Entity {id: 'marta-zelazna'}), (b:Entity {id: 'ferry-strike'}) CREATE (a)-[:RELATION {gen: a.gen, id: 'marta-zelazna.leads.ferryworkers-guild', type: 'LEADS'}]->(b)",
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

  it('looks entities and relations up by id through the (gen, id) constraints, not a scan', async () => {
    // A plan cached before the constraints' indexes came online (another test's statements on an empty database)
    // would be a scan whatever the statement says: plan afresh.
    await cypher(driver, 'CALL db.clearQueryCaches()');
    const plan = async (name: string) =>
      operators((await driver.executeQuery(`EXPLAIN ${readStatements('neo4j')[name]}`, { gen: neo4j.int(1), ids: ['a'], after: '', last: 'z', types: [] }, { database: env.NEO4J_DATABASE })).summary.plan as any);
    /** The operators of the plan, named in the failure message, and the one seeking the (gen, id) index of `target`. */
    const seek = async (name: string, target: RegExp) => {
      const ops = await plan(name);
      const found = ops.find((o) => /IndexSeek/.test(o.type) && target.test(o.details));
      return found ? 'seeks the (gen, id) index' : `plans ${ops.map((o) => `${o.type} ${o.details}`).join(' / ')}`;
    };
    expect(await seek('entities-by-ids', /Entity\(gen, id\)/)).toBe('seeks the (gen, id) index');
    expect(await seek('relations-by-ids', /RELATION\(gen, id\)/)).toBe('seeks the (gen, id) index');
  });

  it('searches through the store with any spelling, and finds a word inside a name', async () => {
    expect((await store.search('Zelazna')).map((e) => e.id)[0]).toBe('marta-zelazna');
    expect((await store.search('zelazma')).map((e) => e.id)).toContain('marta-zelazna');
    expect((await store.search('lazna')).map((e) => e.id)).toContain('marta-zelazna');
  });
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
