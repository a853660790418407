/**
 * npm run stress [-- options]
 *
 * Hardening, measured. Starts the real server (server/main.ts, as npm start
 * does) on a free port over a copy of a database seeded by the real seed, and
 * runs three parts, printing one line of figures per part at the end:
 *
 *  fuzz    generated hostile requests against /graphql (scripts/stress/fuzz.ts):
 *          requests sent, 5xx, crashes, leaks, slowest; then a known query.
 *  load    autocannon over the page's real queries (search, neighbourhood,
 *          path, ask) at several concurrency levels, twice: req/s, p50/p99,
 *          errors and non-2xx, the server's memory before and after each round.
 *  faults  loads killed with SIGKILL midway (then run again), a locked or
 *          damaged database, a taken port, the server stopped under load.
 *
 * Options (defaults keep a run under ten minutes on two cores):
 *   --fuzz N            hostile requests                       (10000)
 *   --seed N            fuzz seed                              (1)
 *   --concurrency N     fuzz requests in flight                (4)
 *   --connections LIST  load concurrency levels                (1,10,50)
 *   --duration S        seconds per load level                 (10)
 *   --rounds N          rounds over the levels                 (2)
 *   --cache             load with the response cache on (default off: every request reaches the database)
 *   --soak MIN          then hold the top level for MIN minutes, sampling memory (0)
 *   --kills N           SIGKILLs of npm run seed midway        (8)
 *   --only LIST         run some parts: fuzz,load,faults
 * Exit code 0 when every target holds: 0 crashes, 0 5xx, 0 leaks, 0 errors
 * or non-2xx under load, 0 lost or mixed graphs.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bytes } from '../server/app.js';
import { PROJECT_ROOT, readConfig } from '../server/config.js';
import { syntheticStory } from '../bench/synthetic.js';
import { readStory } from '../server/domain/story/read-story.js';
import { FAMILIES, fuzzRequests, judge, type FuzzRequest, type Problem } from './stress/fuzz.js';
import {
  copyOfBase,
  countGraph,
  countsOf,
  damagedDatabase,
  killLoadMidway,
  lockedDatabase,
  portInUse,
  prepareWorkspace,
  removeDb,
  restartUnderLoad,
  verdictOf,
  type GraphCounts,
  type KillMoment,
  type KillResult,
  type Refusal,
  type Workspace,
} from './stress/faults.js';
import { graphFingerprint, HEADERS, postGraphQL, query, realQueries } from './stress/mix.js';
import { runToEnd, sleep, startServer, type ServerProcess } from './stress/processes.js';
import { pool, send } from './stress/send.js';
import { writeStoryFolder } from './stress/story.js';
import { SEED_STORY, seedTarget } from './stress/target.js';

const { values: opts } = parseArgs({
  options: {
    fuzz: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    connections: { type: 'string', default: '1,10,50' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    cache: { type: 'boolean', default: false },
    soak: { type: 'string', default: '0' },
    kills: { type: 'string', default: '8' },
    only: { type: 'string', default: 'fuzz,load,faults' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (opts.help) {
  console.log(`Usage: npm run stress -- [options]   (about 4 minutes with the defaults)

  --fuzz N            generated hostile requests               (default 10000)
  --seed N            seed of the generator                    (default 1)
  --concurrency N     fuzz requests in flight                  (default 4)
  --connections LIST  autocannon concurrency levels            (default 1,10,50)
  --duration S        seconds per load level                   (default 10)
  --rounds N          load rounds, to see a memory trend       (default 2)
  --cache             load with the response cache on          (default off)
  --soak MIN          then hold the top level for MIN minutes  (default 0)
  --kills N           seeds killed with SIGKILL mid-load       (default 8)
  --only PARTS        any of fuzz,load,faults                  (default all)`);
  process.exit(0);
}
const parts = new Set(opts.only.split(',').map((s) => s.trim()));
const failures: string[] = [];
const lines: string[] = [];

async function main() {
  const started = Date.now();
  log(`preparing: seeding a database with npm run seed ...`);
  const ws = await prepareWorkspace('stress-');
  try {
    if (parts.has('fuzz')) lines.push(await fuzzPart(ws));
    if (parts.has('load')) lines.push(await loadPart(ws));
    if (parts.has('faults')) lines.push(await faultsPart(ws));
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
  const cpu = os.cpus();
  console.log('');
  console.log(`== npm run stress, ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${Math.round((Date.now() - started) / 1000)} s ==`);
  for (const line of lines) console.log(line);
  console.log(failures.length ? `verdict FAIL: ${failures.join('; ')}` : 'verdict PASS: 0 crashes, 0 5xx, 0 leaks, 0 load errors, 0 lost or mixed graphs');
  process.exitCode = failures.length ? 1 : 0;
}

// ---------------------------------------------------------------- fuzz

async function fuzzPart(ws: Workspace): Promise<string> {
  const count = Number(opts.fuzz);
  const seed = Number(opts.seed);
  const db = copyOfBase(ws, 'fuzz');
  // Development mode: the widest surface (GraphiQL, introspection) and the mode that used to leak stack traces.
  const env = { NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  let server = await startServer({ dbPath: db, env });
  const bodyLimit = bytes(readConfig({}).bodyLimit);
  const target = seedTarget(bodyLimit);
  const before = await graphFingerprint(server.url);
  log(`fuzz: ${count} requests, seed ${seed}, ${opts.concurrency} at a time, against ${server.url} (NODE_ENV=development)`);

  const problems = new Map<Problem, number>();
  const statuses = new Map<string, Map<number, number>>();
  const inFlight = new Set<FuzzRequest>();
  const crashes: string[] = [];
  let slowest = { ms: 0, family: '' };
  let largest = { size: 0, family: '' };
  let sent = 0;
  let maskedLogged = 0;
  let restarting: Promise<void> | null = null;
  let agent = new http.Agent({ keepAlive: true, maxSockets: Number(opts.concurrency) });

  const crashed = () => server.child.exitCode !== null || server.child.signalCode !== null;
  const restart = async () => {
    const end = await server.finished;
    const file = path.join(os.tmpdir(), `stress-crash-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify([...inFlight].map((r) => ({ ...r, body: Buffer.from(r.body ?? []).toString('base64') })), null, 1));
    crashes.push(`${end.signal ?? `exit ${end.code}`} (requests in flight saved to ${file})`);
    log(`fuzz: THE SERVER DIED (${end.signal ?? end.code}); in-flight requests saved to ${file}; restarting`);
    maskedLogged += countMasked(end.stderr);
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: Number(opts.concurrency) });
    server = await startServer({ dbPath: db, env });
  };

  await pool(fuzzRequests(target, { seed, count }), Number(opts.concurrency), async (request, i) => {
    if (restarting) await restarting;
    inFlight.add(request);
    const answer = await send(server.url, request, { agent, timeoutMs: 30_000 });
    inFlight.delete(request);
    sent++;
    if (answer.status <= 0 && crashed()) {
      restarting ??= restart().finally(() => (restarting = null));
      await restarting;
    }
    const byStatus = statuses.get(request.family) ?? new Map<number, number>();
    byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    statuses.set(request.family, byStatus);
    if (answer.ms > slowest.ms) slowest = { ms: answer.ms, family: request.family };
    if (answer.size > largest.size) largest = { size: answer.size, family: request.family };
    for (const p of judge(request, answer, { root: PROJECT_ROOT, bodyLimit })) {
      problems.set(p, (problems.get(p) ?? 0) + 1);
      if ((problems.get(p) ?? 0) <= 3) log(`fuzz: ${p} on #${i} ${request.family} ${request.method} ${request.path.slice(0, 60)} -> ${answer.status} ${(answer.error ?? answer.body).slice(0, 200)}`);
    }
    if (sent % 2000 === 0) log(`fuzz: ${sent} sent`);
  });
  agent.destroy();

  // Not a failure but a figure: how much a small valid query can make the server build (docs/security.md).
  // Sent 8 at once, as a handful of attackers would: each must be refused in <= 100 ms and <= 50 MiB (docs/security.md).
  const PROBES = 8;
  const rssBeforeProbe = server.rssKb();
  const probes = await Promise.all(Array.from({ length: PROBES }, () => send(server.url, AMPLIFICATION, { timeoutMs: 120_000, keepBytes: 0 })));
  const rssAfterProbe = server.rssKb();
  const amplification = probes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const probeMiB = Math.max(0, rssAfterProbe - rssBeforeProbe) / 1024 / PROBES;
  log(
    `fuzz: amplification probe ×${PROBES} at once: ${AMPLIFICATION.body!.length} bytes asked, ${amplification.size} bytes answered (${[...new Set(probes.map((p) => p.status))].join(', ')}); ` +
      `slowest ${Math.round(amplification.ms)} ms; server RSS ${mib(rssBeforeProbe)} -> ${mib(rssAfterProbe)} MiB (${probeMiB.toFixed(1)} MiB per probe)`,
  );
  if (amplification.ms > 100 || probeMiB > 50) failures.push(`fuzz: the amplification probe cost ${Math.round(amplification.ms)} ms and ${probeMiB.toFixed(1)} MiB (at most 100 ms and 50 MiB)`);

  const after = await graphFingerprint(server.url);
  const known = await query(server.url, '{ entity(id: "ihar-losik") { name kind } }');
  const knownRight = known.entity?.name === 'Ihar Losik' && known.entity?.kind === 'PERSON';
  const sameGraph = after.hash === before.hash;
  const end = await server.stop();
  maskedLogged += countMasked(end.stderr);
  removeDb(db);

  log('fuzz: statuses by family');
  for (const family of FAMILIES) log(`  ${family.padEnd(16)} ${[...(statuses.get(family) ?? new Map())].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  const n = (p: Problem) => problems.get(p) ?? 0;
  const fivexx = n('5xx');
  if (crashes.length) failures.push(`fuzz: ${crashes.length} crash(es): ${crashes.join(', ')}`);
  if (fivexx) failures.push(`fuzz: ${fivexx} 5xx`);
  if (n('stack-trace') + n('internal-path')) failures.push('fuzz: stack traces or internal paths in responses');
  if (n('unexpected-error') + maskedLogged) failures.push(`fuzz: ${n('unexpected-error')} masked "Unexpected error." answers, ${maskedLogged} logged`);
  if (n('no-answer')) failures.push(`fuzz: ${n('no-answer')} requests got no answer`);
  if (!sameGraph || !knownRight) failures.push('fuzz: the graph or the known query changed');
  return (
    `fuzz   ${sent} requests (seed ${seed}, ${FAMILIES.length} families, NODE_ENV=development) | 5xx ${fivexx} | crashes ${crashes.length} | ` +
    `stack traces ${n('stack-trace')} | internal paths ${n('internal-path')} | masked errors ${n('unexpected-error')} | no answer ${n('no-answer')} | ` +
    `slowest ${Math.round(slowest.ms)} ms (${slowest.family}) | largest answer ${(largest.size / 2 ** 20).toFixed(1)} MiB (${largest.family}) | ` +
    `afterwards: ${sameGraph ? 'same graph' : 'GRAPH CHANGED'}, known query ${knownRight ? 'right' : 'WRONG'} | ` +
    `amplification probe: ${(AMPLIFICATION.body!.length / 1024).toFixed(1)} KiB query → ${amplification.size} B answer (${amplification.status}) in ${Math.round(amplification.ms)} ms, ${probeMiB.toFixed(1)} MiB server memory each (×${PROBES} at once)`
  );
}

/** A valid, small query whose answer is huge: nested lists without a bound, times 15 aliases. */
const AMPLIFICATION: FuzzRequest = {
  family: 'alias-flood',
  method: 'POST',
  path: '/graphql',
  headers: HEADERS,
  body: new TextEncoder().encode(
    JSON.stringify({ query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: articles { entities { mentionedIn { text } relations { evidence { article { text } } } } }`).join(' ')} }` }),
  ),
};

