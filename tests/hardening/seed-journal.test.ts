/**
 * `npm run seed` on its own settles a curation save that was killed half-way,
 * before it reads the story: a save killed after its journal was committed is
 * finished (the story as after, its change-log line written), one killed
 * before is rolled back (its temporary files removed, the story as before).
 * The saves are real: the save loop of the fault tests, stopped at a stage of
 * the journal and killed with SIGKILL; the seed runs as its own process.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import { readLog } from '../../server/curation/change-log.js';
import { openStore } from '../../server/store/open-store.js';
import { copyOfHarbour } from '../support/story-folder.js';

jest.setTimeout(180_000);
const MERGE = ['tomas-zelazny', 'edwin-calloway'] as const;
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

/** A story folder whose first save (a merge) was killed with SIGKILL where the journal reached `stage`. */
function interrupted(stage: 'staged' | 'committed' | 'renaming'): Promise<string> {
  const root = copyOfHarbour('seed-journal-');
  roots.push(root);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests', 'support', 'save-loop.ts'), root, ...MERGE], { env: { ...process.env, CURATION_PAUSE_AT: stage }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`paused:${stage}`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(root) : reject(new Error(`the save ended by itself: ${err}`))));
  });
}

/**
 * npm run seed, as its own process (node with tsx as a loader, as npm run seed runs it), into its own
 * embedded file (`--db`) on either engine's test run: what is tested is the journal, not the engine.
 */
function seed(root: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'seed', 'seed.ts'), '--data', path.join(root, 'data'), ...args], { encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, NODE_ENV: 'test', GRAPH_STORE: 'embedded' } });
}

const temporaries = (root: string) => ['data', 'articles', 'curation'].flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.curating-tmp')));
const storyText = (root: string) => fs.readFileSync(path.join(root, 'data', 'story.json'), 'utf8');

describe('npm run seed after a curation save was killed', () => {
  it('finishes a save killed just after its journal was committed, then loads the story as after', async () => {
    const root = await interrupted('committed');
    const journal = path.join(root, 'curation', 'journal.json');
    expect(fs.existsSync(journal)).toBe(true);
    expect(storyText(root)).toContain('"tomas-zelazny"'); // not yet renamed into place: the files are still as before
    const db = path.join(root, 'graph.lbug');
    const out = seed(root, '--db', db);
    expect(out).toMatch(/^Finished an interrupted curation save \(revision 1\): 2 files moved into place from its journal\./m);
    expect(fs.existsSync(journal)).toBe(false);
    expect(temporaries(root)).toEqual([]);
    expect(readLog(path.join(root, 'curation')).map((e) => [e.revision, e.op])).toEqual([[1, 'mergeEntities']]);
    const store = await openStore(readConfig({ NODE_ENV: 'test', GRAPH_STORE: 'embedded', DB_PATH: db }).store);
    try {
      expect(await store.entity(MERGE[0])).toBeNull();
      expect((await store.entity(MERGE[1]))!.aliases).toContain('Tomas Zelazny');
    } finally {
      await store.close();
    }
  });

  it('finishes a save killed half-way through its renames', async () => {
    const root = await interrupted('renaming');
    expect(fs.existsSync(path.join(root, 'curation', 'journal.json'))).toBe(true);
    const out = seed(root, '--check');
    expect(out).toMatch(/Finished an interrupted curation save \(revision 1\)/);
    expect(out).toMatch(/Valid: /);
    expect(storyText(root)).not.toContain('"id": "tomas-zelazny"');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'curation', 'redirects.json'), 'utf8'))).toEqual({ [MERGE[0]]: MERGE[1] });
    expect(readLog(path.join(root, 'curation'))).toHaveLength(1);
  });

  it('rolls back a save killed before its journal was committed: the story as before, its temporary files gone', async () => {
    const root = await interrupted('staged');
    const before = storyText(root);
    expect(temporaries(root).length).toBeGreaterThan(0);
    const out = seed(root, '--check');
    expect(out).toMatch(/^Rolled back an interrupted curation save that had not committed: \d+ temporary files? removed/m);
    expect(temporaries(root)).toEqual([]);
    expect(storyText(root)).toBe(before);
    expect(readLog(path.join(root, 'curation'))).toEqual([]);
  });

  it('says nothing about curation when no save was interrupted', () => {
    const root = copyOfHarbour('seed-journal-');
    roots.push(root);
    expect(seed(root, '--check')).not.toMatch(/interrupted/);
  });
});
