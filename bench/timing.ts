/** Timing helpers shared by bench/api.ts and bench/scale.ts. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Story } from '../server/domain/types.js';
import { splitStatements, statementsOf } from '../server/store/cypher-files.js';
import { writeStoryCsv } from '../server/store/ladybug/csv.js';
import { storyRecords } from '../server/store/records.js';
import { summarise } from '../server/store/summary.js';

/** The engine's own COPY of the same rows into an empty database: the floor under GraphStore.load. */
export async function bareCopy(story: Story, file: string, bufferPoolMb: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-csv-'));
  const files = writeStoryCsv(storyRecords(story), summarise(story), dir);
  const db = new lbug.Database(file, bufferPoolMb * 2 ** 20, true, false, 2 ** 36);
  const conn = new lbug.Connection(db);
  const cypher = statementsOf('ladybug');
  for (const s of splitStatements(cypher('schema'))) await conn.query(s);
  const t = performance.now();
  for (const [table, csv] of Object.entries(files)) if (fs.statSync(csv).size > 0) await conn.query(cypher(`copy-${table}`).replace('{{file}}', csv));
  const elapsed = performance.now() - t;
  await conn.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return elapsed;
}


/** n samples of each function, alternating: fns[0](i), fns[1](i), ... then i + 1. Sorted durations per function. */
export async function interleaved(n: number, fns: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  for (let i = 0; i < Math.min(20, n); i++) for (const fn of fns) await fn(i); // warm up
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < fns.length; f++) {
      const t = performance.now();
      await fns[f]!(i);
      out[f]!.push(performance.now() - t);
    }
  }
  return out.map((xs) => xs.sort((a, b) => a - b));
}


/** The p-th percentile of sorted samples. */
export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
