/**
 * Full text through the GraphStore port: every engine answers the same
 * passages (one in-process index, built from the same passages), a restart
 * rebuilds the same index from the stored graph, and a load replaces it.
 * LadybugDB and the in-memory store always; Neo4j too when NEO4J_URI is set
 * (it REPLACES the graph in that database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { MemoryStore } from '../../server/store/memory/memory-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { readStory } from '../../server/domain/story/read-story.js';

const story = (name: string) => ({ data: path.join(PROJECT_ROOT, ...name.split('/'), 'data'), articles: path.join(PROJECT_ROOT, ...name.split('/'), 'articles') });
const SEED = readStory(story('seed'));
const HARBOUR = readStory(story('tests/fixtures/harbour'));
const QUERIES = ['passport', 'hostages', '"forced deportation"', 'Nauseda negotiatons', 'released prisoners border', 'ferry strike', 'Żelazná wages', 'negotiat'];

async function openNeo4j(): Promise<GraphStore | null> {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return Neo4jStore.open({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' });
}

const answers = async (store: GraphStore) => Promise.all(QUERIES.map((q) => store.passages(q, { first: 10 })));

describe('passages through the store port', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-passages-'));
  const file = path.join(dir, 'graph.lbug');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers the same passages on every engine, for the seed and for another story', async () => {
    const memory = new MemoryStore();
    const ladybug = await LadybugStore.open({ path: file });
    const neo4j = await openNeo4j();
    try {
      for (const s of [SEED, HARBOUR]) {
        for (const store of [memory, ladybug, neo4j]) await store?.load(s);
        const expected = await answers(memory);
        expect(expected.flat().length).toBeGreaterThan(5);
        expect(await answers(ladybug)).toEqual(expected);
        if (neo4j) expect(await answers(neo4j)).toEqual(expected);
      }
    } finally {
      await ladybug.close();
      await neo4j?.close();
    }
  });

  it('builds the same index from the stored graph after a restart as the load built', async () => {
    const loaded = await LadybugStore.open({ path: file });
    await loaded.load(SEED);
    const expected = await answers(loaded);
    await loaded.close();
    const reopened = await LadybugStore.open({ path: file });
    try {
      expect(await answers(reopened)).toEqual(expected);
    } finally {
      await reopened.close();
    }
  });

  it('builds the same index when the relations are read range by range, with or without the graph index to size the ranges', async () => {
    const loaded = await LadybugStore.open({ path: file });
    await loaded.load(SEED);
    const expected = await answers(loaded);
    await loaded.close();
    for (const withoutIndex of [false, true]) {
      // Ranges of about 10 relations' sources: the seed's 274 relations in dozens of statements.
      const reopened = await LadybugStore.open({ path: file, scanRangeRelations: 10 });
      try {
        const engine = (reopened as unknown as { cypher: { graphIndex: () => Promise<unknown>; scan: (name: string, onRow: () => void) => Promise<void> } }).cypher;
        if (withoutIndex) engine.graphIndex = async () => null;
        let relations = 0;
        await engine.scan('passage-relations', () => void relations++);
        expect(relations).toBe(SEED.relations.length);
        expect(await answers(reopened)).toEqual(expected);
      } finally {
        await reopened.close();
      }
    }
  });

  it('replaces the index with every load, and keeps it when a load is refused', async () => {
    const store = await LadybugStore.open({ path: file });
    try {
      await store.load(SEED);
      expect(await store.passages('ferry')).toEqual([]);
      await store.load(HARBOUR);
      expect(await store.passages('passport')).toEqual([]);
      expect((await store.passages('ferry'))[0]?.article).toMatch(/^h00/);
      const broken = { ...SEED, relations: [...SEED.relations, { ...SEED.relations[0]!, id: 'dangling', to: 'nobody-at-all' }] };
      await expect(store.load(broken)).rejects.toThrow();
      expect((await store.passages('ferry'))[0]?.article).toMatch(/^h00/);
      await store.replaceAll(SEED);
      expect(await store.passages('ferry')).toEqual([]);
      expect((await store.passages('passport')).length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
