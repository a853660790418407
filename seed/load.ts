/** The seed as a function: validate, then load atomically. Used by the CLI, npm start and tests. */
import fs from 'node:fs';
import type { Config } from '../server/config.js';
import type { Stats } from '../server/domain/types.js';
import type { GraphStore, LoadSummary } from '../server/store/graph-store.js';
import { readStory, type StoryDirs } from './validate.js';

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
}

export async function seedStory({ config, dirs, reset = false, checkOnly = false, open, store }: SeedOptions): Promise<SeedResult> {
  // Validate before touching the database: a bad story never opens it for writing.
  const story = readStory(dirs);
  if (checkOnly) {
    return { loaded: null, stats: statsOfStory(story), target: 'nothing (--check)' };
  }
  if (reset && config.store.kind === 'embedded' && !store) {
    for (const f of [config.store.path, `${config.store.path}.wal`]) fs.rmSync(f, { force: true });
  }
  const target = store ?? (await open(config.store));
  try {
    const loaded = await target.load(story);
    return { loaded, stats: await target.stats(), target: String(target) };
  } finally {
    if (!store) await target.close();
  }
}

function statsOfStory(story: ReturnType<typeof readStory>): Stats {
  const count = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    entities: story.entities.length,
    relations: story.relations.length,
    articles: story.articles.length,
    byKind: count(story.entities, (e) => e.kind).map(([kind, c]) => ({ kind: kind as Stats['byKind'][number]['kind'], count: c })),
    byRelationType: count(story.relations, (r) => r.type).map(([type, c]) => ({ type, count: c })),
  };
}

export function formatSummary({ loaded, stats, target }: SeedResult): string {
  const lines = [
    loaded
      ? `Loaded ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles and ${loaded.mentions} article mentions into ${target} in ${Math.round(loaded.milliseconds)} ms.`
      : `Valid: ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles. Loaded into ${target}.`,
    `Entities by kind:   ${stats.byKind.map((k) => `${k.kind} ${k.count}`).join(', ')}`,
    `Relations by type:  ${stats.byRelationType.map((t) => `${t.type} ${t.count}`).join(', ')}`,
  ];
  return lines.join('\n');
}
