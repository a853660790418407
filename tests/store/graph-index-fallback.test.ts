/**
 * The embedded store walks neighbourhoods and shortest paths in its in-memory
 * graph index; when that index cannot be built it asks the engine statement by
 * statement. Both ways must give the same answers.
 */
import { syntheticStory } from '../../bench/synthetic.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { describeLadybugOnly } from '../support/graph.js';

describeLadybugOnly('the in-memory graph index', 'Neo4j walks its own graph', () => {
  let store: LadybugStore;
  beforeAll(async () => {
    store = await LadybugStore.open({ path: ':memory:' });
    await store.load(syntheticStory(400, 1600, 9));
  });
  afterAll(() => store.close());

  /** Runs `read` with the index and then without it (the engine's graphIndex answering null, as when its scan fails). */
  async function bothWays<T>(read: () => Promise<T>): Promise<[T, T]> {
    const engine = (store as unknown as { cypher: { graphIndex: () => Promise<unknown> } }).cypher;
    const withIndex = await read();
    const original = engine.graphIndex;
    engine.graphIndex = async () => null;
    try {
      return [withIndex, await read()];
    } finally {
      engine.graphIndex = original;
    }
  }

  const ids = ['e0', 'e7', 'e51', 'e123', 'e399'];

  it('gives the neighbourhoods the engine statements give, with and without filters', async () => {
    for (const id of ids) {
      for (const filter of [{ limit: 500 }, { limit: 30 }, { limit: 200, types: ['MET', 'MEMBER_OF'] }, { limit: 200, kinds: ['Person' as const] }]) {
        for (const depth of [1, 2]) {
          const [indexed, plain] = await bothWays(() => store.neighbourhood(id, depth, filter));
          expect(indexed.nodes.map((n) => n.id)).toEqual(plain.nodes.map((n) => n.id));
          expect(indexed.edges).toEqual(plain.edges);
          expect(indexed.truncated).toBe(plain.truncated);
        }
      }
    }
  });

  it('gives the shortest paths the statement-by-statement walk gives', async () => {
    let found = 0;
    for (const from of ids) {
      for (const to of ['e3', 'e88', 'e250', 'e398']) {
        const [indexed, plain] = await bothWays(() => store.shortestPath(from, to, 6));
        expect(indexed).toEqual(plain);
        if (indexed) found++;
      }
    }
    expect(found).toBeGreaterThan(10);
  });
});
