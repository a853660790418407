/**
 * The shortest path between two entities, asked of a Cypher engine in
 * bounded memory, with the answer the engines' ALL SHORTEST statement gave
 * (cypher/neo4j/shortest-path.cypher, which Neo4j still runs): of the shortest undirected paths,
 * the first by its entity ids joined with '|', then by its relation ids.
 *
 * Measured 2026-11-30 on 1,000,000 relations: ALL SHORTEST with the paths
 * tracked needed more than 512 MiB of LadybugDB's buffer pool (it failed with
 * "buffer pool is full" at 512 and took 0.7 s at 1.5 GiB, the server's memory
 * 750 MiB), even where only 17 shortest paths existed. Here:
 *  1. a breadth-first search from both ends, a layer at a time, the smaller
 *     side first, on ids only (the `neighbours` statement), finds the length;
 *  2. the entities on some shortest path are found position by position:
 *     known from both sides, or one layer next to those already found;
 *  3. the path is walked from the source, taking at each step the first
 *     entity (then relation) in the order of the joined ids, and the chosen
 *     relations are read whole in one statement.
 */
import type { Entity, Relation, Subgraph } from '../domain/types.js';
import { cmp, inJoined } from './graph-index.js';

export interface PathSteps {
  entities(ids: string[]): Promise<(Entity | null)[]>;
  /** Distinct entities one hop from any of `ids`, either direction. */
  neighbours(ids: string[]): Promise<string[]>;
  /** One entity's relations as (neighbour, relation id) pairs. */
  hops(id: string): Promise<{ id: string; relation: string }[]>;
  /** Every relation with both ends among `ids`, whose least stored degree is `minDegree`. */
  among(ids: string[], minDegree: number): Promise<Relation[]>;
}


export async function shortestWalk(steps: PathSteps, from: string, to: string, maxLength: number): Promise<Subgraph | null> {
  const [a, b] = await steps.entities([from, to]);
  if (!a || !b) return null;
  // 1. Distances from each end, by layers.
  const dist = [new Map([[from, 0]]), new Map([[to, 0]])] as const;
  const layers: [string[][], string[][]] = [[[from]], [[to]]];
  let length = -1;
  while (length < 0 && layers[0].length - 1 + layers[1].length - 1 < maxLength) {
    const side = layers[0].at(-1)!.length <= layers[1].at(-1)!.length ? 0 : 1;
    const frontier = layers[side].at(-1)!;
    if (frontier.length === 0) return null;
    const depth = layers[side].length;
    const next: string[] = [];
    for (const id of await steps.neighbours(frontier)) {
      if (dist[side].has(id)) continue;
      dist[side].set(id, depth);
      next.push(id);
      const other = dist[1 - side]!.get(id);
      if (other !== undefined && (length < 0 || depth + other < length)) length = depth + other;
    }
    layers[side].push(next);
  }
  if (length < 0 || length > maxLength) return null;
  // 2. The entities on some shortest path, by position from the source.
  const known = [layers[0].length - 1, layers[1].length - 1]; // deepest layer searched on each side
  const on: Set<string>[] = Array.from({ length: length + 1 }, () => new Set<string>());
  const lo = Math.max(0, length - known[1]!);
  const hi = Math.min(length, known[0]!);
  for (let i = lo; i <= hi; i++) for (const id of layers[0][i]!) if (dist[1].get(id) === length - i) on[i]!.add(id);
  for (let i = lo - 1; i >= 0; i--) {
    const near = new Set(await steps.neighbours([...on[i + 1]!]));
    for (const id of layers[0][i]!) if (near.has(id)) on[i]!.add(id);
  }
  for (let i = hi + 1; i <= length; i++) {
    const near = new Set(await steps.neighbours([...on[i - 1]!]));
    for (const id of layers[1][length - i]!) if (near.has(id)) on[i]!.add(id);
  }
  // 3. The first path in the order of its joined ids.
  const path = [from];
  const chosen: string[] = [];
  for (let i = 1; i <= length; i++) {
    const hops = (await steps.hops(path[i - 1]!)).filter((h) => on[i]!.has(h.id));
    const next = hops.map((h) => h.id).sort(inJoined)[0]!;
    // The last relation id ends the joined list: compared bare, the others with their '|'.
    const relations = hops.filter((h) => h.id === next).map((h) => h.relation);
    chosen.push(relations.sort(i === length ? cmp : inJoined)[0]!);
    path.push(next);
  }
  const nodes = (await steps.entities(path)).filter((e): e is Entity => e !== null);
  const relations = await steps.among([...new Set(path)], Math.min(...nodes.map((e) => e.degree)));
  const byId = new Map(relations.map((r) => [r.id, r]));
  return { nodes, edges: chosen.map((id) => byId.get(id)!), truncated: false };
}
