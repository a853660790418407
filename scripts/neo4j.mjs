#!/usr/bin/env node
// npm run neo4j: a real Neo4j Community server on 127.0.0.1, in the foreground,
// for development and tests. The launcher (tools/neo4j: a pom.xml and one Java
// class over Neo4j's embedding API) is built with Maven the first time, and
// again only when its pom.xml or source changes; dependencies come from Maven
// Central into the local Maven repository (~/.m2), never into the project.
// Options: --temp (a temporary folder, deleted on exit), --data DIR, --port N,
// --help. Ctrl-C (or SIGTERM) stops Neo4j cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = path.join(ROOT, 'tools', 'neo4j');
const CLASSPATH_FILE = path.join(TOOL, 'target', 'classpath.txt');
const CLASSES = path.join(TOOL, 'target', 'classes');
const MAIN_CLASS = 'explorer.LocalNeo4j';
/** Written after each successful build: the fingerprint of what was built. */
const BUILT_STAMP = path.join(TOOL, 'target', 'built.stamp');

const HELP = `npm run neo4j [-- options]
  A local Neo4j Community server (the version is in tools/neo4j/pom.xml), Bolt on 127.0.0.1.
  --temp       keep the databases in a temporary folder, deleted on exit
  --data DIR   keep them in DIR (default .data/neo4j)
  --port N     Bolt port (default NEO4J_BOLT_PORT or 7687)
Environment: NEO4J_PASSWORD (default explorer-dev, user neo4j), NEO4J_BOLT_PORT,
NEO4J_HEAP (java -Xmx, default 1g), NEO4J_PAGECACHE_MB (default 256).
Needs java (17 or later) and mvn on the PATH.`;

/** Every file under a path, for the launcher's fingerprint. */
function filesUnder(p) {
  return fs.statSync(p).isDirectory() ? fs.readdirSync(p).sort().flatMap((name) => filesUnder(path.join(p, name))) : [p];
}

/** A hash of the pom.xml and the launcher's source: what the build depends on (mtimes change on every git checkout). */
function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const file of [path.join(TOOL, 'pom.xml'), ...filesUnder(path.join(TOOL, 'src'))]) hash.update(path.relative(TOOL, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

function needsBuild() {
  if (!fs.existsSync(BUILT_STAMP) || !fs.existsSync(CLASSPATH_FILE)) return 'not built yet';
  if (fs.readFileSync(BUILT_STAMP, 'utf8').trim() !== sourceFingerprint()) return 'pom.xml or the launcher changed';
  // The class path names jars in the local Maven repository; one may have been cleaned away.
  const missing = classpathEntries().find((jar) => !fs.existsSync(jar));
  return missing ? `${path.basename(missing)} is no longer in the local Maven repository` : null;
}

function classpathEntries() {
  return fs.readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter).filter(Boolean);
}

function requireCommand(command, versionArg, hint) {
  const probe = spawnSync(command, [versionArg], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(`${command} was not found on the PATH. ${hint}`);
}

/** Builds the launcher with Maven when needed; quiet when it is up to date. */
export function buildLauncher({ log = console.log } = {}) {
  const reason = needsBuild();
  if (!reason) return;
  requireCommand('mvn', '--version', 'Install Maven (Debian: apt-get install maven) to build the local Neo4j launcher.');
  log(`local-neo4j: building the launcher with Maven (${reason}); the first build downloads Neo4j from Maven Central`);
  const started = Date.now();
  const built = spawnSync('mvn', ['-q', '-B', 'package'], { cwd: TOOL, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) {
    log(`${built.stdout ?? ''}${built.stderr ?? ''}`);
    throw new Error(`mvn package failed in ${path.relative(ROOT, TOOL)} (exit ${built.status ?? built.signal ?? built.error?.message}); its output is above.`);
  }
  fs.writeFileSync(BUILT_STAMP, `${sourceFingerprint()}\n`);
  log(`local-neo4j: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function parseArgs(argv) {
  const options = { temp: false, data: path.join(ROOT, '.data', 'neo4j'), port: process.env.NEO4J_BOLT_PORT || '7687' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--temp') options.temp = true;
    else if (arg === '--data' && argv[i + 1]) options.data = path.resolve(argv[++i]);
    else if (arg === '--port' && argv[i + 1]) options.port = argv[++i];
    else throw new Error(`Unknown option "${arg}". ${HELP}`);
  }
  if (!/^\d+$/.test(String(options.port)) || Number(options.port) < 1 || Number(options.port) > 65535) {
    throw new Error(`The Bolt port must be a number from 1 to 65535; got "${options.port}" (NEO4J_BOLT_PORT or --port).`);
  }
  return options;
}

/**
 * Starts the launcher (building it first when needed) and resolves with the
 * Bolt URI once it prints "ready". `stop()` sends SIGTERM and resolves when
 * Neo4j has shut down. Every line it prints goes to `onLine`.
 */
export async function startNeo4j({ temp = true, data, port, password = process.env.NEO4J_PASSWORD || 'explorer-dev', onLine = (line) => console.log(line) } = {}) {
  buildLauncher({ log: onLine });
  requireCommand('java', '-version', 'Install a JDK 17 or later (Debian: apt-get install openjdk-17-jdk-headless).');
  // The class path (some 200 jars) goes in a java argument file, not on the command line.
  const argFile = path.join(TOOL, 'target', 'java.args');
  fs.writeFileSync(argFile, `-cp "${[CLASSES, ...classpathEntries()].join(path.delimiter)}"\n`);
  const child = spawn('java', [`-Xmx${process.env.NEO4J_HEAP || '1g'}`, `@${argFile}`, MAIN_CLASS, temp ? '--temp' : data, String(port)], {
    env: { ...process.env, NEO4J_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const ready = new Promise((resolve, reject) => {
    const read = (stream) => {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        let nl;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          onLine(line);
          const match = /^ready (bolt:\/\/\S+)/.exec(line);
          if (match) resolve(match[1]);
        }
      });
    };
    read(child.stdout);
    read(child.stderr);
    child.on('error', reject);
    exited.then((code) => reject(new Error(`Neo4j exited (code ${code}) before it was ready; its output is above.`)));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { uri: await ready, stop, exited, pid: child.pid };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  if (!options.temp) fs.mkdirSync(options.data, { recursive: true });
  const started = Date.now();
  const neo4j = await startNeo4j(options);
  console.log(`local-neo4j: user neo4j, password from NEO4J_PASSWORD (default explorer-dev); started in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it`);
  // Ctrl-C reaches the launcher too (same process group); a signal sent to
  // this wrapper alone is passed on. Either way, exit with the launcher's code.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      void neo4j.stop();
    });
  }
  const code = await neo4j.exited;
  // Java exits with 128 + the signal's number after a clean shutdown it was asked for.
  process.exitCode = stopping && (code === 130 || code === 143) ? 0 : code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`local-neo4j: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
