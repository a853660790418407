/**
 * Full text through the GraphStore port: every engine answers the same
 * passages (one in-process index, built from the same passages), a restart
 * rebuilds the same index from the stored graph, and a load replaces it.
 * LadybugDB always, against the index built straight from the story; Neo4j too when NEO4J_URI is set
 * (it REPLACES the graph in that database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { PassageIndex } from '../server/store/full-text/passage-index.js';
import { readConfig } from '../server/config.js';
import { openStore } from '../server/store/open-store.js';
import { readStory } from '../server/domain/story/read-story.js';

const story = (name: string) => ({ data: path.join(PROJECT_ROOT, ...name.split('/'), 'data'), articles: path.join(PROJECT_ROOT, ...name.split('/'), 'articles') });
const SEED = readStory(story('seed'));
const HARBOUR = readStory(story('tests/fixtures/harbour'));
const QUERIES = ['passport', 'hostages', '"forced deportation"', 'Nauseda negotiatons', 'released prisoners border', 'ferry strike', 'Żelazná wages', 'negotiat'];

async function openNeo4j(): Promise<GraphStore | null> {
  if (!process.env.NEO4J_URI) return null;
  return openStore(readConfig({ ...process.env, GRAPH_STORE: 'neo4j' }).store);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-passages-'));
const file = path.join(dir, 'graph.lbug');
const openEmbedded = () => openStore({ kind: 'embedded', path: file, queryTimeoutMs: 30_000 });

const answers = async (store: GraphStore) => Promise.all(QUERIES.map((q) => store.passages(q, { first: 10 })));

describe('passages through the store port', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers the same passages on every engine, for the seed and for another story', async () => {
    const ladybug = await openEmbedded();
    const neo4j = await openNeo4j();
    try {
      for (const s of [SEED, HARBOUR]) {
        for (const store of [ladybug, neo4j]) await store?.load(s);
        const direct = PassageIndex.build(s);
        const expected = QUERIES.map((q) => direct.find(q, { first: 10 }));
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
    const loaded = await openEmbedded();
    await loaded.load(SEED);
    // Statements are not stored by this adapter yet, so a scan can neither tie passages to them nor count
    // their words (scores move a little): compare what passages are found, in order, and their ties to relations.
    const shape = (found: Awaited<ReturnType<typeof answers>>) => found.map((ps) => ps.map(({ id, kind, text, start, end, relations, summaryOf }) => ({ id, kind, text, start, end, relations, summaryOf })));
    const expected = shape(await answers(loaded));
    await loaded.close();
    const reopened = await openEmbedded();
    try {
      expect(shape(await answers(reopened))).toEqual(expected);
    } finally {
      await reopened.close();
    }
  });

  it('replaces the index with every load, and keeps it when a load is refused', async () => {
    const store = await openEmbedded();
    try {
      await store.load(SEED);
      expect(await store.passages('ferry')).toEqual([]);
      await store.load(HARBOUR);
      expect(await store.passages('passport')).toEqual([]);
      expect((await store.passages('ferry'))[0]?.article).toMatch(/^h00/);
      const broken = { ...SEED, relations: [...SEED.relations, { ...SEED.relations[0]!, id: 'dangling', to: 'nobody-at-all' }] };
      await expect(store.load(broken)).rejects.toThrow();
      expect((await store.passages('ferry'))[0]?.article).toMatch(/^h00/);
    } finally {
      await store.close();
    }
  });
});
