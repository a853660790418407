/** Test support: a copy of a fixture story in a temporary folder (data/ and articles/), to curate without touching the fixture. */
import fs from 'node:fs';
import path from 'node:path';
import { HARBOUR, tempDir } from './graph.js';

export function copyOfHarbour(prefix = 'curation-'): string {
  const root = tempDir(prefix);
  fs.cpSync(HARBOUR.data, path.join(root, 'data'), { recursive: true });
  fs.cpSync(HARBOUR.articles, path.join(root, 'articles'), { recursive: true });
  return root;
}

/** Every file of a folder, by relative path, with its content: to compare a folder before and after. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

export const NEW_ARTICLE = `Harbour pilots join ferry talks

The Harbour Pilots Association joined the talks on Wednesday, according to the Portvale Gazette.
Marta Zelazna met Edwin Calloway at the harbour office, the Guild said.
Rosa Quell, a spokesperson for the Harbour Pilots Association, said the pilots will support the deal.
The mayor reportedly thanked Edwin Calloway for his patience.
`;
