/**
 * Before anything reads a story folder (the seed, npm start, a reload), a save
 * that was interrupted is settled as the journal design says: a committed one
 * (journal.json present) is finished, an uncommitted one is swept (its
 * temporary files deleted, the files stay as before). It runs under the
 * folder lock, so it never sweeps the files of a save another process is
 * making right now: it waits for that save to end instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Conflict } from './errors.js';
import { journalPath, recover, TEMP_SUFFIX, type Recovered } from './journal.js';
import { withFolderLock } from './lock.js';

export interface SettleOptions {
  /** Where the story's data and articles are (the seed's --data and --articles); curation/ sits beside data/. */
  data: string;
  articles: string;
  /** How long to wait for a save another live process is making. @default 15000 */
  waitMs?: number;
}

/** Settles an interrupted save of the story whose data folder is `data`; null when the story has no curation folder. */
export function settleInterruptedSave({ data, articles, waitMs = 15_000 }: SettleOptions): Recovered | null {
  const curation = path.join(path.dirname(path.resolve(data)), 'curation');
  // Nothing left by a save: read on without the lock (a story on a read-only disk still loads).
  if (!leftBySave(curation, [data, articles])) return null;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return withFolderLock(curation, () => recover(curation, [data, articles]));
    } catch (err) {
      if (!(err instanceof Conflict) || Date.now() >= deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // another process is saving: let it finish
    }
  }
}

function leftBySave(curation: string, dirs: string[]): boolean {
  if (!fs.existsSync(curation)) return false;
  if (fs.existsSync(journalPath(curation))) return true;
  return [curation, ...dirs].some((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith(TEMP_SUFFIX)));
}

/** One line for a person: what was settled, or null when there was nothing to do. */
export function describeSettled(r: Recovered | null): string | null {
  if (!r || (!r.finished && r.swept === 0)) return null;
  if (r.finished) return `Finished an interrupted curation save${r.finished.revision === null ? '' : ` (revision ${r.finished.revision})`}: ${r.finished.files} file${r.finished.files === 1 ? '' : 's'} moved into place from its journal.`;
  return `Rolled back an interrupted curation save that had not committed: ${r.swept} temporary file${r.swept === 1 ? '' : 's'} removed, the story is as before it.`;
}
