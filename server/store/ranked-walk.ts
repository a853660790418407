/**
 * The breadth-first neighbourhood of traversal.ts, asked of a Cypher engine
 * the cheap way: each hop asks for the neighbours' ids, kinds and stored
 * degrees only, ranks them here exactly as traversal.ts does (degree, then
 * id), fetches whole records for the admitted ones alone (never more than
 * the node limit), and the edges come last, in one statement: every
 * relation among the admitted entities. That is the same edge set the walk
 * of traversal.ts collects (a relation between two admitted entities is
 * either walked from the hop that reached the later one, or found by its
 * closing call among the outermost hop), without reading the evidence of
 * relations it drops.
 */
import type { Entity, EntityKind, Relation, Subgraph } from '../domain/types.js';
import type { SubgraphFilter } from './graph-store.js';
import { byTypeThenId } from './lists.js';

export interface Neighbour {
  id: string;
  kind: EntityKind;
  degree: number;
}

export interface WalkSteps {
  entities(ids: string[]): Promise<(Entity | null)[]>;
  /** Distinct entities one hop from any of `ids`, through relations of the filter's types. */
  neighbours(ids: string[]): Promise<Neighbour[]>;
  /** Every relation of the filter's types with both ends among `ids`, whose least stored degree is `minDegree`. */
  among(ids: string[], minDegree: number): Promise<Relation[]>;
}

export async function rankedWalk(steps: WalkSteps, id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
  const [start] = await steps.entities([id]);
  if (!start) return { nodes: [], edges: [], truncated: false };
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const admitted = new Set([start.id]);
  const order = [start.id];
  let frontier = [start.id];
  let truncated = false;
  let minDegree = start.degree;
  for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop++) {
    const ranked = (await steps.neighbours(frontier))
      .filter((n) => !admitted.has(n.id) && (!kinds || kinds.has(n.kind)))
      .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
    const next: string[] = [];
    for (const n of ranked) {
      if (admitted.size >= filter.limit) {
        truncated = true;
        break;
      }
      admitted.add(n.id);
      next.push(n.id);
      minDegree = Math.min(minDegree, n.degree);
    }
    order.push(...next);
    frontier = next;
  }
  const [records, edges] = await Promise.all([steps.entities(order.slice(1)), order.length > 1 ? steps.among(order, minDegree) : Promise.resolve([])]);
  const nodes = [start, ...records.filter((e): e is Entity => e !== null)];
  return { nodes, edges: edges.sort(byTypeThenId), truncated };
}
