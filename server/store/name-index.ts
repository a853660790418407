/**
 * An in-memory index of folded names and aliases, for an engine without a
 * usable full-text index (LadybugDB's full-text search is an extension it
 * would download). Built from one scan, rebuilt after every load; ranks with
 * the same scoring as rankByName, so both engines order results alike.
 */
import { fold, foldedNameScore } from '../domain/text.js';
import type { EntityKind } from '../domain/types.js';

interface Entry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  degree: number;
  sortName: string;
}

export interface NameRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
  degree: number;
}

export class NameIndex {
  private readonly entries: Entry[];

  constructor(rows: readonly NameRow[]) {
    this.entries = rows.map((r) => ({ id: r.id, kind: r.kind, name: fold(r.name), aliases: r.aliases.map(fold), degree: r.degree, sortName: r.name }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Ids of the best matches: exact > prefix > word prefix > substring, then typos when too few. */
  find(text: string, kinds: readonly EntityKind[], first: number): string[] {
    const q = fold(text);
    if (!q || first === 0) return [];
    const wanted = kinds.length ? new Set(kinds) : null;
    const pool = wanted ? this.entries.filter((e) => wanted.has(e.kind)) : this.entries;
    let hits = score(pool, q, false);
    if (hits.length < first) hits = score(pool, q, true);
    return hits
      .sort((a, b) => b.score - a.score || b.entry.degree - a.entry.degree || a.entry.sortName.localeCompare(b.entry.sortName))
      .slice(0, first)
      .map((h) => h.entry.id);
  }
}

function score(pool: readonly Entry[], q: string, typos: boolean) {
  const hits: { entry: Entry; score: number }[] = [];
  for (const entry of pool) {
    const s = foldedNameScore(q, entry.name, entry.aliases, typos);
    if (s > 0) hits.push({ entry, score: s });
  }
  return hits;
}
