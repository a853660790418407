/**
 * npx tsx bench/profile-file.ts [relations=1000000] [samples=30] [operation filter]
 *
 * The store calls of bench/scale.ts beside their floors (bench/floors.ts) on
 * one synthetic graph kept between runs in /tmp/bench-profile/ (built on the
 * first run, with the load pool), so a change to a statement can be timed
 * at a million relations without loading again. LADYBUG_BUFFER_POOL_MB sets
 * the serving pool (256 by default).
 */
import fs from 'node:fs';
import { LadybugStore } from '../server/store/ladybug/ladybug-store.js';
import { DEFAULT_BUFFER_POOL_MB, DEFAULT_LOAD_BUFFER_POOL_MB } from '../server/store/ladybug/session.js';
import { Floors } from './floors.js';
import { random, syntheticStory } from './synthetic.js';
import { interleaved, pct } from './timing.js';

const relations = Number(process.argv[2] ?? 1_000_000);
const samples = Number(process.argv[3] ?? 30);
const only = process.argv[4];
const pool = Number(process.env.LADYBUG_BUFFER_POOL_MB ?? DEFAULT_BUFFER_POOL_MB);
const entities = relations / 10;
fs.mkdirSync('/tmp/bench-profile', { recursive: true });
const file = `/tmp/bench-profile/g${relations}.lbug`;
if (!fs.existsSync(file)) {
  const building = await LadybugStore.open({ path: file, bufferPoolMb: DEFAULT_LOAD_BUFFER_POOL_MB });
  console.log(`load ${Math.round((await building.load(syntheticStory(entities, relations))).milliseconds)} ms`);
  await building.close();
  fs.copyFileSync(file, `${file}.floor`);
}
const before = process.memoryUsage();
const store = await LadybugStore.open({ path: file, bufferPoolMb: pool });
// The in-memory indexes build after open: timed apart, so no sample waits for them.
const building = performance.now();
await store.shortestPath('e0', 'e1', 1);
await store.search('e', { first: 1 });
await store.passages('e'); // the full-text index's warm-up scan holds readers while it runs
global.gc?.();
const after = process.memoryUsage();
const mib = (n: number) => (n / 2 ** 20).toFixed(1);
console.log(`indexes ready in ${Math.round(performance.now() - building)} ms; heap +${mib(after.heapUsed - before.heapUsed)} MiB, array buffers +${mib(after.arrayBuffers - before.arrayBuffers)} MiB, rss ${mib(after.rss)} MiB (run with node --expose-gc for settled figures)`);
const floors = await Floors.open(`${file}.floor`, pool);
const rand = random(7);
const ids = Array.from({ length: samples }, () => `e${Math.floor(rand() * entities)}`);
const found = await store.entitiesByIds(ids);
const args = ids.map((id, i) => ({ id, ids: ids.slice(i, i + 10), from: id, to: ids[(i + 1) % samples]!, name: found[i]!.name.split(' ').pop()!.slice(0, 5) }));
const ops: [string, (a: (typeof args)[number]) => Promise<unknown>][] = [
  ['entity', (a) => store.entity(a.id)],
  ['search', (a) => store.search(a.name, { first: 10 })],
  ['neighbourhood depth 1', (a) => store.neighbourhood(a.id, 1, { limit: 500 })],
  ['neighbourhood depth 2', (a) => store.neighbourhood(a.id, 2, { limit: 500 })],
  ['shortestPath', (a) => store.shortestPath(a.from, a.to, 6)],
  ['overview', () => store.graph({ limit: 2000 })],
];
for (const [name, call] of ops) {
  if (only && !name.includes(only)) continue;
  const [raw, floor] = await interleaved(samples, [(i) => call(args[i]!), (i) => floors.run(name, args[i]!)]);
  console.log(`${name.padEnd(24)} raw p50 ${pct(raw!, 50).toFixed(2)} p99 ${pct(raw!, 99).toFixed(2)} floor p50 ${pct(floor!, 50).toFixed(2)} ms`);
}
await floors.close();
await store.close();
