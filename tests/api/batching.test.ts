/** Fan-out fields are batched: 100 relations with ends and evidence cost a handful of store calls. */
import type { GraphStore } from '../../server/store/graph-store.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { HARBOUR, seededStore, startServer, type RunningServer } from '../support/graph.js';

/** Wraps a store so that every method call is counted by name. */
function counting(store: GraphStore) {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return value.apply(target, args);
      };
    },
  });
  return { proxy, calls };
}

describe('batching and caching', () => {
  let server: RunningServer;
  let calls: string[];
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const seeded = await seededStore();
    const counted = counting(seeded.store);
    calls = counted.calls;
    server = await startServer(counted.proxy, { RESPONSE_CACHE: 'false' });
    cleanup = async () => {
      await server.close();
      await seeded.cleanup();
    };
  });
  afterAll(() => cleanup());

  it('a page of 100 relations with both ends, their evidence and articles costs at most 5 store calls', async () => {
    calls.length = 0;
    const { body } = await server.gql('{ relations(first: 100) { edges { node { id from { id name } to { id name } evidence { quote article { id title } } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.relations.edges).toHaveLength(100);
    expect(calls.length).toBeLessThanOrEqual(5);
    expect(calls.filter((c) => c === 'entitiesByIds')).toHaveLength(1);
    expect(calls.filter((c) => c === 'articlesByIds')).toHaveLength(1);
  });

  it('the relations, mentions and articles of 80 entities are one call each', async () => {
    calls.length = 0;
    const { body } = await server.gql('{ graph { nodes { id relations(first: 3) { to { name } } mentionedIn { title entities { id } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.graph.nodes.length).toBeGreaterThan(60);
    const count = (name: string) => calls.filter((c) => c === name).length;
    expect(count('relationsOf')).toBe(1);
    expect(count('mentionedIn')).toBe(1);
    expect(count('articlesByIds')).toBe(1);
    expect(count('articleEntities')).toBe(1);
    expect(calls.length).toBeLessThanOrEqual(8);
  });
});

describe('the response cache', () => {
  it('serves a repeated read without the store, and forgets it when the graph is reloaded', async () => {
    const seeded = await seededStore();
    const counted = counting(seeded.store);
    const server = await startServer(counted.proxy);
    try {
      const first = await server.gql('{ stats { entities } }');
      expect(first.body.data.stats.entities).toBeGreaterThan(60);
      counted.calls.length = 0;
      const again = await server.gql('{ stats { entities } }');
      expect(again.body).toEqual(first.body);
      expect(counted.calls).toEqual([]);

      await server.app.reload(readStory(HARBOUR));
      const after = await server.gql('{ stats { entities } }');
      expect(after.body.data.stats.entities).toBe(12);
    } finally {
      await server.close();
      await seeded.cleanup();
    }
  });
});
