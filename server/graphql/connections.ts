/**
 * Relay cursor connections over a list already in order: after/before, then
 * first, then last, with true hasPreviousPage/hasNextPage, and the count and
 * date span of the whole list. A cursor names its item's id and, when the
 * store paged it, the store's own opaque cursor: so a page read from the store
 * and a page filtered here take each other's cursors.
 */
import type { Page } from '../domain/types.js';
import { BadInput } from '../domain/errors.js';
import { bounded } from './arguments.js';

export interface ParsedCursor {
  id: string;
  /** The store's cursor for the same item, when the store paged it. */
  store: string | null;
}

export function encodeCursor(id: string, store: string | null = null): string {
  return Buffer.from(JSON.stringify(store === null ? [id] : [id, store]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, name: string): ParsedCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && (v[1] === undefined || typeof v[1] === 'string')) return { id: v[0], store: v[1] ?? null };
  } catch {
    // fall through to the refusal
  }
  throw new BadInput(`"${name}" is not a cursor this API gave out: pass the endCursor (or startCursor) of a previous page.`);
}

export interface Window {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  aggregate: { count: number; firstDate: string | null; lastDate: string | null };
}

/** Checks the window's sizes (0..max) and applies a default `first` when neither first nor last is given. */
export function checkedWindow(window: Window, max: number, defaultFirst: number): Window {
  const first = window.first == null ? (window.last == null ? defaultFirst : null) : bounded('first', window.first, { max, fallback: defaultFirst });
  const last = window.last == null ? null : bounded('last', window.last, { max, fallback: 0 });
  return { first, last, after: window.after ?? null, before: window.before ?? null };
}

export function connectionOf<T extends { id: string }>(items: readonly T[], window: Window, dateOf: (t: T) => string | null | undefined = () => null): Connection<T> {
  const indexOf = (cursor: string, name: string) => {
    const { id } = decodeCursor(cursor, name);
    const i = items.findIndex((t) => t.id === id);
    if (i < 0) throw new BadInput(`"${name}" names an item that is not in this list (any more): start again without "${name}".`);
    return i;
  };
  let start = window.after ? indexOf(window.after, 'after') + 1 : 0;
  let end = window.before ? indexOf(window.before, 'before') : items.length;
  if (end < start) end = start;
  if (window.first != null) end = Math.min(end, start + window.first);
  if (window.last != null) start = Math.max(start, end - window.last);
  const page = items.slice(start, end);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const item of items) {
    const d = dateOf(item);
    if (!d) continue;
    if (firstDate === null || d < firstDate) firstDate = d;
    if (lastDate === null || d > lastDate) lastDate = d;
  }
  return {
    edges,
    nodes: page,
    pageInfo: { hasPreviousPage: start > 0, hasNextPage: end < items.length, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
    aggregate: { count: items.length, firstDate, lastDate },
  };
}

/** A store page (forward keyset paging) as a connection; its date span is unknown without reading every item. */
export function connectionOfPage<T extends { id: string }>(page: Page<T>, after: string | null | undefined): Connection<T> {
  // A store that gives each item's cursor (cursors[i]) lets a client resume after any item; one that gives only
  // endCursor lets it resume after the page, and other cursors resume by reading the list here.
  const cursors = (page as Page<T> & { cursors?: (string | undefined)[] }).cursors;
  const last = page.items.length - 1;
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(node.id, cursors?.[i] ?? (i === last ? page.endCursor : null)), node }));
  return {
    edges,
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
    aggregate: { count: page.totalCount, firstDate: null, lastDate: null },
  };
}

/** The store's cursor inside an `after` this API gave out; null for none, undefined when the cursor came from a filtered page. */
export function storeCursorOf(after: string | null | undefined): string | null | undefined {
  if (!after) return null;
  return decodeCursor(after, 'after').store ?? undefined;
}