/** Lines the server logs for an error it masked as "Unexpected error.": each is a bug. */
function countMasked(stderr: string): number {
  return (stderr.match(/\[server\] unexpected error/g) ?? []).length;
}

// ---------------------------------------------------------------- load

async function loadPart(ws: Workspace): Promise<string> {
  const levels = opts.connections.split(',').map(Number);
  const duration = Number(opts.duration);
  const rounds = Number(opts.rounds);
  const db = copyOfBase(ws, 'load');
  const server = await startServer({ dbPath: db, env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', RESPONSE_CACHE: opts.cache ? 'true' : 'false' } });
  const mix = realQueries(readStory(SEED_STORY), 400);
  for (const body of new Set(mix.map((m) => m.body))) {
    const res = await postGraphQL(server.url, body);
    if (res.status !== 200 || res.text.includes('"errors"')) throw new Error(`a query of the mix fails (${res.status}): ${res.text.slice(0, 300)}\n${body}`);
  }
  const requests = mix.map((m) => ({ method: 'POST' as const, path: '/graphql', headers: HEADERS, body: m.body }));
  const cannon = (connections: number, seconds: number) => autocannon({ url: server.url, connections, duration: seconds, requests, timeout: 30 });

  log(`load: warming up (3 s), then ${rounds} round(s) of ${levels.join(', ')} connections × ${duration} s, response cache ${opts.cache ? 'on' : 'off'}`);
  await cannon(4, 3);
  const memory: number[] = [await settledRss(server)];
  const results = new Map<number, autocannon.Result>();
  let errors = 0;
  let non2xx = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const c of levels) {
      const r = await cannon(c, duration);
      errors += r.errors + r.timeouts;
      non2xx += r.non2xx;
      results.set(c, r);
      log(`load: round ${round}, ${c} connections: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, RSS ${mib(server.rssKb())} MiB`);
    }
    memory.push(await settledRss(server));
  }

  let soak = '';
  const soakMinutes = Number(opts.soak);
  if (soakMinutes > 0) {
    const top = Math.max(...levels);
    const samples: [number, number][] = [];
    const t0 = Date.now();
    const timer = setInterval(() => samples.push([(Date.now() - t0) / 60_000, server.rssKb()]), 10_000);
    log(`load: soak, ${top} connections for ${soakMinutes} min`);
    const r = await cannon(top, Math.round(soakMinutes * 60));
    clearInterval(timer);
    errors += r.errors + r.timeouts;
    non2xx += r.non2xx;
    const half = samples.slice(Math.floor(samples.length / 2));
    soak = ` | soak ${soakMinutes} min at ${top}: ${Math.round(r.requests.average)} req/s, RSS ${mib(samples[0]?.[1] ?? 0)} → ${mib(samples.at(-1)?.[1] ?? 0)} MiB (max ${mib(Math.max(...samples.map((s) => s[1])))}), second-half slope ${slope(half).toFixed(1)} MiB/min`;
  }

  const end = await server.stop();
  removeDb(db);
  if (errors || non2xx) failures.push(`load: ${errors} errors, ${non2xx} non-2xx`);
  if (end.code !== 0) failures.push(`load: the server ended with ${end.signal ?? end.code}`);
  const perLevel = levels.map((c) => {
    const r = results.get(c)!;
    return `c=${c} ${Math.round(r.requests.average)} req/s p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms`;
  });
  return (
    `load   mix of search/neighbourhood/path/ask (${mix.length} requests), cache ${opts.cache ? 'on' : 'off'}, ${duration} s per level, last of ${rounds} rounds | ${perLevel.join(' | ')} | ` +
    `errors ${errors} non-2xx ${non2xx} | server RSS MiB at rest: before ${mib(memory[0]!)}, after each round ${memory.slice(1).map(mib).join(', ')}${soak}`
  );
}

