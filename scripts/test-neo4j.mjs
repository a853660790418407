#!/usr/bin/env node
// npm run test:neo4j [-- jest arguments]: the whole test suite against a real
// Neo4j. Starts a local Neo4j (scripts/neo4j.mjs) on a free port in a
// temporary folder, runs jest with GRAPH_STORE=neo4j and NEO4J_URI set, and
// stops Neo4j whatever the outcome. The exit code is jest's, except that with
// CI=true a skipped test fails the run unless its title says it is about
// LadybugDB's own files ("LadybugDB only (...)", see tests/support/graph.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNeo4j } from './neo4j.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED_SKIP = 'LadybugDB only (';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Skipped tests from jest's JSON report, split into allowed (LadybugDB-only) and not. */
export function skippedTests(report) {
  const skipped = (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => ['pending', 'skipped', 'todo', 'disabled'].includes(t.status))
      .map((t) => ({ file: path.relative(ROOT, file.name), title: t.fullName })),
  );
  return { allowed: skipped.filter((t) => t.title.includes(ALLOWED_SKIP)), refused: skipped.filter((t) => !t.title.includes(ALLOWED_SKIP)) };
}

async function main() {
  const password = process.env.NEO4J_PASSWORD || 'explorer-dev';
  const port = await freePort();
  const started = Date.now();
  console.log(`test:neo4j: starting Neo4j on 127.0.0.1:${port} in a temporary folder`);
  const neo4j = await startNeo4j({ temp: true, port, password, onLine: (line) => console.log(`neo4j| ${line}`) });
  console.log(`test:neo4j: Neo4j ready at ${neo4j.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let code = 1;
  let interrupted = false;
  let reportFile;
  try {
    reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'test-neo4j-')), 'jest.json');
    // One user database in Neo4j Community: suites over it take turns.
    const args = ['--experimental-vm-modules', path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', '--json', `--outputFile=${reportFile}`, ...process.argv.slice(2)];
    const jest = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, GRAPH_STORE: 'neo4j', NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: 'neo4j' },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        interrupted = true;
        jest.kill(signal);
      });
    }
    code = await new Promise((resolve) => jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  } finally {
    console.log('test:neo4j: stopping Neo4j');
    await neo4j.stop();
  }

  let exit = interrupted ? 1 : code;
  if (reportFile && fs.existsSync(reportFile)) {
    const { allowed, refused } = skippedTests(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
    if (allowed.length) console.log(`test:neo4j: ${allowed.length} LadybugDB-only tests skipped on Neo4j, as their titles say`);
    if (refused.length) {
      const ci = process.env.CI === 'true';
      console.error(`test:neo4j: ${refused.length} test(s) skipped on Neo4j${ci ? ', which fails the run in CI' : ''}:`);
      for (const t of refused) console.error(`  ${t.file}: ${t.title}`);
      if (ci && exit === 0) exit = 1;
    }
    fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
  }
  console.log(`test:neo4j: done in ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${exit}`);
  process.exit(exit);
}

main().catch((err) => {
  console.error(`test:neo4j: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
