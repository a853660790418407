/**
 * The fault cases, each a function over the real programs in child
 * processes, returning what happened for a report or a test to judge:
 * - a load (npm run seed, or the store's own in place) killed with SIGKILL
 *   in the middle, then run again;
 * - a database file that is locked by another process, or damaged;
 * - the port already taken;
 * - the server stopped (SIGTERM or SIGKILL) under load and started again.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Story } from '../../server/domain/types.js';
import type { StoryDirs } from '../../server/domain/story/read-story.js';
import type { GraphCounts } from './graph-counts.js';
import { graphFingerprint, HEADERS, postGraphQL, type GraphPrint, type MixRequest } from './mix.js';
import { send } from './send.js';

const encoder = new TextEncoder();
import { hasStackTrace, run, runToEnd, sleep, startServer, type Finished } from './processes.js';

export type { GraphCounts };

export interface Workspace {
  dir: string;
  /** A database seeded from seed/data by the real seed, closed cleanly: the "old graph". */
  baseDb: string;
  old: GraphCounts;
}

/** A temporary folder with a freshly seeded database in it. */
export async function prepareWorkspace(prefix = 'stress-'): Promise<Workspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const baseDb = path.join(dir, 'base.lbug');
  const seeded = await runToEnd('seed/seed.ts', ['--db', baseDb]);
  if (seeded.code !== 0) throw new Error(`the seed failed:\n${seeded.stderr}`);
  return { dir, baseDb, old: await countGraph(baseDb) };
}

let copies = 0;
/** A fresh copy of the base database, under a new name in the workspace. */
export function copyOfBase(ws: Workspace, name = 'copy'): string {
  const file = path.join(ws.dir, `${name}-${++copies}.lbug`);
  fs.copyFileSync(ws.baseDb, file);
  return file;
}

/** Rows counted in the file by a separate process (an engine crash is reported, not suffered). */
export async function countGraph(dbPath: string): Promise<GraphCounts> {
  const end = await runToEnd('scripts/stress/graph-counts.ts', [dbPath], {}, 120_000);
  if (end.code !== 0) throw new Error(`could not read ${dbPath} (${end.signal ?? `exit ${end.code}`}): ${end.stderr.trim().split('\n')[0]}`);
  return JSON.parse(end.stdout.trim().split('\n').pop()!) as GraphCounts;
}

/** What a file holding exactly this story counts: the "new graph" of a kill. */
export function countsOf(story: Story): GraphCounts {
  const summary = { entities: story.entities.length, relations: story.relations.length, articles: story.articles.length };
  return { ...summary, mentions: story.mentions.length, summary };
}

export type Verdict = 'old' | 'new' | 'mixed' | 'unreadable';

export function verdictOf(found: GraphCounts | null, old: GraphCounts, next: GraphCounts): Verdict {
  if (!found) return 'unreadable';
  const same = (a: GraphCounts, b: GraphCounts) =>
    a.entities === b.entities && a.relations === b.relations && a.articles === b.articles && a.mentions === b.mentions && JSON.stringify(a.summary) === JSON.stringify(b.summary);
  return same(found, old) ? 'old' : same(found, next) ? 'new' : 'mixed';
}

// ---------------------------------------------------------------- SIGKILL during a load

/**
 * When to kill: inside the load transaction, during the checkpoint that ends its commit, just after
 * npm run seed renamed the new file in (before it exits), or after a delay.
 */
export type KillMoment = 'transaction' | 'checkpoint' | 'swapped' | { afterMs: number };

/** Who loads: `npm run seed` (a new file, renamed over the old), or GraphStore.load in place (the server's reload). */
export type Loader = 'seed' | 'in-place';

export interface KillResult {
  loader: Loader;
  moment: string;
  /** What the files showed when the kill was sent. */
  observed: 'before-load' | 'load-transaction' | 'checkpoint' | 'swapped' | 'loader-had-ended';
  killedAfterMs: number;
  found: GraphCounts | null;
  readError?: string;
  verdict: Verdict;
  /** The same load run again to its end over the same file (unless asked not to). */
  rerun: { code: number | null; verdict: Verdict; stderr: string } | null;
  /** The database file (removed afterwards unless `keep`). */
  db: string;
}

/**
 * Loads `story` over a copy of the base database and SIGKILLs the loader at
 * the moment asked. The load's CSV files are written to a private TMPDIR, so the
 * folder tells when the load's transaction started (its first file); the engine's checkpoint files (.shadow,
 * .wal.checkpoint) tell when the commit is being written into a database file.
 */
