/** /ready says ready only once the store is warm: its in-memory indexes are built after a start or a load. */
import type { GraphStore } from '../../server/store/graph-store.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { ON_NEO4J, SEED, seededServer, startServer, type RunningServer } from '../support/graph.js';

describe('/ready and the warm-up after a start or a load', () => {
  let server: RunningServer & { cleanup: () => Promise<void> };
  let store: GraphStore;
  beforeAll(async () => {
    server = await seededServer();
    store = server.store;
  });
  afterAll(() => server.cleanup());

  it('waits out a short warm-up and then says ready, with nothing left warming', async () => {
    // A load starts the rebuild of the engine's in-memory indexes (LadybugDB); /ready is asked at once.
    await server.app.reload(readStory(SEED));
    if (!ON_NEO4J) expect(store.warming?.()).not.toBeNull();
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', engine: store.engine });
    expect(store.warming?.() ?? null).toBeNull();
  });

  it('answers 503 "warming" with the reason while a long warm-up goes on, and ready once it ends', async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let done = false;
    void held.then(() => (done = true));
    const cold = Object.create(store) as GraphStore;
    cold.warming = () => (done ? null : held);
    const other = await startServer(cold);
    try {
      const asked = Date.now();
      const res = await fetch(`${other.url}/ready`);
      expect(res.status).toBe(503);
      expect(Date.now() - asked).toBeGreaterThanOrEqual(1000); // it waited before saying so
      expect(await res.json()).toMatchObject({ status: 'warming', reason: expect.stringMatching(/in-memory indexes/) });
      // Reads are served meanwhile, only slower.
      expect((await other.gql('{ stats { entities } }')).body.data.stats.entities).toBeGreaterThan(0);
      finish();
      expect((await fetch(`${other.url}/ready`)).status).toBe(200);
    } finally {
      finish();
      await other.close();
    }
  });
});
