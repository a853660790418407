/**
 * npm run seed [-- --data DIR] [--articles DIR] [--reset] [--db FILE]
 *
 * Validates the story, then loads it: the embedded database is rebuilt in a
 * new file and moved over the old one by one rename (seedBySwap), Neo4j is
 * loaded in one transaction. Invalid input loads nothing and leaves the graph
 * as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, readConfig, type Config } from '../server/config.js';
import { InvalidStory } from '../server/domain/errors.js';
import { openStore } from '../server/store/open-store.js';
import type { StoryDirs } from '../server/domain/story/read-story.js';
import { formatSummary } from '../server/domain/story/summary.js';
import { seedStory, type SeedResult } from './load.js';

const HELP = `Usage: npm run seed -- [options]

Validates the curated story and loads it into the graph database, replacing
what was there in one transaction (an invalid story loads nothing).

Options:
  --data DIR       folder of *.json data files      (default seed/data)
  --articles DIR   folder of *.txt source articles  (default: DIR/../articles, else seed/articles)
  --db FILE        embedded database file           (default DB_PATH or .data/graph.lbug)
  --reset          delete the embedded database file first and rebuild it
  --check          validate only; load nothing
  -h, --help       this text`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      articles: { type: 'string' },
      db: { type: 'string' },
      reset: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = readConfig({ ...process.env, ...(values.db ? { DB_PATH: values.db } : {}) });
  const data = path.resolve(values.data ?? path.join(PROJECT_ROOT, 'seed', 'data'));
  const articles = path.resolve(values.articles ?? defaultArticles(data));
  const dirs = { data, articles };
  const result =
    config.store.kind === 'embedded' && !values.check
      ? await seedBySwap(config, dirs, values.reset)
      : await seedStory({ config, dirs, reset: values.reset, checkOnly: values.check, open: openStore });
  console.log(formatSummary(result));
  return 0;
}

/**
 * Replaces the embedded database by a rename, not in place. LadybugDB 0.19
 * writes a COPY's rows into the file only at the checkpoint that ends its
 * commit; a seed killed during that checkpoint left the old graph deleted and
 * the new one missing, an empty graph (tests/hardening-faults.test.ts). So
 * the story is loaded into a new file beside the old one and closed cleanly,
 * and one rename swaps it in: killed at any moment, the seed leaves the old
 * graph or the new one, whole. The old file is still opened first, so a
 * running server or a damaged file refuses the seed as before (--reset
 * replaces a damaged file).
 */
async function seedBySwap(config: Config, dirs: StoryDirs, reset: boolean): Promise<SeedResult> {
  const store = config.store;
  if (store.kind !== 'embedded') throw new Error('seedBySwap replaces embedded database files only');
  const file = store.path;
  const next = `${file}.next`;
  removeDatabase(next); // what a killed run left
  try {
    const result = await seedStory({ config: { ...config, store: { ...store, path: next } }, dirs, reset: true, open: openStore });
    if (fs.existsSync(file)) {
      try {
        await (await openStore(store)).close();
      } catch (err) {
        if (!reset || /in use by another process/.test(String((err as Error).message))) throw err;
      }
    }
    for (const leftover of sideFiles(file)) fs.rmSync(leftover, { recursive: true, force: true });
    fs.renameSync(next, file);
    return { ...result, target: `LadybugDB at ${file}` };
  } finally {
    removeDatabase(next);
  }
}

/** The engine's files beside a database: write-ahead log, shadow pages, checkpoint locks. */
function sideFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const isSide = (f: string) => f.startsWith(base) && /^\.(wal|shadow|checkpoint)/.test(f.slice(base.length));
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter(isSide).map((f) => path.join(dir, f)) : [];
}

function removeDatabase(file: string) {
  for (const f of [file, ...sideFiles(file)]) fs.rmSync(f, { recursive: true, force: true });
}

function defaultArticles(data: string): string {
  return path.join(path.dirname(data), 'articles');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof InvalidStory) console.error(`seed: ${err.message}\nNothing was loaded; the database keeps the graph it had.`);
    else console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