export async function killLoadMidway(
  ws: Workspace,
  story: StoryDirs,
  next: GraphCounts,
  moment: KillMoment,
  { loader = 'seed', rerun: again = true, keep = false }: { loader?: Loader; rerun?: boolean; keep?: boolean } = {},
): Promise<KillResult> {
  const db = copyOfBase(ws, `killed-${loader}`);
  const tmp = fs.mkdtempSync(path.join(ws.dir, 'load-tmp-'));
  const command = (): [string, string[]] =>
    loader === 'seed' ? ['seed/seed.ts', ['--db', db, '--data', story.data, '--articles', story.articles]] : ['scripts/stress/load-in-place.ts', [db, story.data, story.articles]];
  const loading = run(...command(), { TMPDIR: tmp });
  const started = performance.now();
  // LadybugDB writes each table's file inside its transaction, the next while the COPY before it runs: any file means the transaction is open.
  const csvIn = (dir: string) => {
    try {
      return fs.readdirSync(dir).some((file) => file.endsWith('.csv'));
    } catch {
      return false; // removed as the load ended
    }
  };
  const loadStarted = () => fs.readdirSync(tmp).some((f) => f.startsWith('story-load-') && csvIn(path.join(tmp, f)));
  // The file itself, or any file the seed builds beside it (db.next): the engine's checkpoint files show.
  const checkpointing = () => fs.readdirSync(ws.dir).some((f) => f.startsWith(`${path.basename(db)}.`) && /\.(shadow|wal\.checkpoint)$/.test(f));
  let loadSeenAt: number | null = null;
  let nextSeen = false;
  const swapped = () => nextSeen && !fs.existsSync(`${db}.next`);
  const ended = () => loading.child.exitCode !== null || loading.child.signalCode !== null;
  for (;;) {
    if (ended()) break;
    const now = performance.now();
    if (loadSeenAt === null && loadStarted()) loadSeenAt = now;
    nextSeen ||= fs.existsSync(`${db}.next`);
    if (typeof moment === 'object') {
      if (now - started >= moment.afterMs) break;
    } else if (moment === 'checkpoint' ? checkpointing() : moment === 'swapped' ? swapped() : loadSeenAt !== null && now - loadSeenAt >= 150) {
      break;
    }
    await sleep(moment === 'swapped' ? 0 : 2);
  }
  const observed: KillResult['observed'] = ended() ? 'loader-had-ended' : swapped() ? 'swapped' : checkpointing() ? 'checkpoint' : loadStarted() ? 'load-transaction' : 'before-load';
  const killedAfterMs = performance.now() - started;
  loading.child.kill('SIGKILL');
  await loading.finished;

  let found: GraphCounts | null = null;
  let readError: string | undefined;
  try {
    found = await countGraph(db);
  } catch (err) {
    readError = (err as Error).message;
  }
  let rerun: KillResult['rerun'] | null = null;
  if (again) {
    const end = await runToEnd(...command(), { TMPDIR: tmp });
    let counts: GraphCounts | null = null;
    try {
      counts = await countGraph(db);
    } catch {
      // reported as unreadable
    }
    rerun = { code: end.code, verdict: verdictOf(counts, ws.old, next), stderr: end.stderr };
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!keep) removeDb(db);
  return {
    loader,
    moment: typeof moment === 'object' ? `after ${moment.afterMs} ms` : moment,
    observed,
    killedAfterMs,
    found,
    readError,
    verdict: verdictOf(found, ws.old, next),
    rerun,
    db,
  };
}

// ---------------------------------------------------------------- refusals that must read well

export interface Refusal {
  who: 'server' | 'seed';
  code: number | null;
  /** What the user sees on the terminal (stderr, trimmed). */
  message: string;
  stackTrace: boolean;
}

function refusal(who: Refusal['who'], end: Finished): Refusal {
  return { who, code: end.code, message: end.stderr.trim(), stackTrace: hasStackTrace(end.stderr) || hasStackTrace(end.stdout) };
}

/** A server holds the database; a second server and the seed try to open it. */
export async function lockedDatabase(ws: Workspace): Promise<Refusal[]> {
  const db = copyOfBase(ws, 'locked');
  const holder = await startServer({ dbPath: db });
  try {
    const [server, seed] = await Promise.all([
      runToEnd('server/main.ts', [], { PORT: '0', HOST: '127.0.0.1', DB_PATH: db, NODE_ENV: 'production' }, 60_000),
      runToEnd('seed/seed.ts', ['--db', db], {}, 60_000),
    ]);
    return [refusal('server', server), refusal('seed', seed)];
  } finally {
    await holder.stop();
    removeDb(db);
  }
}

export type Damage = 'garbage' | 'truncated' | 'text';

