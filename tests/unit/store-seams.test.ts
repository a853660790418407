/**
 * The store's layering, read off the sources: only the engine seams
 * (server/store/ladybug/, server/store/neo4j/) import a database package, and
 * only the store itself knows how cursors are encoded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';

const SERVER = path.join(PROJECT_ROOT, 'server');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sources(full) : d.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module names a file imports (static and dynamic), comments ignored. */
function importsOf(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const relative = (file: string) => path.relative(PROJECT_ROOT, file);

describe('the store seams', () => {
  it('finds the sources and their imports', () => {
    const cypherStore = path.join(SERVER, 'store', 'cypher-store.ts');
    expect(importsOf(cypherStore)).toContain('./cypher-engine.js');
    expect(importsOf(path.join(SERVER, 'store', 'ladybug', 'session.ts'))).toContain('@ladybugdb/core');
    expect(importsOf(path.join(SERVER, 'store', 'open-store.ts'))).toContain('./neo4j/neo4j-store.js');
    expect(sources(SERVER).length).toBeGreaterThan(40);
  });

  it('lets only server/store/ladybug/ and server/store/neo4j/ import a database package', () => {
    const offenders = sources(SERVER)
      .filter((f) => importsOf(f).some((m) => m === '@ladybugdb/core' || m === 'neo4j-driver'))
      .map(relative)
      .filter((f) => !/^server\/store\/(ladybug|neo4j)\//.test(f));
    expect(offenders).toEqual([]);
  });

  it('keeps the cursor encoding inside the store', () => {
    const offenders = sources(SERVER)
      .filter((f) => !relative(f).startsWith('server/store/'))
      .filter((f) => importsOf(f).some((m) => m.endsWith('/cursor.js')))
      .map(relative);
    expect(offenders).toEqual([]);
  });
});
