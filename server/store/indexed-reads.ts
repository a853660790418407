/**
 * Reads that walk the in-memory graph index (graph-index.ts) and ask the
 * engine only for the records of the answer: the relations among a set of
 * entities, and the shortest path.
 */
import type { Entity, Relation, Subgraph } from '../domain/types.js';
import type { Params } from './cypher-engine.js';
import { cmp, inJoined, type GraphIndex } from './graph-index.js';

/** Runs one named statement of relations and decodes its rows. */
export type ReadRelations = (name: string, params: Params) => Promise<Relation[]>;

/** Up to this many statements, the relations are read one primary key at a time; more, by two statements over lists of offsets. */
const ONE_BY_ONE = 8;

/**
 * The relations with both ends among `ids`, of `types` (all when empty): the
 * index picks the pairs and the end to read each from (GraphIndex.pairsAmong);
 * a few ends are read one primary-key statement each, all started together
 * (the reader pool runs them in parallel), more in two statements over the
 * ends' offsets (cypher/ladybug/relations-from-heads.cypher says why). The
 * statements return every relation between the ends they read, so other
 * types are dropped here.
 */
export async function relationsAmong(index: GraphIndex, ids: readonly string[], types: readonly string[] | null | undefined, read: ReadRelations): Promise<Relation[]> {
  const groups = index.pairsAmong(ids, types);
  const keys = (list: string[]) => list.map((id) => index.keyOf(id)!);
  const outs = groups.filter((g) => g.out.length);
  const ins = groups.filter((g) => g.in.length);
  let reads: Promise<Relation[]>[];
  if (outs.length + ins.length <= ONE_BY_ONE) {
    reads = [...outs.map((g) => read('relations-from-one', { id: g.id, others: keys(g.out) })), ...ins.map((g) => read('relations-to-one', { id: g.id, others: keys(g.in) }))];
  } else {
    // Each statement tests its relations' other ends against only the ends it reads for (a shorter list).
    const others = (lists: string[][]) => keys([...new Set(lists.flat())]);
    reads = [
      ...(outs.length ? [read('relations-from-heads', { heads: keys(outs.map((g) => g.id)), others: others(outs.map((g) => g.out)) })] : []),
      ...(ins.length ? [read('relations-to-heads', { heads: keys(ins.map((g) => g.id)), others: others(ins.map((g) => g.in)) })] : []),
    ];
  }
  const wanted = types?.length ? new Set(types) : null;
  const byId = new Map<string, Relation>();
  for (const r of (await Promise.all(reads)).flat()) if (!wanted || wanted.has(r.type)) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * The shortest path of shortest-walk.ts, found in the index; the engine reads
 * its entities in one statement and the relations among them as relationsAmong
 * does. Between two entities with several relations, the step takes the
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
  // A shortest path has no chord: the relations among its entities are its steps' relations.
  const [nodes, relations] = await Promise.all([entities(path), relationsAmong(index, path, null, read)]);
  if (nodes.some((e) => e === null)) return null; // the graph changed under the index
  const edges: Relation[] = [];
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1]!, path[i]!];
    const order = i === path.length - 1 ? cmp : inJoined;
    const first = relations.filter((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a)).sort((x, y) => order(x.id, y.id))[0];
    if (!first) return null;
    edges.push(first);
  }
  return { nodes: nodes as Entity[], edges, truncated: false };
}
