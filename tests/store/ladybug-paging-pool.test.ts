/**
 * Paging through every entity and relation must not need the whole graph in
 * the engine's buffer pool: at a million relations the default 256 MiB pool
 * refused every relations page while the page statement sorted whole rows,
 * evidence and all. Here the same shape at a small size: 40 MB of relation
 * notes under a 96 MiB pool (the old page statement was refused at 96 MiB,
 * the id-only page and its range pass; measured 2026-12-01).
 */
import { syntheticStory } from '../../bench/synthetic.js';
import type { Story } from '../../server/domain/types.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { DEFAULT_LOAD_BUFFER_POOL_MB } from '../../server/store/ladybug/session.js';
import { describeLadybugOnly, tempDir } from '../support/graph.js';
import fs from 'node:fs';
import path from 'node:path';

describeLadybugOnly('pages through a graph bigger than the buffer pool', 'the buffer pool is LadybugDB’s', () => {
  let store: LadybugStore;
  let story: Story;
  let dir: string;
  beforeAll(async () => {
    story = syntheticStory(2000, 20_000, 5);
    const long = 'x'.repeat(2000); // 20,000 relations x 2 KB of note: 40 MB of strings
    for (const r of story.relations) r.note = `${r.id} ${long}`;
    for (const e of story.entities) e.summary = `${e.summary ?? ''} ${long}`;
    dir = tempDir('paging-pool-');
    const file = path.join(dir, 'graph.lbug');
    const built = await LadybugStore.open({ path: file, bufferPoolMb: DEFAULT_LOAD_BUFFER_POOL_MB }); // as the seed builds a file
    await built.load(story);
    await built.close();
    store = await LadybugStore.open({ path: file, bufferPoolMb: 96 });
    await store.warming();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads every relation once, in id order, whatever the pool, with and without a type filter', async () => {
    for (const types of [null, ['MET', 'MEMBER_OF']]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.relations(types, { first: 500, after });
        seen.push(...page.items.map((r) => r.id));
        expect(page.items.every((r) => r.note?.startsWith(`${r.id} x`))).toBe(true);
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      const expected = story.relations.filter((r) => !types || types.includes(r.type)).map((r) => r.id).sort();
      expect(seen).toEqual(expected);
    }
  }, 300_000);

  it('reads every entity once, in id order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.entities(null, { first: 500, after });
      seen.push(...page.items.map((e) => e.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(story.entities.map((e) => e.id).sort());
  }, 120_000);
});
