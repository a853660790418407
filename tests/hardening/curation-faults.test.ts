/**
 * A save killed at any moment leaves the story as before or as after, never
 * mixed: a child process saves in a loop (a merge touching the data file and
 * the redirects, then its undo) and is killed with SIGKILL, at each stage of
 * the journal and at random moments; the next open finishes or sweeps the
 * save, and the files must equal the story of the revision the log names.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../server/config.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { StoryWorkspace } from '../../server/curation/workspace.js';
import { copyOfHarbour } from '../support/story-folder.js';

jest.setTimeout(300_000);
const MERGE = ['tomas-zelazny', 'edwin-calloway'] as const;

/** What the story folder holds, as data: JSON files parsed, texts verbatim, no redirects file the same as an empty one. */
function fingerprint(root: string): string {
  const data = Object.fromEntries(fs.readdirSync(path.join(root, 'data')).filter((f) => f.endsWith('.json')).sort().map((f) => [f, JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8'))]));
  const articles = Object.fromEntries(fs.readdirSync(path.join(root, 'articles')).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, fs.readFileSync(path.join(root, 'articles', f), 'utf8')]));
  const redirectsFile = path.join(root, 'curation', 'redirects.json');
  const redirects = fs.existsSync(redirectsFile) ? JSON.parse(fs.readFileSync(redirectsFile, 'utf8')) : {};
  return JSON.stringify({ data, articles, redirects });
}

let original: string;
let merged: string;
const roots: string[] = [];
beforeAll(async () => {
  const root = copyOfHarbour('curation-faults-');
  roots.push(root);
  original = fingerprint(root);
  const ws = new StoryWorkspace(root);
  await ws.change({ op: 'mergeEntities', from: MERGE[0], into: MERGE[1] }, { who: 'setup' });
  merged = fingerprint(root);
  expect(merged).not.toBe(original);
});
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

/** Runs the save loop until `killWhen` says so from its output (or after `ms`), kills it, and returns what the folder holds on the next open. */
function killDuring(root: string, options: { pauseAt?: string; ms?: number }): Promise<{ revision: number; saves: number }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: the tsx command would run the loop in a grandchild that a SIGKILL of its parent leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests', 'support', 'save-loop.ts'), root, ...MERGE], { env: { ...process.env, ...(options.pauseAt ? { CURATION_PAUSE_AT: options.pauseAt } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (options.pauseAt && out.includes(`paused:${options.pauseAt}`)) child.kill('SIGKILL');
      if (options.ms !== undefined && !timer && out.includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), options.ms);
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the save loop ended by itself (${code}): ${err}`));
      const ws = new StoryWorkspace(root); // the next open: finishes a committed save, sweeps an uncommitted one
      resolve({ revision: ws.revision(), saves: (out.match(/^saved /gm) ?? []).length });
    });
  });
}

function expectWhole(root: string, revision: number) {
  expect(fingerprint(root)).toBe(revision % 2 === 1 ? merged : original);
  expect(() => readStory({ data: path.join(root, 'data'), articles: path.join(root, 'articles') })).not.toThrow();
  expect(fs.readdirSync(path.join(root, 'data')).filter((f) => !f.endsWith('.json'))).toEqual([]);
  expect(fs.existsSync(path.join(root, 'curation', 'journal.json'))).toBe(false);
}

describe('a save killed with SIGKILL', () => {
  it('after staging its files, before the journal: the story as before', async () => {
    const root = copyOfHarbour('curation-faults-');
    roots.push(root);
    const { revision } = await killDuring(root, { pauseAt: 'staged' });
    expect(revision).toBe(0);
    expectWhole(root, revision);
  });

  it('just after the journal was committed: the story as after, finished by the next open', async () => {
    const root = copyOfHarbour('curation-faults-');
    roots.push(root);
    const { revision } = await killDuring(root, { pauseAt: 'committed' });
    expect(revision).toBe(1);
    expectWhole(root, revision);
  });

  it('halfway through its renames: the story as after, finished by the next open', async () => {
    const root = copyOfHarbour('curation-faults-');
    roots.push(root);
    const { revision } = await killDuring(root, { pauseAt: 'renaming' });
    expect(revision).toBe(1);
    expectWhole(root, revision);
  });

  it('at random moments, again and again: always a whole revision, and the log goes on from it', async () => {
    const root = copyOfHarbour('curation-faults-');
    roots.push(root);
    let saves = 0;
    for (let round = 0; round < 10; round++) {
      const result = await killDuring(root, { ms: 50 + Math.floor(Math.random() * 700) });
      saves += result.saves;
      expectWhole(root, result.revision);
      const log = new StoryWorkspace(root).log();
      expect(log.map((e) => e.revision)).toEqual(log.map((_, i) => i + 1));
    }
    expect(saves).toBeGreaterThan(0);
  });
});
