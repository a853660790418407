/**
 * The first seed of an empty graph (server/startup-seed.ts): now when the
 * database answers, later when it does not yet. The database is played by a
 * stand-in whose answers the test sets; the real server over a real Neo4j
 * started late is in tests/store/neo4j-live.test.ts.
 */
import { GraphUnavailable } from '../../server/domain/errors.js';
import type { Story } from '../../server/domain/types.js';
import type { GraphStore, LoadSummary } from '../../server/store/graph-store.js';
import { StartupSeed } from '../../server/startup-seed.js';

const STORY = { articles: [], entities: [], relations: [], mentions: [] } as unknown as Story;

/** A database that is down until `up`, then empty until a load. */
function database() {
  const db = { up: false, entities: 0, loads: 0, loading: null as null | (() => void) };
  const store = {
    async stats() {
      if (!db.up) throw new GraphUnavailable('down');
      return { entities: db.entities, relations: 0, articles: 0 };
    },
    toString: () => 'the test database',
  } as unknown as GraphStore;
  const load = (): Promise<LoadSummary> =>
    new Promise((resolve) => {
      db.loads += 1;
      db.loading = () => {
        db.entities = 12;
        resolve({ entities: 12 } as LoadSummary);
      };
    });
  return { db, store, load };
}

const quiet = { log: () => undefined, warn: () => undefined };

describe('the start-up seed', () => {
  it('seeds an empty graph at once when the database answers, and is not ready while it loads', async () => {
    const { db, store, load } = database();
    db.up = true;
    const seed = new StartupSeed({ store, load, readStory: () => STORY, ...quiet });
    const started = seed.start();
    await new Promise((r) => setImmediate(r));
    expect(seed.state).toBe('seeding');
    expect(seed.notReady()).toMatch(/being seeded/);
    db.loading!();
    await started;
    expect(seed.state).toBe('done');
    expect(seed.notReady()).toBeNull();
    expect(db.loads).toBe(1);
  });

  it('leaves a graph that has entities alone', async () => {
    const { db, store, load } = database();
    db.up = true;
    db.entities = 5;
    const lines: string[] = [];
    const seed = new StartupSeed({ store, load, readStory: () => STORY, log: (l) => lines.push(l), warn: () => undefined });
    await seed.start();
    expect(db.loads).toBe(0);
    expect(lines).toEqual(['Using the graph in the test database: 5 entities, 0 relations, 0 articles.']);
  });

  it('waits while the database is down, then seeds the empty graph the first time it answers', async () => {
    const { db, store, load } = database();
    const warnings: string[] = [];
    const seed = new StartupSeed({ store, load, readStory: () => STORY, log: () => undefined, warn: (l) => warnings.push(l), retryMs: 10 });
    await seed.start();
    expect(seed.state).toBe('waiting');
    expect(warnings[0]).toMatch(/does not answer yet\. Serving anyway/);
    await new Promise((r) => setTimeout(r, 50));
    expect(db.loads).toBe(0);
    db.up = true;
    // Not ready until the graph has been looked at, even though the database answers now.
    while (db.loads === 0) {
      expect(seed.notReady()).toMatch(/seeded/);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seed.state).toBe('seeding');
    db.loading!();
    expect(await seed.settled).toBe('done');
    expect(db.loads).toBe(1);
  });

  it('looks at once when /ready asks while it waits, instead of at the next tick', async () => {
    const { db, store, load } = database();
    const seed = new StartupSeed({ store, load, readStory: () => STORY, ...quiet, retryMs: 60_000 });
    await seed.start();
    db.up = true;
    expect(seed.notReady()).toMatch(/did not answer at start/);
    await new Promise((r) => setImmediate(r));
    expect(db.loads).toBe(1);
    expect(seed.notReady()).toMatch(/being seeded/);
    db.loading!();
    expect(await seed.settled).toBe('done');
    expect(seed.notReady()).toBeNull();
  });

  it('stops asking once stopped (the server shutting down)', async () => {
    const { db, store, load } = database();
    const seed = new StartupSeed({ store, load, readStory: () => STORY, ...quiet, retryMs: 10 });
    await seed.start();
    seed.stop();
    db.up = true;
    await new Promise((r) => setTimeout(r, 60));
    expect(db.loads).toBe(0);
  });

  it('refuses to start on an invalid story when the database answers, as before', async () => {
    const { db, store, load } = database();
    db.up = true;
    const seed = new StartupSeed({ store, load, readStory: () => { throw new Error('seed/data/entities.json: bad'); }, ...quiet });
    await expect(seed.start()).rejects.toThrow(/bad/);
  });
});
