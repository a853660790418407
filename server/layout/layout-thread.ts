/**
 * Force layouts off the server's thread: one worker thread, started on the
 * first layout, runs them one after another (layout-worker.ts). The worker
 * does not keep the process alive, and a crashed worker is replaced on the
 * next layout.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LayoutEdge, LayoutNode, Position } from './force-layout.js';

type Pending = { resolve: (p: Position[]) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function start(): Worker {
  const here = import.meta.url;
  let w: Worker;
  if (here.endsWith('.ts')) {
    // Run from the TypeScript sources (tests, tsx): the worker compiles them with tsx, as the main thread does.
    // tsx's ESM entry, by its package's exports (resolving from here would give the CommonJS one).
    const pkgFile = createRequire(here).resolve('tsx/package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    const tsx = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
    const file = new URL('./layout-worker.ts', here).href;
    w = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`, { eval: true });
  } else w = new Worker(new URL('./layout-worker.js', here));
  w.on('message', (m: { id: number; positions?: Position[]; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if (m.positions) p.resolve(m.positions);
    else p.reject(new Error(`The layout failed: ${m.error}`));
  });
  const fail = (err: Error) => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`The layout thread stopped (exit code ${code}).`)));
  // After the listeners: adding a 'message' listener refs the worker again.
  w.unref();
  return w;
}

/** Starts the layout thread now (it loads Cytoscape and fcose), so the first reader's layout does not wait for that. */
export function startLayoutThread(): void {
  worker ??= start();
}

/** Lays these nodes out on the layout thread (force-layout.ts). */
export function layoutOffThread(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], scale: number, { draft = false } = {}): Promise<Position[]> {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  return new Promise<Position[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({
      id,
      nodes: nodes.map((n) => ({ id: n.id, name: n.name, degree: n.degree })),
      edges: edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
      scale,
      draft,
    });
  });
}