/** Resident memory once the load has stopped: the lowest of a few samples over two seconds (GC settles). */
async function settledRss(server: ServerProcess): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(400);
    samples.push(server.rssKb());
  }
  return Math.min(...samples);
}

function mib(kb: number): string {
  return (kb / 1024).toFixed(0);
}

/** Least-squares slope of [minutes, KiB] samples, in MiB per minute. */
function slope(samples: [number, number][]): number {
  if (samples.length < 2) return 0;
  const mx = samples.reduce((s, [x]) => s + x, 0) / samples.length;
  const my = samples.reduce((s, [, y]) => s + y, 0) / samples.length;
  const num = samples.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = samples.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den / 1024 : 0;
}

// ---------------------------------------------------------------- faults

async function faultsPart(ws: Workspace): Promise<string> {
  const out: string[] = [];
  const story = writeStoryFolder(path.join(ws.dir, 'big-story'), syntheticStory(20_000, 150_000));
  const next: GraphCounts = countsOf(readStory(story));

  // How long an uninterrupted seed of the big story takes: random kills land anywhere in it.
  const timing = copyOfBase(ws, 'timing');
  const full = await runToEnd('seed/seed.ts', ['--db', timing, '--data', story.data, '--articles', story.articles]);
  if (full.code !== 0 || verdictOf(await countGraph(timing), ws.old, next) !== 'new') throw new Error(`the big story does not seed:\n${full.stderr}`);
  removeDb(timing);
  const kills = Number(opts.kills);
  const moments: KillMoment[] = [];
  // The phases in turn, then times spread over the whole run (golden-ratio steps, so no two coincide).
  const phases: KillMoment[] = ['transaction', 'checkpoint', 'swapped'];
  for (let i = 0; i < kills; i++) moments.push(i < phases.length ? phases[i]! : { afterMs: Math.round(((i * 0.618034) % 1) * full.ms * 1.05) });
  log(`faults: npm run seed of ${next.entities} entities / ${next.relations} relations takes ${Math.round(full.ms)} ms; killing it ${kills} times`);
  const seedKills: KillResult[] = [];
  for (const m of moments) {
    const r = await killLoadMidway(ws, story, next, m, { loader: 'seed' });
    seedKills.push(r);
    log(`faults: seed killed ${r.moment} (${r.observed}, at ${Math.round(r.killedAfterMs)} ms): ${r.verdict}${r.readError ? ` (${r.readError})` : ''}; run again: ${r.rerun?.verdict}`);
  }
  const tally = (rs: KillResult[], pick: (r: KillResult) => string) => rs.reduce((m, r) => m.set(pick(r), (m.get(pick(r)) ?? 0) + 1), new Map<string, number>());
  const verdicts = tally(seedKills, (r) => r.verdict);
  const observed = tally(seedKills, (r) => r.observed);
  const rerunNew = seedKills.filter((r) => r.rerun?.code === 0 && r.rerun.verdict === 'new').length;
  const lost = (verdicts.get('mixed') ?? 0) + (verdicts.get('unreadable') ?? 0);
  if (lost) failures.push(`faults: ${lost} killed seeds left a mixed or unreadable graph`);
  if (rerunNew !== seedKills.length) failures.push('faults: a seed run again after a kill did not load the new graph');
  out.push(
    `npm run seed SIGKILLed ${seedKills.length}× (${[...observed].map(([k, v]) => `${v} ${k}`).join(', ')}): old ${verdicts.get('old') ?? 0}, new ${verdicts.get('new') ?? 0}, mixed ${verdicts.get('mixed') ?? 0}, unreadable ${verdicts.get('unreadable') ?? 0}; run again: new ${rerunNew}/${seedKills.length}`,
  );

  // The store's own in-place load (the server's first seed and SIGHUP reload).
  const inTx = await killLoadMidway(ws, story, next, 'transaction', { loader: 'in-place', rerun: false });
  const inCheckpoint = await killLoadMidway(ws, story, next, 'checkpoint', { loader: 'in-place', rerun: false, keep: true });
  const emptied = inCheckpoint.found && inCheckpoint.found.entities === 0 && inCheckpoint.found.relations === 0;
  const server = await startServer({ dbPath: inCheckpoint.db });
  const served = await graphFingerprint(server.url);
  await server.stop();
  const servedWhole = verdictOf(await countGraph(inCheckpoint.db), ws.old, next);
  removeDb(inCheckpoint.db);
  if (inTx.verdict !== 'old') failures.push(`faults: an in-place load killed in its transaction left ${inTx.verdict}`);
  if (servedWhole === 'mixed' || servedWhole === 'unreadable') failures.push('faults: the server did not come back with a whole graph after an in-place load was killed');
  out.push(
    `GraphStore.load in place: killed in the transaction → ${inTx.verdict}; killed in its commit's checkpoint → ${emptied ? 'EMPTY file (LadybugDB 0.19 defect)' : inCheckpoint.verdict}, server then serves ${served.entities} entities (${servedWhole})`,
  );

  const locked = await lockedDatabase(ws);
  out.push(`locked: ${describeRefusals(locked, /in use by another process/)}`);
  const damaged = await Promise.all((['garbage', 'truncated', 'text'] as const).map((d) => damagedDatabase(ws, d)));
  const resetOk = damaged.every((d) => d.reset.code === 0);
  out.push(`damaged ×3: ${describeRefusals(damaged.flatMap((d) => d.refusals), /Could not open the database/)}, --reset rebuilds ${resetOk ? '3/3' : 'NOT ALL'}`);
  if (!resetOk) failures.push('faults: seed --reset did not rebuild a damaged file');
  const port = await portInUse(ws);
  out.push(`port in use: ${describeRefusals([port], /Port \d+ is already in use/)}`);

  const mix = realQueries(readStory(SEED_STORY), 80);
  const restarts = [];
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const r = await restartUnderLoad(ws, mix, signal, { loadMs: 3000 });
    restarts.push(r);
    log(`faults: restart after ${signal} under load: same graph ${r.sameGraph}, answered ${r.answered}, refused while down ${r.unanswered}, reset ${r.reset}, wrong ${r.wrong}, down ${Math.round(r.downMs)} ms`);
    if (!r.sameGraph || r.wrong) failures.push(`faults: restart after ${signal}: ${r.sameGraph ? '' : 'graph changed, '}${r.wrong} wrong answers`);
  }
  out.push(
    `server stopped under load and restarted (${restarts.map((r) => r.signal).join(', ')}): same graph ${restarts.filter((r) => r.sameGraph).length}/${restarts.length}, ` +
      `answers right ${restarts.reduce((n, r) => n + r.answered, 0)}, wrong ${restarts.reduce((n, r) => n + r.wrong, 0)}, ` +
      `connections reset ${restarts.map((r) => r.reset).join(' / ')}, down ${restarts.map((r) => `${(r.downMs / 1000).toFixed(1)} s`).join(' / ')}`,
  );
  return `faults ${out.join(' | ')}`;
}

function describeRefusals(refusals: Refusal[], expected: RegExp): string {
  const clear = refusals.filter((r) => r.code === 1 && expected.test(r.message) && !r.stackTrace && r.message.split('\n').length === 1);
  if (clear.length !== refusals.length) {
    failures.push(`faults: unclear refusal: ${refusals.filter((r) => !clear.includes(r)).map((r) => `${r.who}: ${r.message.slice(0, 200)}`).join(' / ')}`);
  }
  const who = [...new Set(refusals.map((r) => r.who))].join(' and ');
  return `${who} ${clear.length}/${refusals.length} one clear line, exit 1, no stack trace`;
}

function log(message: string) {
  console.error(`[stress] ${message}`);
}

main().catch((err) => {
  console.error(`[stress] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
