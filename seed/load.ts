/** The seed as a function: validate, then load atomically. Used by the CLI, npm start and tests. */
import fs from 'node:fs';
import type { Config } from '../server/config.js';
import type { Stats } from '../server/domain/types.js';
import { readingOf, statsOfStory, type StoryReading } from '../server/domain/story/summary.js';
import type { GraphStore, LoadSummary } from '../server/store/graph-store.js';
import { readStory, type StoryDirs } from '../server/domain/story/read-story.js';

export interface SeedOptions {
  config: Config;
  dirs: StoryDirs;
  /** Delete the embedded database file before loading. */
  reset?: boolean;
  /** Validate only. */
  checkOnly?: boolean;
  open: (store: Config['store']) => Promise<GraphStore>;
  /** Use this open store instead of opening one (the server's own). */
  store?: GraphStore;
}

export interface SeedResult {
  loaded: LoadSummary | null;
  stats: Stats;
  target: string;
  /** Which format version each file was read as. */
  read: StoryReading;
}

export async function seedStory({ config, dirs, reset = false, checkOnly = false, open, store }: SeedOptions): Promise<SeedResult> {
  // Validate before touching the database: a bad story never opens it for writing.
  const story = readStory(dirs);
  if (checkOnly) {
    return { loaded: null, stats: statsOfStory(story), target: 'nothing (--check)', read: readingOf(story) };
  }
  if (reset && config.store.kind === 'embedded' && !store) {
    for (const f of [config.store.path, `${config.store.path}.wal`]) fs.rmSync(f, { force: true });
  }
  const target = store ?? (await open(config.store));
  try {
    const loaded = await target.load(story);
    return { loaded, stats: await target.stats(), target: String(target), read: readingOf(story) };
  } finally {
    if (!store) await target.close();
  }
}
