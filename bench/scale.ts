/**
 * npm run bench -- --scale [--sizes 10000,100000,1000000,5000000] [--iterations 100]
 *
 * The same synthetic story at several sizes (relations; a tenth as many
 * entities), one after the other in one run: for each, the load against a
 * bare COPY, and p50/p99 of every raw store call beside its floor (the bare
 * engine statement, bench/floors.ts). Prints a table per operation (figures
 * against graph size) and writes docs/benchmarks-scale.svg (vega-lite,
 * rendered offline). No HTTP here: `npm run bench` measures that at one size.
 *
 * Buffer pools, unless LADYBUG_BUFFER_POOL_MB / LADYBUG_LOAD_BUFFER_POOL_MB
 * say otherwise: the server's defaults up to a million relations; above it
 * a 4 GiB load pool (the default 1 GiB refused the five-million COPY) and a
 * 1 GiB serving pool (the default 256 MiB refused the first search after
 * opening five million, while the warm-up scans ran). Each size's row says
 * which pools it ran with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { LadybugStore } from '../server/store/ladybug/ladybug-store.js';
import { DEFAULT_BUFFER_POOL_MB, DEFAULT_LOAD_BUFFER_POOL_MB } from '../server/store/ladybug/session.js';
import { Floors, type FloorArgs } from './floors.js';
import { random, syntheticStory } from './synthetic.js';
import { bareCopy, interleaved, pct } from './timing.js';

interface Figure {
  relations: number;
  op: string;
  rawP50: number;
  rawP99: number;
  floorP50: number;
}

const OPS: { name: string; raw: (s: GraphStore, a: FloorArgs & { name: string }) => Promise<unknown> }[] = [
  { name: 'entity', raw: (s, a) => s.entity(a.id) },
  { name: 'search', raw: (s, a) => s.search(a.name, { first: 10 }) },
  { name: 'neighbourhood depth 1', raw: (s, a) => s.neighbourhood(a.id, 1, { limit: 500 }) },
  { name: 'neighbourhood depth 2', raw: (s, a) => s.neighbourhood(a.id, 2, { limit: 500 }) },
  { name: 'shortestPath', raw: (s, a) => s.shortestPath(a.from, a.to, 6) },
  { name: 'overview', raw: (s) => s.graph({ limit: 2000 }) },
];

export async function runScale({ sizes, iterations }: { sizes: number[]; iterations: number }): Promise<void> {
  const figures: Figure[] = [];
  const loads: Load[] = [];
  const started = Date.now();
  for (const relations of sizes) {
    const { bufferPoolMb, loadPoolMb } = poolsFor(relations);
    const entities = Math.max(100, Math.round(relations / 10));
    let story: ReturnType<typeof syntheticStory> | null = syntheticStory(entities, relations);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
    try {
      const file = path.join(dir, 'graph.lbug');
      let store = await LadybugStore.open({ path: file, bufferPoolMb: loadPoolMb });
      const loadMs = (await store.load(story)).milliseconds;
      await store.warming(); // the load's warm-up, finished before the bare COPY (bench/api.ts says why)
      const copyMs = await bareCopy(story, path.join(dir, 'copy.lbug'), loadPoolMb);
      loads.push({ relations, loadMs, copyMs, bufferPoolMb, loadPoolMb });
      log(`${relations} relations: load ${Math.round(loadMs)} ms, bare COPY ${Math.round(copyMs)} ms`);
      const rand = random(7);
      const ids = Array.from({ length: iterations }, () => story!.entities[Math.floor(rand() * entities)]!.id);
      const byId = new Map(story.entities.map((e) => [e.id, e]));
      const args = ids.map((id, i) => ({ id, ids: ids.slice(i, i + 10), from: id, to: ids[(i + 1) % ids.length]!, name: byId.get(id)!.name.split(' ').pop()!.slice(0, 5) }));
      story = null; // the next size's story is built while this one's memory is free
      await store.close();
      const floorFile = path.join(dir, 'floor.lbug');
      for (const suffix of ['', '.wal']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, floorFile + suffix);
      store = await LadybugStore.open({ path: file, bufferPoolMb });
      // Timed once warm, as /ready serves it: the index builds and the full-text scan after open take seconds at 5M.
      await store.warming();
      const floors = await Floors.open(floorFile, bufferPoolMb);
      for (const op of OPS) {
        const [raw, floor] = await interleaved(iterations, [(i) => op.raw(store, args[i]!), (i) => floors.run(op.name, args[i]!)]);
        figures.push({ relations, op: op.name, rawP50: pct(raw!, 50), rawP99: pct(raw!, 99), floorP50: pct(floor!, 50) });
        log(`  ${op.name}: raw p50 ${pct(raw!, 50).toFixed(2)} ms, floor p50 ${pct(floor!, 50).toFixed(2)} ms`);
      }
      await floors.close();
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const svg = path.join(PROJECT_ROOT, 'docs', 'benchmarks-scale.svg');
  fs.writeFileSync(svg, await plot(figures));
  console.log(`\n${table(figures, loads, iterations)}\nPlot: ${path.relative(PROJECT_ROOT, svg)}. Whole run: ${Math.round((Date.now() - started) / 1000)} s. Load average at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}.\n`);
}

interface Load {
  relations: number;
  loadMs: number;
  copyMs: number;
  bufferPoolMb: number;
  loadPoolMb: number;
}

/** The pools a size runs with (the header comment says why they grow past a million relations). */
function poolsFor(relations: number): { bufferPoolMb: number; loadPoolMb: number } {
  const big = relations > 1_000_000;
  return {
    bufferPoolMb: Number(process.env.LADYBUG_BUFFER_POOL_MB ?? (big ? 1024 : DEFAULT_BUFFER_POOL_MB)),
    loadPoolMb: Number(process.env.LADYBUG_LOAD_BUFFER_POOL_MB ?? (big ? 4096 : DEFAULT_LOAD_BUFFER_POOL_MB)),
  };
}

