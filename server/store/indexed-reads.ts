/**
 * Reads that walk the in-memory graph index (graph-index.ts) and ask the
 * engine only for the records of the answer, each by primary key:
 * the relations among a set of entities, and the shortest path.
 */
import type { Entity, Relation, Subgraph } from '../domain/types.js';
import type { Params } from './cypher-engine.js';
import { cmp, inJoined, type GraphIndex } from './graph-index.js';

/** Runs one named statement of relations and decodes its rows. */
export type ReadRelations = (name: string, params: Params) => Promise<Relation[]>;

/**
 * The relations of the given groups (GraphIndex.pairsAmong): one statement per
 * end and direction, all started together (the reader pool runs them in
 * parallel). A statement returns every relation between its two ends, so
 * other types are dropped here.
 */
export async function relationsOfPairs(groups: { id: string; out: string[]; in: string[] }[], types: readonly string[] | null | undefined, read: ReadRelations): Promise<Relation[]> {
  const reads = groups.flatMap((g) => [
    ...(g.out.length ? [read('relations-from-one', { id: g.id, ids: g.out })] : []),
    ...(g.in.length ? [read('relations-to-one', { id: g.id, ids: g.in })] : []),
  ]);
  const wanted = types?.length ? new Set(types) : null;
  const byId = new Map<string, Relation>();
  for (const r of (await Promise.all(reads)).flat()) if (!wanted || wanted.has(r.type)) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * The shortest path of shortest-walk.ts, found in the index; the engine reads
 * its entities in one statement and the relations of each step by the step's
 * first end. Between two entities with several relations, the step takes the
 * first by id (the last step compares ids bare, the others with their '|', as
 * in the joined list the order is defined on).
 */
export async function indexedPath(
  index: GraphIndex,
  entities: (ids: string[]) => Promise<(Entity | null)[]>,
  read: ReadRelations,
  from: string,
  to: string,
  maxLength: number,
): Promise<Subgraph | null> {
  const path = index.shortestPath(from, to, maxLength);
  if (!path) return null;
  const steps = path.slice(1).map((id, i) => [path[i]!, id] as const);
  const [nodes, ...between] = await Promise.all([
    entities(path),
    ...steps.map(([a, b]) => Promise.all([read('relations-from-one', { id: a, ids: [b] }), read('relations-to-one', { id: a, ids: [b] })]).then((x) => x.flat())),
  ]);
  if (nodes.some((e) => e === null)) return null; // the graph changed under the index
  const edges: Relation[] = [];
  for (let i = 0; i < between.length; i++) {
    const order = i === between.length - 1 ? cmp : inJoined;
    const first = between[i]!.sort((x, y) => order(x.id, y.id))[0];
    if (!first) return null;
    edges.push(first);
  }
  return { nodes: nodes as Entity[], edges, truncated: false };
}