/** A damaged database file: the server and the seed refuse it with a message, and `seed --reset` rebuilds it. */
export async function damagedDatabase(ws: Workspace, damage: Damage): Promise<{ damage: Damage; refusals: Refusal[]; reset: Finished }> {
  const db = path.join(ws.dir, `damaged-${damage}-${++copies}.lbug`);
  const base = fs.readFileSync(ws.baseDb);
  if (damage === 'garbage') fs.writeFileSync(db, pseudoRandomBytes(base.length, 7));
  else if (damage === 'truncated') fs.writeFileSync(db, base.subarray(0, Math.floor(base.length / 3)));
  else fs.writeFileSync(db, 'This is not a graph database.\n');
  const [server, seed] = await Promise.all([
    runToEnd('server/main.ts', [], { PORT: '0', HOST: '127.0.0.1', DB_PATH: db, NODE_ENV: 'production' }, 60_000),
    runToEnd('seed/seed.ts', ['--db', db], {}, 60_000),
  ]);
  const reset = await runToEnd('seed/seed.ts', ['--db', db, '--reset'], {}, 60_000);
  removeDb(db);
  return { damage, refusals: [refusal('server', server), refusal('seed', seed)], reset };
}

/** Another process listens on the port the server is told to use. */
export async function portInUse(ws: Workspace): Promise<Refusal & { port: number }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const db = copyOfBase(ws, 'port');
  try {
    const end = await runToEnd('server/main.ts', [], { PORT: String(port), HOST: '127.0.0.1', DB_PATH: db, NODE_ENV: 'production' }, 60_000);
    return { ...refusal('server', end), port };
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
    removeDb(db);
  }
}

// ---------------------------------------------------------------- restart under load

export interface RestartResult {
  signal: NodeJS.Signals;
  before: GraphPrint;
  after: GraphPrint;
  sameGraph: boolean;
  /** Requests answered correctly before the stop and after the restart. */
  answered: number;
  /** Requests refused while the server was down: expected. */
  unanswered: number;
  /**
   * Connections reset instead of answered: under SIGKILL, every request in flight; under SIGTERM only
   * connections still in the listen backlog when it closed (requests already read are answered first).
   */
  reset: number;
  /** Answers that differed from the reference answer, or 5xx: must be 0. */
  wrong: number;
  downMs: number;
  exit: { code: number | null; signal: NodeJS.Signals | null; stderr: string };
}

/**
 * Four clients send the real mix without pause; the server is stopped with
 * `signal` mid-stream and started again on the same port and file. Every
 * answer must equal the reference answer taken before the load.
 */
export async function restartUnderLoad(ws: Workspace, mix: MixRequest[], signal: NodeJS.Signals, { loadMs = 1500 } = {}): Promise<RestartResult> {
  const db = copyOfBase(ws, `restart-${signal}`);
  let server = await startServer({ dbPath: db });
  const port = server.port;
  const url = server.url;
  try {
    const before = await graphFingerprint(url);
    const reference = new Map<string, string>();
    for (const m of new Set(mix.map((x) => x.body))) {
      const res = await postGraphQL(url, m);
      if (res.status !== 200) throw new Error(`reference answer failed (${res.status}): ${res.text.slice(0, 200)}`);
      reference.set(m, res.text);
    }
    let running = true;
    let answered = 0;
    let unanswered = 0;
    let wrong = 0;
    let reset = 0;
    // A new connection for every request, so that a refusal while down and a reset tell apart (a
    // keep-alive connection closed by the stopping server between two requests would blur them).
    const client = async (offset: number) => {
      for (let i = offset; running; i++) {
        const body = mix[i % mix.length]!.body;
        const res = await send(url, { family: 'valid', method: 'POST', path: '/graphql', headers: HEADERS, body: encoder.encode(body) }, { timeoutMs: 10_000 });
        if (res.status === 200 && res.body === reference.get(body)) answered++;
        else if (res.status > 0) wrong++;
        else if (/ECONNREFUSED/.test(res.error ?? '')) unanswered++;
        else reset++;
        if (res.status <= 0) await sleep(20);
      }
    };
    const clients = [0, 1, 2, 3].map((k) => client(k * 97));
    await sleep(loadMs);
    const downAt = performance.now();
    const exit = await server.stop(signal);
    server = await startServer({ dbPath: db, port });
    const downMs = performance.now() - downAt;
    await sleep(loadMs);
    running = false;
    await Promise.all(clients);
    const after = await graphFingerprint(url);
    return { signal, before, after, sameGraph: before.hash === after.hash, answered, unanswered, reset, wrong, downMs, exit: { code: exit.code, signal: exit.signal, stderr: exit.stderr } };
  } finally {
    await server.stop();
    removeDb(db);
  }
}

// ---------------------------------------------------------------- helpers

export function removeDb(file: string) {
  for (const f of fs.readdirSync(path.dirname(file))) {
    if (f === path.basename(file) || f.startsWith(`${path.basename(file)}.`)) fs.rmSync(path.join(path.dirname(file), f), { recursive: true, force: true });
  }
}

function pseudoRandomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
