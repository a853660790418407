/** npm run story as a child process over a copy of the harbour story: a batch from the shell, refusals as one clear line. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { PROJECT_ROOT } from '../../server/config.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { copyOfHarbour, NEW_ARTICLE } from '../support/story-folder.js';

jest.setTimeout(60_000);
const root = copyOfHarbour('curation-cli-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const story = (...args: string[]) => spawnSync(tsx, [path.join(PROJECT_ROOT, 'scripts', 'story.ts'), ...args, '--story', root, '--who', 'tester'], { encoding: 'utf8' });

describe('npm run story', () => {
  it('adds an article, prints the suggestions, accepts one, logs and undoes', () => {
    const file = path.join(root, 'new.txt');
    fs.writeFileSync(file, NEW_ARTICLE);
    const added = story('add-article', file, '--title', 'Pilots join', '--source', 'Portvale Gazette', '--published', '2031-03-05');
    expect(added.status).toBe(0);
    const id = added.stdout.trim().split('\n').pop()!;
    const suggested = story('suggest', id);
    expect(suggested.stdout).toMatch(/relation +Marta Żelazná MET Edwin Calloway/);
    const number = /^\s*(\d+)\s+relation/m.exec(suggested.stdout)![1]!;
    expect(story('accept', number).stdout).toMatch(/Revision 2: created relation marta-zelazna -MET-> edwin-calloway/);
    expect(readStory({ data: path.join(root, 'data'), articles: path.join(root, 'articles') }).relations.map((r) => r.id)).toContain('marta-zelazna.met.edwin-calloway');
    expect(story('log').stdout).toMatch(/1 .* cli:tester +added article[\s\S]*2 .* cli:tester +created relation/);
    expect(story('undo').stdout).toMatch(/Revision 3: undid revision 2/);
    const check = execFileSync(tsx, [path.join(PROJECT_ROOT, 'seed', 'seed.ts'), '--check', '--data', path.join(root, 'data')], { encoding: 'utf8' });
    expect(check).toMatch(/Story format read/);
  });

  it('refuses a missing field in one line naming it, and writes nothing', () => {
    const before = fs.readdirSync(path.join(root, 'articles')).sort();
    const result = story('add-article', path.join(root, 'new.txt'), '--title', 'No outlet');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^story: The change was refused: article.source: is required; article.published: is required\.$/m);
    expect(fs.readdirSync(path.join(root, 'articles')).sort()).toEqual(before);
  });
});
