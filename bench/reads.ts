/**
 * npx tsx bench/reads.ts [--entities 100000 --relations 1000000] [--iterations 50]
 *
 * The raw GraphStore reads of `npm run bench` (entity, search, neighbourhood
 * depth 1 and 2, passages, shortestPath), p50/p95/p99, over the synthetic
 * graph ALREADY LOADED in the engine the environment names (GRAPH_STORE,
 * NEO4J_URI, ... or DB_PATH): for a graph whose load takes many minutes
 * (a million relations on Neo4j), measured once after `npm run bench` or
 * `npm run seed` loaded it. Refuses a stored graph whose counts are not the
 * synthetic story's.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.js';
import { openStore } from '../server/store/open-store.js';
import { random, syntheticStory } from './synthetic.js';

const { values: opts } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    relations: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '50' },
  },
});

async function main() {
  const story = syntheticStory(Number(opts.entities), Number(opts.relations));
  const store = await openStore(readConfig({ ...process.env, NODE_ENV: 'production' }).store);
  const stats = await store.stats();
  if (stats.entities !== story.entities.length || stats.relations !== story.relations.length) {
    throw new Error(`The stored graph has ${stats.entities} entities and ${stats.relations} relations, not the synthetic story's ${story.entities.length} and ${story.relations.length}: load it first (npm run bench -- --engine ...).`);
  }
  const n = Number(opts.iterations);
  const rand = random(7); // the same samples as npm run bench
  const ids = Array.from({ length: n }, () => story.entities[Math.floor(rand() * story.entities.length)]!.id);
  const byId = new Map(story.entities.map((e) => [e.id, e]));
  const names = ids.map((id) => byId.get(id)!.name.split(' ').pop()!.slice(0, 5));
  const ops: [string, (i: number) => Promise<unknown>][] = [
    ['entity', (i) => store.entity(ids[i]!)],
    ['search', (i) => store.search(names[i]!, { first: 10 })],
    ['neighbourhood depth 1', (i) => store.neighbourhood(ids[i]!, 1, { limit: 500 })],
    ['neighbourhood depth 2', (i) => store.neighbourhood(ids[i]!, 2, { limit: 500 })],
    ['shortestPath', (i) => store.shortestPath(ids[i]!, ids[(i + 1) % n]!, 6)],
  ];
  console.log(`| operation (${n} samples, after ${Math.min(5, n)} warm-up) | p50 ms | p95 ms | p99 ms | max ms |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, op] of ops) {
    for (let i = 0; i < Math.min(5, n); i++) await op(i);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await op(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(n - 1, Math.floor((p / 100) * n))]!.toFixed(1);
    console.log(`| ${name} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${times[n - 1]!.toFixed(1)} |`);
  }
  await store.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
