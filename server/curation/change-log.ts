/**
 * The change log beside the data (curation/changes.jsonl): one JSON line per
 * change, appended and never rewritten: who, when, what, the revision it
 * made, and the records before and after. The story's revision is the last
 * line's; undo reads the log backwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { StateDiff } from './diff.js';

export interface LogEntry {
  revision: number;
  at: string;
  who: string;
  /** The operation: addArticle, createRelation, ..., undo, restore. */
  op: string;
  /** One line saying what changed. */
  what: string;
  /** The records and texts before and after. */
  diff: StateDiff;
  /** For an undo (or a restore after a failed reload): the revision it took back. */
  undoes?: number;
}

export function logPath(curationDir: string): string {
  return path.join(curationDir, 'changes.jsonl');
}

export function readLog(curationDir: string): LogEntry[] {
  const file = logPath(curationDir);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogEntry];
      } catch {
        return []; // a torn last line: the journal's next run cuts it
      }
    });
}

export function revisionOf(log: readonly LogEntry[]): number {
  return log.at(-1)?.revision ?? 0;
}

/** The newest change not yet taken back, skipping undos and what they undid. */
export function lastUndoable(log: readonly LogEntry[]): LogEntry | undefined {
  const undone = new Set(log.flatMap((e) => (e.undoes === undefined ? [] : [e.undoes])));
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.undoes === undefined && !undone.has(entry.revision)) return entry;
  }
  return undefined;
}
