/**
 * Relay cursor connections over a list already in order: after/before, then
 * first, then last, with true hasPreviousPage/hasNextPage, and the count and
 * date span of the whole list. Cursors are the store's (encodeCursor of the
 * item's id), so a client may pass the cursors of one page to the next.
 */
import { BadInput } from '../domain/errors.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import { bounded } from './arguments.js';

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
    const id = decodeCursor(cursor);
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
export function connectionOfPage<T extends { id: string }>(
  page: { items: T[]; endCursor: string | null; hasNextPage: boolean; totalCount: number },
  after: string | null | undefined,
): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes: page.items,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: page.endCursor },
    totalCount: page.totalCount,
    aggregate: { count: page.totalCount, firstDate: null, lastDate: null },
  };
}
