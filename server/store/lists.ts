/**
 * How store answers are ordered, grouped and paged: written once, so every
 * engine lists the same things in the same order. The cursor encoding stays
 * inside the store: a page carries each item's cursor.
 */
import type { Page, Relation } from '../domain/types.js';
import { encodeCursor } from './cursor.js';

/** A page of a keyset-paged list; each item's cursor is its key. */
export function pageOf<T>(items: T[], hasNextPage: boolean, totalCount: number, key: (t: T) => string): Page<T> {
  const cursors = items.map((item) => encodeCursor(key(item)));
  return { items, cursors, hasNextPage, totalCount, endCursor: cursors[cursors.length - 1] ?? null };
}

/** `map` over `items`, one at a time as they are read (a million rows are never mapped into one array). */
export function* lazyMap<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
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

/** Statements are listed by date (undated last), then id: the ORDER BY of every engine's statements query. */
export function statementOrder(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  return compare(a.date ?? '~', b.date ?? '~') || compare(a.id, b.id);
}

/** Code-unit order, as the engines compare strings (not localeCompare). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
