/**
 * The real programs as child processes, as a user runs them: the server
 * (server/main.ts, what `npm start` runs) and the seed (seed/seed.ts, what
 * `npm run seed` runs). Each is one node process (node --import tsx, not the
 * tsx wrapper), so a signal reaches the program itself and its memory is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Program {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended, however it ended. */
  finished: Promise<Finished>;
}

/** Starts `node --import tsx <script> ...args` in the project folder. */
export function run(script: string, args: string[] = [], env: Record<string, string> = {}): Program {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const finished = new Promise<Finished>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, finished };
}

/** Runs a program to its end (killing it after timeoutMs). */
export async function runToEnd(script: string, args: string[] = [], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Finished> {
  const program = run(script, args, env);
  const timer = setTimeout(() => program.child.kill('SIGKILL'), timeoutMs);
  try {
    return await program.finished;
  } finally {
    clearTimeout(timer);
  }
}

export interface ServerProcess extends Program {
  url: string;
  port: number;
  pid: number;
  /** Resident memory of the server process, in KiB (Linux). */
  rssKb(): number;
  /** SIGTERM (graceful, the default) or SIGKILL, and wait for the end. */
  stop(signal?: NodeJS.Signals): Promise<Finished>;
}

export interface ServerOptions {
  dbPath: string;
  /** 0 picks a free port. */
  port?: number;
  env?: Record<string, string>;
  /** The first start may build the page with Vite. @default 180000 */
  timeoutMs?: number;
}

/** Starts the server and waits until it listens and /ready answers 200. */
export async function startServer({ dbPath, port = 0, env = {}, timeoutMs = 180_000 }: ServerOptions): Promise<ServerProcess> {
  const program = run('server/main.ts', [], { NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: dbPath });
  const deadline = Date.now() + timeoutMs;
  let listening: number | null = null;
  for (;;) {
    const match = /Explorer:\s+http:\/\/[^:]+:(\d+)\//.exec(program.stdout());
    if (match) listening = Number(match[1]);
    if (program.child.exitCode !== null || program.child.signalCode !== null) {
      const end = await program.finished;
      throw new Error(`the server ended before it was ready (${end.signal ?? end.code}):\n${end.stderr.slice(-2000)}`);
    }
    if (listening !== null && (await readyAt(listening))) break;
    if (Date.now() > deadline) {
      program.child.kill('SIGKILL');
      throw new Error(`the server was not ready in ${timeoutMs} ms:\n${program.stdout().slice(-1000)}\n${program.stderr().slice(-1000)}`);
    }
    await sleep(50);
  }
  const pid = program.child.pid!;
  return {
    ...program,
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    pid,
    rssKb: () => statusField(pid, 'VmRSS'),
    async stop(signal = 'SIGTERM') {
      if (program.child.exitCode === null && program.child.signalCode === null) program.child.kill(signal);
      return program.finished;
    },
  };
}

async function readyAt(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function statusField(pid: number, field: string): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The environment without what a test runner or the caller's shell would leak into the program. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(NODE_ENV|PORT|HOST|DB_PATH|GRAPH_STORE|NEO4J_.*|RESPONSE_CACHE.*|RATE_LIMIT_PER_MINUTE|BODY_LIMIT|CORS_ORIGINS|GRAPHIQL|INTROSPECTION|LOG_LEVEL|JEST_WORKER_ID|NODE_OPTIONS)$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A stack trace as node prints one: the thing a user must never see for an expected failure. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(text) || /node:internal|triggerUncaughtException/.test(text);
}
