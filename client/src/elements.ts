/**
 * Pure mapping from API subgraphs to Cytoscape element definitions. No
 * cytoscape import: the shapes are plain objects, tested in Node.
 */
import type { EntityNode, Kind, RelationEdge, Subgraph } from './queries.js';
import { nodeSize } from '../../server/layout/readable.js';
export { nodeSize };

export interface NodeData {
  id: string;
  kind: Kind;
  name: string;
  /** The drawn label: the name, wrapped by the stylesheet. */
  label: string;
  degree: number;
  /** Diameter in model pixels, grows with the degree. */
  size: number;
  date: string | null;
  aliases: string[];
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Readable words for the type (released by). */
  label: string;
  date: string | null;
  /** How many distinct articles back the relation: drawn as the width. */
  sources: number;
  width: number;
  /** How sure the articles are (story format 2); STATED when the API does not say. */
  certainty: string;
}

export interface NodeElement { group: 'nodes'; data: NodeData; position?: { x: number; y: number } }
export interface EdgeElement { group: 'edges'; data: EdgeData }
export type GraphElement = NodeElement | EdgeElement;


/** Edge width for the number of articles that state the relation. */
export function edgeWidth(sources: number): number {
  return Math.min(6, 1.2 + 0.9 * Math.max(0, sources - 1));
}

/** "RELEASED_BY" -> "released by", for types the API did not label. */
export function readableType(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export function entityToNode(entity: EntityNode): NodeElement {
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      label: entity.name,
      degree: entity.degree,
      size: nodeSize(entity.degree),
      date: entity.date ?? null,
      aliases: entity.aliases ?? [],
    },
  };
}

export function relationToEdge(relation: RelationEdge): EdgeElement {
  const sources = new Set((relation.evidence ?? []).map((e) => e.article.id)).size;
  return {
    group: 'edges',
    data: {
      id: relation.id,
      source: relation.from.id,
      target: relation.to.id,
      type: relation.type,
      label: relation.label || readableType(relation.type),
      date: relation.date ?? null,
      sources,
      width: edgeWidth(sources),
      certainty: relation.certainty ?? 'STATED',
    },
  };
}

/**
 * A subgraph as elements: nodes first, then the edges whose both ends are
 * present (an edge to a node the limit cut off would make Cytoscape throw).
 */
export function subgraphToElements(subgraph: Pick<Subgraph, 'nodes' | 'edges'>): GraphElement[] {
  const nodes = uniqueBy(subgraph.nodes, (n) => n.id).map(entityToNode);
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = uniqueBy(subgraph.edges, (e) => e.id)
    .filter((e) => ids.has(e.from.id) && ids.has(e.to.id))
    .map(relationToEdge);
  return [...nodes, ...edges];
}

/** Merges several subgraphs; the first occurrence of an id wins. */
export function mergeSubgraphs(parts: readonly (Pick<Subgraph, 'nodes' | 'edges'> | null | undefined)[]): Subgraph {
  const nodes = new Map<string, EntityNode>();
  const edges = new Map<string, RelationEdge>();
  let truncated = false;
  for (const part of parts) {
    if (!part) continue;
    for (const n of part.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of part.edges) if (!edges.has(e.id)) edges.set(e.id, e);
    if ('truncated' in part && part.truncated) truncated = true;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

/** Ids of the nodes and edges of a subgraph, for highlighting. */
export function elementIds(subgraph: Pick<Subgraph, 'nodes' | 'edges'> | null | undefined): Set<string> {
  const ids = new Set<string>();
  if (!subgraph) return ids;
  for (const n of subgraph.nodes) ids.add(n.id);
  for (const e of subgraph.edges) ids.add(e.id);
  return ids;
}

/** The path's relations in walking order from `from`, each with the direction it is read in. */
export function pathSteps(subgraph: Pick<Subgraph, 'nodes' | 'edges'>, from: string): { relation: RelationEdge; forward: boolean }[] {
  const steps: { relation: RelationEdge; forward: boolean }[] = [];
  const left = [...subgraph.edges];
  let at = from;
  while (left.length) {
    const i = left.findIndex((e) => e.from.id === at || e.to.id === at);
    if (i < 0) break;
    const [relation] = left.splice(i, 1);
    const forward = relation!.from.id === at;
    steps.push({ relation: relation!, forward });
    at = forward ? relation!.to.id : relation!.from.id;
  }
  return steps;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
