/**
 * Where a merged-away entity id now points. Merges record them in
 * curation/redirects.json beside the data (merge.ts keeps them flat: a later
 * merge of the survivor rewrites the older ones), so a link or a bookmark
 * naming the old id still finds the entity. Read on every miss, which is
 * rare: a missing or damaged file is read as no redirects, never an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REDIRECTS_FILE } from './story-state.js';

/** The redirects of the story folder `root` (its curation/redirects.json). */
export function readRedirects(root: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(path.join(root, 'curation', REDIRECTS_FILE), 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The id `id` redirects to, following a chain to its end; null when it was never merged away (or the chain loops). */
export function followRedirect(redirects: Readonly<Record<string, string>>, id: string): string | null {
  const seen = new Set([id]);
  let at = id;
  while (Object.hasOwn(redirects, at) && typeof redirects[at] === 'string') {
    at = redirects[at]!;
    if (seen.has(at)) return null;
    seen.add(at);
  }
  return at === id ? null : at;
}
