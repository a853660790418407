/**
 * What LadybugDB keeps beside a database file, and how a new file replaces
 * an old one. LadybugDB 0.19 writes a COPY's rows into the file only at the
 * checkpoint that ends its commit; a process killed during that checkpoint
 * left the old graph deleted and the new one missing, an empty graph
 * (tests/hardening-faults.test.ts). So a whole new graph is built in a new
 * file beside the old one (`<file>.next`), closed cleanly, and one rename
 * swaps it in: killed at any moment, the old graph or the new one is left,
 * whole.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file a replacement is built in, beside the database. */
export function nextFileOf(file: string): string {
  return `${file}.next`;
}

/** The engine's files beside a database: write-ahead log, shadow pages, checkpoint locks. */
export function sideFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const isSide = (f: string) => f.startsWith(base) && /^\.(wal|shadow|checkpoint)/.test(f.slice(base.length));
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter(isSide).map((f) => path.join(dir, f)) : [];
}

/** Removes a database file and its side files (what a killed build left, or a damaged file being reset). */
export function removeDatabase(file: string): void {
  for (const f of [file, ...sideFiles(file)]) fs.rmSync(f, { recursive: true, force: true });
}

/** Moves the closed database `next` over the closed database `file`, in one rename. */
export function swapIn(next: string, file: string): void {
  for (const leftover of sideFiles(file)) fs.rmSync(leftover, { recursive: true, force: true });
  fs.renameSync(next, file);
}
