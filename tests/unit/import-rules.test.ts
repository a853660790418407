/**
 * The import rules of .dependency-cruiser.cjs (run by `npm test` as
 * `npm run lint:imports`): the project obeys them, and they do fire, shown on
 * a tiny project in a temporary folder whose server/ imports what it must not.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config.js';
import { tempDir } from '../support/graph.js';

const run = promisify(execFile);
const DEPCRUISE = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = path.join(PROJECT_ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string, folders: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, ['--config', CONFIG, ...folders], { cwd });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

/** Writes files (path -> source) under a fresh folder with a tsconfig like the project's. */
function project(files: Record<string, string>): string {
  const dir = tempDir('imports-');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

describe('the import rules', () => {
  it('hold for the project as it is', async () => {
    const { code, out } = await cruise(PROJECT_ROOT, ['server', 'seed', 'bench', 'scripts', 'tests', 'client/src']);
    expect(out).toMatch(/no dependency violations found/);
    expect(code).toBe(0);
  });

  it('fail when server/ imports from seed/, bench/, scripts/ or client/, naming each import', async () => {
    const dir = project({
      'server/app.ts': [
        "import { seedStory } from '../seed/load.js';",
        "import { measure } from '../bench/api.js';",
        "import { stress } from '../scripts/stress.js';",
        "import { draw } from '../client/src/scene.js';",
        'export const all = [seedStory, measure, stress, draw];',
      ].join('\n'),
      'seed/load.ts': "import { all } from '../server/app.js';\nexport const seedStory = () => all;",
      'bench/api.ts': 'export const measure = 1;',
      'scripts/stress.ts': 'export const stress = 1;',
      'client/src/scene.ts': 'export const draw = 1;',
    });
    const { code, out } = await cruise(dir, ['server', 'seed', 'bench', 'scripts', 'client/src']);
    expect(code).not.toBe(0);
    for (const target of ['seed/load.ts', 'bench/api.ts', 'scripts/stress.ts', 'client/src/scene.ts']) {
      expect(out).toContain(`server-imports-outside: server/app.ts → ${target}`);
    }
    // seed/ importing server/ is the allowed direction.
    expect(out).not.toMatch(/seed\/load\.ts → server/);
  });

  it('fail when the domain imports a layer above it', async () => {
    const dir = project({
      'server/domain/types.ts': "import type { GraphStore } from '../store/graph-store.js';\nexport type Port = GraphStore;",
      'server/store/graph-store.ts': 'export interface GraphStore { close(): Promise<void> }',
    });
    const { code, out } = await cruise(dir, ['server']);
    expect(code).not.toBe(0);
    expect(out).toContain('domain-imports-layers-above: server/domain/types.ts → server/store/graph-store.ts');
  });
});
