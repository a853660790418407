/**
 * The question engine's stages are its folders, and imports run one way:
 * read -> link -> intent -> answerers -> compose, where compose words what
 * answerers find (answerers use its rows and wording) and never answers
 * itself. The engine reaches the graph only through the GraphStore port.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../../server/config.js';

const ROOT = path.join(PROJECT_ROOT, 'server', 'questions');

/** Which folders each stage may import from (besides its own and the shared types.ts). */
const ALLOWED: Record<string, string[]> = {
  read: [],
  link: ['read'],
  intent: ['read', 'link'],
  answerers: ['read', 'link', 'intent', 'compose'],
  compose: ['read', 'link', 'intent'],
};

function sources(): { file: string; stage: string; imports: string[] }[] {
  return fs
    .readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), m[1]!)));
      return { file, stage: file.includes(path.sep) ? file.split(path.sep)[0]! : '', imports };
    });
}

describe('the question pipeline', () => {
  it('has one folder per stage', () => {
    const stages = new Set(sources().map((s) => s.stage).filter(Boolean));
    expect([...stages].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('imports only from earlier stages', () => {
    for (const { file, stage, imports } of sources()) {
      if (!stage) continue;
      const inside = imports.filter((i) => !i.startsWith('..')).map((i) => (i.includes(path.sep) ? i.split(path.sep)[0]! : i));
      const wrong = inside.filter((target) => target !== stage && target !== 'types.js' && !ALLOWED[stage]!.includes(target));
      expect({ file, wrong }).toEqual({ file, wrong: [] });
    }
  });

  it('reaches the data only through the GraphStore port, never Cypher', () => {
    for (const { file, imports } of sources()) {
      const store = imports.filter((i) => i.startsWith(`..${path.sep}store`));
      expect({ file, store: store.filter((i) => i !== path.join('..', 'store', 'graph-store.js')) }).toEqual({ file, store: [] });
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      expect({ file, cypher: /\b(MATCH|MERGE) \(/.test(text) || /neo4j|ladybug/i.test(text) }).toEqual({ file, cypher: false });
    }
  });
});
