/**
 * Turns a validated Story into the flat rows both adapters write, and the
 * summary (counts by kind and type) kept with the graph so that stats and
 * totalCount never scan. Engine-neutral and pure.
 */
import { fold } from '../domain/text.js';
import type { Article, Entity, EntityKind, Page, Relation, Stats, Story } from '../domain/types.js';
import { encodeCursor } from './cursor.js';

export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string;
  summary: string | null;
  date: string | null;
  evidence: string;
  claims: string;
  /** Folded names, aliases and their words, joined by "|", for search. */
  keys: string;
  degree: number;
}

export interface GraphSummary {
  entities: number;
  relations: number;
  articles: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  loadedAt: string;
}

export function searchKeys(name: string, aliases: readonly string[]): string {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const f = fold(n);
    if (!f) continue;
    keys.add(f);
    for (const word of f.split(' ')) if (word.length >= 3) keys.add(word);
  }
  return [...keys].join('|');
}

export function entityRows(story: Story): EntityRow[] {
  const degree = new Map<string, number>();
  for (const r of story.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  return story.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: JSON.stringify(e.aliases),
    summary: e.summary,
    date: e.date,
    evidence: JSON.stringify(e.evidence),
    claims: JSON.stringify(e.claims),
    keys: searchKeys(e.name, e.aliases),
    degree: degree.get(e.id) ?? 0,
  }));
}

export function summarise(story: Story, now = new Date()): GraphSummary {
  const byKind: Record<string, number> = {};
  for (const e of story.entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const byType: Record<string, number> = {};
  for (const r of story.relations) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return {
    entities: story.entities.length,
    relations: story.relations.length,
    articles: story.articles.length,
    byKind,
    byType,
    loadedAt: now.toISOString(),
  };
}

export const EMPTY_SUMMARY: GraphSummary = { entities: 0, relations: 0, articles: 0, byKind: {}, byType: {}, loadedAt: '' };

export function statsOf(summary: GraphSummary): Stats {
  return {
    entities: summary.entities,
    relations: summary.relations,
    articles: summary.articles,
    byKind: Object.entries(summary.byKind)
      .map(([kind, count]) => ({ kind: kind as EntityKind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    byRelationType: Object.entries(summary.byType)
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

/** Maps a stored entity row (any engine) back to the domain object. */
export function entityFromRow(row: Record<string, unknown>): Entity {
  return {
    id: String(row.id),
    kind: row.kind as EntityKind,
    name: String(row.name),
    aliases: parseJson(row.aliases, []),
    summary: nonEmpty(row.summary),
    date: nonEmpty(row.date),
    evidence: parseJson(row.evidence, []),
    claims: parseJson(row.claims, []),
    degree: Number(row.degree ?? 0),
  };
}

export function nonEmpty(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') return fallback;
  return JSON.parse(value) as T;
}

/** Maps stored relation properties (any engine) between entity ids `from` and `to`. */
export function relationFromProps(r: Record<string, unknown>, from: string, to: string): Relation {
  return {
    id: String(r.id),
    type: String(r.type),
    from,
    to,
    date: nonEmpty(r.date),
    note: nonEmpty(r.note),
    evidence: parseJson(r.evidence, []),
  };
}

/** Maps stored article properties (any engine). */
export function articleFromProps(a: Record<string, unknown>): Article {
  return { id: String(a.id), title: String(a.title), text: String(a.text), url: nonEmpty(a.url), source: nonEmpty(a.source) };
}

/** A page of a keyset-paged list, its cursor being the last item's key. */
export function pageOf<T>(items: T[], hasNextPage: boolean, totalCount: number, key: (t: T) => string): Page<T> {
  const last = items[items.length - 1];
  return { items, hasNextPage, totalCount, endCursor: last ? encodeCursor(key(last)) : null };
}

/** The order relations are listed in: by type, then id. */
export function byTypeThenId(a: Relation, b: Relation): number {
  return a.type.localeCompare(b.type) || a.id.localeCompare(b.id);
}

/** Groups [key, value] rows into lists under each of `keys` (empty lists for keys with no rows). */
export function groupPairs(keys: readonly string[], rows: Record<string, unknown>[], keyField: string, valueField: string): Map<string, string[]> {
  const out = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(String(row[keyField]))?.push(String(row[valueField]));
  return out;
}

/**
 * Groups relations under the entities asked about: outgoing ones under their
 * `from`, incoming ones under their `to`; at most `first` each, no repeats,
 * in the order byTypeThenId.
 */
export function groupRelations(entityIds: readonly string[], outgoing: readonly Relation[], incoming: readonly Relation[], first: number): Map<string, Relation[]> {
  const out = new Map<string, Relation[]>(entityIds.map((id) => [id, []]));
  const add = (key: string, r: Relation) => {
    const list = out.get(key);
    if (list && list.length < first && !list.some((x) => x.id === r.id)) list.push(r);
  };
  for (const r of outgoing) add(r.from, r);
  for (const r of incoming) add(r.to, r);
  for (const list of out.values()) list.sort(byTypeThenId);
  return out;
}

/** Items in the order of `ids`, null where none has that id (what batch loaders expect). */
export function inOrderOf<T extends { id: string }>(ids: readonly string[], items: readonly T[]): (T | null)[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id) ?? null);
}
