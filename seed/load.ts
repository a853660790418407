/** The seed as a function: validate, then replace the graph atomically. Used by the CLI, npm start and tests. */
import type { Config } from '../server/config.js';
import type { Stats } from '../server/domain/types.js';
import { readingOf, statsOfStory, type StoryReading } from '../server/domain/story/summary.js';
import type { GraphStore, LoadSummary } from '../server/store/graph-store.js';
import type { OpenStoreOptions } from '../server/store/open-store.js';
import { readStory, type StoryDirs } from '../server/domain/story/read-story.js';
import { describeSettled, settleInterruptedSave } from '../server/curation/settle.js';

export interface SeedOptions {
  config: Config;
  dirs: StoryDirs;
  /** Replace a damaged embedded database file instead of refusing it. */
  reset?: boolean;
  /** Validate only. */
  checkOnly?: boolean;
  open: (store: Config['store'], options?: OpenStoreOptions) => Promise<GraphStore>;
  /** Load into this open store, in place, instead of opening one (the server's own). */
  store?: GraphStore;
}

export interface SeedResult {
  loaded: LoadSummary | null;
  stats: Stats;
  target: string;
  /** Which format version each file was read as. */
  read: StoryReading;
  /** What settling an interrupted curation save did before the story was read (finished or rolled back); null when there was none. */
  settled: string | null;
}

export async function seedStory({ config, dirs, reset = false, checkOnly = false, open, store }: SeedOptions): Promise<SeedResult> {
  // A curation save killed half-way is finished or rolled back (as its journal says) first, so the story read is whole.
  const settled = describeSettled(settleInterruptedSave(dirs));
  // Validate before touching the database: a bad story never opens it for writing.
  const story = readStory(dirs);
  const read = readingOf(story);
  if (checkOnly) {
    return { loaded: null, stats: statsOfStory(story), target: 'nothing (--check)', read, settled };
  }
  if (store) return { loaded: await store.load(story), stats: await store.stats(), target: String(store), read, settled };
  // The store knows how to replace its graph whole, even if killed (LadybugDB: a new file renamed over the old).
  const target = await open(config.store, { reset });
  try {
    const loaded = await target.replaceAll(story);
    return { loaded, stats: await target.stats(), target: String(target), read, settled };
  } finally {
    await target.close();
  }
}
