/**
 * One save at a time per story folder, across processes (the server and the
 * CLI): a lock file made with O_EXCL holding the owner's pid. A lock whose
 * process is gone (killed mid-save) is taken over; a live one answers
 * CONFLICT at once rather than queueing a change made against a revision that
 * is about to be old.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Conflict } from './errors.js';

export function withFolderLock<T>(curationDir: string, work: () => T): T {
  fs.mkdirSync(curationDir, { recursive: true });
  const file = path.join(curationDir, 'lock');
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(file, err);
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (alive(owner)) throw new Conflict(`Another save of this story is under way (process ${owner}). Reload and try again.`);
      fs.rmSync(file, { force: true });
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(file: string, err: unknown): Error {
  if ((err as NodeJS.ErrnoException).code === 'EEXIST') return new Conflict(`Another save of this story is under way (${file}). Reload and try again.`);
  return err as Error;
}
