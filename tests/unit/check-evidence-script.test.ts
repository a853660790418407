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

  it('names ATTRIBUTED evidence without accordingTo, an unknown certainty and accordingTo on a STATED quote', async () => {
    const dirs = storyWith(
      (d) => {
        delete d.entities[0].claims[0].evidence[0].accordingTo;
        d.relations[1].evidence[0].certainty = 'RUMOURED';
        d.statements[0].evidence[0].accordingTo = 'portvale-gazette';
      },
      undefined,
      'seed',
    );
    const { code, out } = await check(dirs);
    expect(code).toBe(1);
    expect(out).toMatch(/v2\.json entities\[0\]\.claims\[0\] \(strikers-300\): ATTRIBUTED without accordingTo/);
    expect(out).toMatch(/v2\.json relations\[1\] \(calloway-shipping -PARTICIPATED_IN-> ferry-strike\): certainty RUMOURED is not one of STATED, ATTRIBUTED, UNCONFIRMED, PLANNED/);
    expect(out).toMatch(/calloway-good-faith\): accordingTo portvale-gazette on a STATED quote/);
    expect(out.trim().split('\n').pop()).toBe('3 problems');
  });

  it('passes a Place that stands for an organisation, and names every standsFor that breaks the format', async () => {
    const standsFor = (to: string, on = 'portvale') => (d: any) => (d.entities.find((e: any) => e.id === on).standsFor = to);
    const ok = await check(storyWith(undefined, standsFor('calloway-shipping'), 'seed'));
    expect(ok.out.trim().split('\n').pop()).toBe('evidence ok');
    expect(ok.code).toBe(0);

    const cases: [(d: any) => void, RegExp][] = [
      [standsFor('the-harbour-board'), /story\.json entities\[\d+\] \(portvale\): standsFor names unknown entity the-harbour-board/],
      [standsFor('portvale'), /entity portvale: stands for itself/],
      [standsFor('marta-zelazna'), /entity portvale: standsFor marta-zelazna is a Person; a place's name stands for a state or institution/],
      [standsFor('ferryworkers-guild', 'tomas-zelazny'), /entity tomas-zelazny: standsFor is only for a Place whose name stands for a government; this is a Person/],
    ];
    for (const [spoil, problem] of cases) {
      const { code, out } = await check(storyWith(undefined, spoil, 'seed'));
      expect(out).toMatch(problem);
      expect(code).toBe(1);
    }
  });

  it('names a statement whose words are in none of its evidence articles', async () => {
    const { code, out } = await check(storyWith((d) => (d.statements[0].words = 'the company never negotiated at all'), undefined, 'seed'));
    expect(code).toBe(1);
    expect(out).toMatch(/v2\.json statements\[0\] \(calloway-good-faith\): words not found in its evidence articles: "the company never negotiated at all"/);
  });

  it('says evidence ok on the seed story', async () => {
    const { code, out } = await check({ data: path.join(PROJECT_ROOT, 'seed', 'data') });
    expect(out.trim().split('\n').pop()).toBe('evidence ok');
    expect(code).toBe(0);
  });
});
