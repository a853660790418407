/**
 * Graph walks written once over the port's primitives, so both engines give
 * the same answer: breadth-first neighbourhoods with kind/type filters and a
 * node cap that says when it cut the result short.
 */
import type { Entity, Relation, Subgraph } from '../domain/types.js';
import type { GraphStore, SubgraphFilter } from './graph-store.js';

type Primitives = Pick<GraphStore, 'entitiesByIds' | 'relationsOf'>;

export async function breadthFirst(store: Primitives, id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
  const [start] = await store.entitiesByIds([id]);
  if (!start) return { nodes: [], edges: [], truncated: false };
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const nodes = new Map<string, Entity>([[start.id, start]]);
  const edges = new Map<string, Relation>();
  let frontier = [start.id];
  let truncated = false;

  for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop++) {
    const byEntity = await store.relationsOf(frontier, { direction: 'BOTH', types: filter.types ?? null });
    const candidates: Relation[] = [];
    const unseen = new Set<string>();
    for (const source of frontier) {
      for (const r of byEntity.get(source) ?? []) {
        candidates.push(r);
        const other = r.from === source ? r.to : r.from;
        if (!nodes.has(other)) unseen.add(other);
      }
    }
    const fetched = await store.entitiesByIds([...unseen]);
    // Best-connected first, so a cap keeps the most informative neighbours.
    const admitted = fetched
      .filter((e): e is Entity => e !== null && (!kinds || kinds.has(e.kind)))
      .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
    const next: string[] = [];
    for (const e of admitted) {
      if (nodes.size >= filter.limit) {
        truncated = true;
        break;
      }
      nodes.set(e.id, e);
      next.push(e.id);
    }
    for (const r of candidates) if (nodes.has(r.from) && nodes.has(r.to)) edges.set(r.id, r);
    frontier = next;
  }
  // Relations between two entities of the outermost hop were never walked: one more call.
  if (frontier.length > 1) {
    const last = await store.relationsOf(frontier, { direction: 'OUT', types: filter.types ?? null });
    for (const list of last.values()) for (const r of list) if (nodes.has(r.from) && nodes.has(r.to)) edges.set(r.id, r);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
