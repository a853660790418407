/**
 * All-or-nothing writes across several files. Each new file is written beside
 * its target as a temporary file and fsynced; then one journal naming every
 * rename, delete and the change-log line is written and renamed into place
 * (the commit point); then the renames run and the journal goes. A process
 * killed before the commit point leaves the old files (the temporary ones are
 * swept on the next open); killed after it, the next open finishes the
 * renames from the journal. Either way: the files as before, or as after.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FileWrite {
  path: string;
  /** New content; null deletes the file. */
  content: string | null;
}

interface Journal {
  steps: { path: string; temp: string | null }[];
  /** The change-log line this save adds; null for a save outside the story (the review queue). */
  log: { path: string; revision: number; line: string } | null;
}

const TEMP = '.curating-tmp';
/** The ending of a save's temporary files: what recover sweeps. */
export const TEMP_SUFFIX = TEMP;

export function journalPath(curationDir: string): string {
  return path.join(curationDir, 'journal.json');
}

/** Test hook: a fault test sets CURATION_PAUSE_AT=staged|committed|renaming to stop the process there (it then kills it). */
function pauseAt(stage: string) {
  if (process.env.CURATION_PAUSE_AT === stage) {
    process.stdout.write(`paused:${stage}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
}

export function commitFiles(curationDir: string, writes: readonly FileWrite[], log: Journal['log'] = null): void {
  fs.mkdirSync(curationDir, { recursive: true });
  const steps: Journal['steps'] = [];
  for (const w of writes) {
    fs.mkdirSync(path.dirname(w.path), { recursive: true });
    if (w.content === null) {
      steps.push({ path: w.path, temp: null });
      continue;
    }
    const temp = `${w.path}.${process.pid}${TEMP}`;
    writeSynced(temp, w.content);
    steps.push({ path: w.path, temp });
  }
  for (const dir of new Set(writes.map((w) => path.dirname(w.path)))) syncDir(dir);
  pauseAt('staged');
  const journal = journalPath(curationDir);
  writeSynced(`${journal}${TEMP}`, JSON.stringify({ steps, log } satisfies Journal));
  fs.renameSync(`${journal}${TEMP}`, journal);
  syncDir(curationDir);
  pauseAt('committed');
  finish(curationDir, { steps, log });
}

/** What recover found: a committed save it finished (its files, and the revision of its log line), and temporary files it swept. */
export interface Recovered {
  finished: { files: number; revision: number | null } | null;
  swept: number;
}

/** Finishes a committed journal, or sweeps what an uncommitted save left. Run before every read. */
export function recover(curationDir: string, dirs: readonly string[]): Recovered {
  const journal = journalPath(curationDir);
  let finished: Recovered['finished'] = null;
  if (fs.existsSync(journal)) {
    const committed = JSON.parse(fs.readFileSync(journal, 'utf8')) as Journal;
    finish(curationDir, committed);
    finished = { files: committed.steps.length, revision: committed.log?.revision ?? null };
  }
  let swept = 0;
  for (const dir of [curationDir, ...dirs]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith(TEMP)) continue;
      fs.rmSync(path.join(dir, f), { force: true });
      swept++;
    }
  }
  return { finished, swept };
}

function finish(curationDir: string, journal: Journal) {
  journal.steps.forEach((step, i) => {
    if (step.temp === null) fs.rmSync(step.path, { force: true });
    else if (fs.existsSync(step.temp)) fs.renameSync(step.temp, step.path); // gone: renamed before a kill
    if (i === 0) pauseAt('renaming');
  });
  for (const dir of new Set(journal.steps.map((s) => path.dirname(s.path)))) syncDir(dir);
  if (journal.log) appendLogLine(journal.log);
  fs.rmSync(journalPath(curationDir), { force: true });
  syncDir(curationDir);
}

/** Appends the line unless a finished earlier run did; a torn last line (killed mid-append) is cut first. */
function appendLogLine({ path: file, revision, line }: NonNullable<Journal['log']>) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (text && !text.endsWith('\n')) {
    text = text.slice(0, text.lastIndexOf('\n') + 1);
    fs.truncateSync(file, Buffer.byteLength(text));
  }
  const last = text.trimEnd().split('\n').pop();
  if (last && (JSON.parse(last) as { revision: number }).revision >= revision) return;
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, `${line}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function writeSynced(file: string, content: string) {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
