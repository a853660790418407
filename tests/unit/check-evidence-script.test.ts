/**
 * scripts/check-evidence.mjs, the project's own copy of the evidence check:
 * it reads a version-2 story (statements, accordingTo, every entity
 * reference) and names what is wrong.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config.js';
import { storyWith } from '../support/harbour-v2.js';

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'check-evidence.mjs');

/** Runs the check over a story laid out as seed/data and seed/articles under a root. */
async function check(dirs: { data: string }): Promise<{ code: number; out: string }> {
  const root = path.dirname(path.dirname(dirs.data));
  try {
    return { code: 0, out: (await run(process.execPath, [SCRIPT, root])).stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('the evidence check script', () => {
  it('passes a version-2 story beside a version-1 one', async () => {
    const { code, out } = await check(storyWith(undefined, undefined, 'seed'));
    expect(out.trim().split('\n').pop()).toBe('evidence ok');
    expect(code).toBe(0);
  });

  it('names a statement whose speaker does not exist and an accordingTo that names nobody', async () => {
    const dirs = storyWith(
      (d) => {
        d.statements[0].speaker = 'nobody-at-all';
        d.entities[0].claims[1].evidence[0].accordingTo = 'the-rumour-mill';
      },
      undefined,
      'seed',
    );
    const { code, out } = await check(dirs);
    expect(code).toBe(1);
    expect(out).toMatch(/v2\.json statements\[0\] \(calloway-good-faith\): speaker names unknown entity nobody-at-all/);
    expect(out).toMatch(/accordingTo names unknown entity the-rumour-mill/);
  });

  it('names a statement quote that is not in its article', async () => {
    const dirs = storyWith((d) => (d.statements[1].evidence[0].quote = 'said the deal was a disgrace'), undefined, 'seed');
    const { code, out } = await check(dirs);
    expect(code).toBe(1);
    expect(out).toMatch(/zelazna-fair-wage\): quote not found in h001: "said the deal was a disgrace"/);
  });
});
