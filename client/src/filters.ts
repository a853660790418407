/**
 * Which elements of the scene the filters hide: kinds, relation types and the
 * timeline's date range. Pure; the graph view only toggles a class.
 */
import type { Kind, RelationEdge, Subgraph } from './queries.js';

export interface Filters {
  hiddenKinds: readonly Kind[];
  hiddenTypes: readonly string[];
  range: { from: string; to: string } | null;
}

/** The first and last day an ISO prefix may mean: "2020" -> 2020-01-01 .. 2020-12-31. */
export function dateBounds(date: string): [string, string] {
  const [y = '0000', m, d] = date.split('-');
  return [`${y}-${m ?? '01'}-${d ?? '01'}`, `${y}-${m ?? '12'}-${d ?? '31'}`];
}

/** True when a (possibly partial) date can fall inside the range; undated things always can. */
export function inRange(date: string | null | undefined, range: Filters['range']): boolean {
  if (!range || !date) return true;
  const [lo, hi] = dateBounds(date);
  return hi >= dateBounds(range.from)[0] && lo <= dateBounds(range.to)[1];
}

/**
 * Ids (nodes and edges) the filters hide. An edge goes with either end; with a
 * date range, events and dated relations outside it go, and so do entities
 * left with no visible relation because of it.
 */
export function hiddenByFilters(g: Pick<Subgraph, 'nodes' | 'edges'>, filters: Filters): Set<string> {
  const hidden = new Set<string>();
  const byKind = new Set<string>();
  const kinds = new Set(filters.hiddenKinds);
  const types = new Set(filters.hiddenTypes);
  for (const n of g.nodes) {
    if (kinds.has(n.kind)) byKind.add(n.id);
    else if (n.kind === 'EVENT' && !inRange(n.date, filters.range)) hidden.add(n.id);
  }
  byKind.forEach((id) => hidden.add(id));
  // Relations each entity keeps without the range, and with it.
  const withoutRange = new Map<string, number>();
  const withRange = new Map<string, number>();
  const count = (m: Map<string, number>, e: RelationEdge) => [e.from.id, e.to.id].forEach((id) => m.set(id, (m.get(id) ?? 0) + 1));
  for (const e of g.edges) {
    const kept = !byKind.has(e.from.id) && !byKind.has(e.to.id) && !types.has(e.type);
    if (kept) count(withoutRange, e);
    if (kept && !hidden.has(e.from.id) && !hidden.has(e.to.id) && inRange(e.date, filters.range)) count(withRange, e);
    else hidden.add(e.id);
  }
  if (filters.range) {
    for (const n of g.nodes) {
      if (n.kind !== 'EVENT' && !hidden.has(n.id) && (withoutRange.get(n.id) ?? 0) > 0 && !withRange.get(n.id)) hidden.add(n.id);
    }
  }
  return hidden;
}