function table(figures: Figure[], loads: Load[], iterations: number): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const n = (x: number) => x.toLocaleString('en');
  const lines = [
    `### Scale: ${loads.map((l) => n(l.relations)).join(', ')} relations (a tenth as many entities)`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. ${new Date().toISOString().slice(0, 10)}. ${iterations} samples per operation and size.`,
    '',
    row(['relations', 'GraphStore.load ms', 'bare COPY ms', 'ratio', 'load pool MiB', 'serving pool MiB']),
    row(['---:', '---:', '---:', '---:', '---:', '---:']),
    ...loads.map((l) => row([n(l.relations), Math.round(l.loadMs), Math.round(l.copyMs), (l.loadMs / l.copyMs).toFixed(2), l.loadPoolMb, l.bufferPoolMb])),
  ];
  for (const op of OPS) {
    const mine = figures.filter((f) => f.op === op.name);
    lines.push('', `**${op.name}**`, '', row(['relations', 'raw p50 ms', 'raw p99 ms', 'floor p50 ms', 'raw/floor at p50', 'p50 against the smallest size']), row(['---:', '---:', '---:', '---:', '---:', '---:']));
    for (const f of mine) lines.push(row([n(f.relations), f.rawP50.toFixed(2), f.rawP99.toFixed(2), f.floorP50.toFixed(2), (f.rawP50 / f.floorP50).toFixed(2), (f.rawP50 / mine[0]!.rawP50).toFixed(2)]));
  }
  return lines.join('\n');
}

/** p50 against graph size, both axes logarithmic: the store's line solid, its floor's dashed, one colour per operation. */
async function plot(figures: Figure[]): Promise<string> {
  const vega = await import('vega');
  const vl = await import('vega-lite');
  const values = figures.flatMap((f) => [
    { relations: f.relations, operation: f.op, measured: 'store (raw)', ms: Math.max(0.01, f.rawP50) },
    { relations: f.relations, operation: f.op, measured: 'floor (bare statement)', ms: Math.max(0.01, f.floorP50) },
  ]);
  const spec = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'p50 against graph size (LadybugDB)',
    width: 520,
    height: 320,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'relations', type: 'quantitative', scale: { type: 'log' }, title: 'relations' },
      y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'p50 ms' },
      color: { field: 'operation', type: 'nominal' },
      strokeDash: { field: 'measured', type: 'nominal' },
    },
  }).spec;
  return new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
}

function log(message: string) {
  console.error(`[bench] ${message}`);
}
