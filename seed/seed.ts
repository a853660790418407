/**
 * npm run seed [-- --data DIR] [--articles DIR] [--reset] [--db FILE]
 *
 * Validates the story, then replaces the graph with it (GraphStore.replaceAll:
 * the embedded database is rebuilt in a new file and moved over the old one
 * by one rename; Neo4j gets a new generation in committed batches, switched
 * to in one small transaction). Invalid input loads
 * nothing and leaves the graph as it was.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, readConfig } from '../server/config.js';
import { InvalidStory } from '../server/domain/errors.js';
import { openStore } from '../server/store/open-store.js';
import { formatSummary } from '../server/domain/story/summary.js';
import { seedStory } from './load.js';

const HELP = `Usage: npm run seed -- [options]

Validates the curated story and loads it into the graph database, replacing
what was there all at once: readers see the old graph or the new one, never
part of either (an invalid story loads nothing).

Options:
  --data DIR       folder of *.json data files      (default seed/data)
  --articles DIR   folder of *.txt source articles  (default: DIR/../articles, else seed/articles)
  --db FILE        embedded database file           (default DB_PATH or .data/graph.lbug)
  --reset          rebuild the embedded database file even when it is damaged
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
  const result = await seedStory({ config, dirs: { data, articles }, reset: values.reset, checkOnly: values.check, open: openStore });
  if (result.settled) console.log(result.settled);
  console.log(formatSummary(result));
  return 0;
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
