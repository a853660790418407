/**
 * Faults, with the real programs as child processes: a seed killed in the
 * middle of a load leaves the old graph or the new one, complete (and what the
 * engine does to an in-place load killed the same way); a locked or
 * damaged database and a taken port read as one clear message, never a stack
 * trace; a server stopped under load comes back with the same graph.
 * (npm run stress runs the same cases more times.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { syntheticStory } from '../../bench/synthetic.js';
import { readStory, type StoryDirs } from '../../server/domain/story/read-story.js';
import {
  countGraph,
  countsOf,
  damagedDatabase,
  killLoadMidway,
  lockedDatabase,
  portInUse,
  prepareWorkspace,
  removeDb,
  restartUnderLoad,
  verdictOf,
  type GraphCounts,
  type KillResult,
  type Workspace,
} from '../../scripts/stress/faults.js';
import { graphFingerprint, realQueries } from '../../scripts/stress/mix.js';
import { startServer } from '../../scripts/stress/processes.js';
import { writeStoryFolder } from '../../scripts/stress/story.js';
import { SEED_STORY } from '../../scripts/stress/target.js';
import { describeLadybugOnly, ON_NEO4J } from '../support/graph.js';

/** Why this file is skipped on Neo4j, where tests/neo4j-live.test.ts kills loads and stops the server instead. */
const FILES = 'these faults act on the embedded database file; neo4j-live.test.ts has the Neo4j ones';

jest.setTimeout(180_000);

let ws: Workspace;
beforeAll(async () => {
  if (ON_NEO4J) return;
  ws = await prepareWorkspace('hardening-faults-');
}, 180_000);
afterAll(() => {
  if (ws) fs.rmSync(ws.dir, { recursive: true, force: true });
});

describeLadybugOnly('a load killed with SIGKILL in the middle', FILES, () => {
  let story: StoryDirs;
  let next: GraphCounts;
  beforeAll(() => {
    // Big enough that the load takes a second or two, so the kill lands inside it.
    story = writeStoryFolder(path.join(ws.dir, 'big-story'), syntheticStory(12_000, 90_000));
    next = countsOf(readStory(story));
  });

  describe('npm run seed', () => {
    it('killed inside the load transaction leaves the old graph, complete; run again, it loads the new one', async () => {
      const result = await killLoadMidway(ws, story, next, 'transaction', { loader: 'seed' });
      expect(result.observed).toBe('load-transaction');
      expect(result.readError).toBeUndefined();
      expect(result.verdict).toBe('old');
      expect(result.rerun).toMatchObject({ code: 0, verdict: 'new' });
    });

    it('killed while its commit is checkpointed leaves the old graph, complete', async () => {
      const result = await killLoadMidway(ws, story, next, 'checkpoint', { loader: 'seed', rerun: false });
      expect(result.observed).toBe('checkpoint');
      expect(result.verdict).toBe('old');
    });

    it('killed just after it renamed the new file in leaves the new graph, complete', async () => {
      const result = await killLoadMidway(ws, story, next, 'swapped', { loader: 'seed', rerun: false });
      expect(result.observed).toBe('swapped');
      expect(result.verdict).toBe('new');
    });
  });

  describe('GraphStore.load in place (the server seeding an empty graph, or reloading on SIGHUP)', () => {
    it('killed inside the transaction: the engine rolls it back on reopen, the old graph is whole', async () => {
      const result = await killLoadMidway(ws, story, next, 'transaction', { loader: 'in-place', rerun: false });
      expect(result.observed).toBe('load-transaction');
      expect(result.verdict).toBe('old');
    });

    describe('killed while its commit is checkpointed', () => {
      let killed: KillResult;
      beforeAll(async () => {
        killed = await killLoadMidway(ws, story, next, 'checkpoint', { loader: 'in-place', rerun: false, keep: true });
      }, 120_000);
      afterAll(() => removeDb(killed.db));

      // LadybugDB 0.19.1 defect: COPY rows are not in the write-ahead log and reach the file only at the
      // checkpoint that ends the commit; killed during it, the reopened file has the old graph deleted and
      // the new one missing. npm run seed avoids it (new file + rename); the server reseeds an empty graph.
      // it.failing: passes while the engine empties the graph; when the engine keeps one, drop .failing.
      it.failing('the file holds one whole graph (LadybugDB 0.19 leaves it empty)', () => {
        expect(killed.observed).toBe('checkpoint');
        expect(['old', 'new']).toContain(killed.verdict);
      });

      it('the server started on that file serves a whole graph (an emptied one is seeded again from seed/data)', async () => {
        const server = await startServer({ dbPath: killed.db });
        try {
          expect([ws.old.entities, next.entities]).toContain((await graphFingerprint(server.url)).entities);
        } finally {
          await server.stop();
        }
        expect(['old', 'new']).toContain(verdictOf(await countGraph(killed.db), ws.old, next));
      });
    });
  });
});

describeLadybugOnly('refusals a user reads', FILES, () => {
  it('a database held by a running server: the second server and the seed say so, without a stack trace', async () => {
    const refusals = await lockedDatabase(ws);
    for (const r of refusals) {
      expect(r.code).toBe(1);
      expect(r.message).toMatch(/is in use by another process .*Stop that process, or set DB_PATH to another file\./);
      expect(r.stackTrace).toBe(false);
    }
  });

  it('a damaged database file (garbage, truncated, text): a clear message, and seed --reset rebuilds it', async () => {
    for (const { refusals, reset } of await Promise.all((['garbage', 'truncated', 'text'] as const).map((d) => damagedDatabase(ws, d)))) {
      for (const r of refusals) {
        expect(r.code).toBe(1);
        expect(r.message).toMatch(/Could not open the database .*move it aside \(or run "npm run seed -- --reset"\)/);
        expect(r.message.split('\n')).toHaveLength(1);
        expect(r.stackTrace).toBe(false);
      }
      expect(reset.code).toBe(0);
      expect(reset.stdout).toMatch(/^Loaded \d+ entities/);
    }
  });

  it('a port already in use: one line naming the port and what to do', async () => {
    const r = await portInUse(ws);
    expect(r.code).toBe(1);
    expect(r.message).toBe(`Port ${r.port} is already in use. Stop the other process or start with PORT=<another port>.`);
    expect(r.stackTrace).toBe(false);
  });
});

describeLadybugOnly('a server stopped under load and started again', FILES, () => {
  const mix = () => realQueries(readStory(SEED_STORY), 40);

  it.each(['SIGTERM', 'SIGKILL'] as const)('comes back after %s with the same graph, and every answer is right', async (signal) => {
    const r = await restartUnderLoad(ws, mix(), signal, { loadMs: 1000 });
    expect(r.sameGraph).toBe(true);
    expect(r.after.entities).toBe(ws.old.entities);
    expect(r.wrong).toBe(0);
    expect(r.answered).toBeGreaterThan(20);
    if (signal === 'SIGTERM') expect(r.exit.code).toBe(0);
  });
});
