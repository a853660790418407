/**
 * What the canvas shows, derived from the view state and what was fetched:
 * the overview (or nothing), nodes added one by one, expanded neighbourhoods
 * capped per page, the path and the answer, less the hidden nodes. Pure, so
 * undo and a reopened link recompute exactly the same scene.
 */
import type { EntityNode, RelationEdge, Subgraph } from './queries.js';
import type { ViewState } from './url-state.js';

/** Neighbours one "expand" (or one "show more") brings in. */
export const EXPAND_CAP = 25;

export interface SceneSources {
  overview: Subgraph | null;
  /** Depth-1 neighbourhood of each expanded node. */
  neighbourhoods: ReadonlyMap<string, Subgraph>;
  /** Each added node with its relations. */
  added: ReadonlyMap<string, Subgraph>;
  path: Subgraph | null;
  answer: Subgraph | null;
}

export interface Scene {
  subgraph: Subgraph;
  /** Expanded node id -> how many neighbours "show more" would still add. */
  more: Map<string, number>;
  /** Expanded node ids whose neighbourhood came back cut at the page's fetch limit: it has more neighbours than `more` counts. */
  cut: Set<string>;
  /** Node id -> the expanded node that brought it in (the first, in the order of expanding): where it is drawn. */
  origin: Map<string, string>;
}

export function composeScene(state: ViewState, sources: SceneSources, cap = EXPAND_CAP): Scene {
  const nodes = new Map<string, EntityNode>();
  const pinned = new Set<string>();
  const edges = new Map<string, RelationEdge>();
  const hidden = new Set(state.hidden);
  const more = new Map<string, number>();
  const cut = new Set<string>();
  const origin = new Map<string, string>();
  const addNode = (n: EntityNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const pool = (g: Subgraph | null | undefined) => {
    if (g) for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  };

  if (state.scope === 'all' && sources.overview) {
    sources.overview.nodes.forEach(addNode);
    pool(sources.overview);
  }
  for (const id of state.added) {
    const g = sources.added.get(id);
    if (!g) continue;
    g.nodes.filter((n) => n.id === id).forEach(addNode);
    pool(g);
  }
  for (const { id, pages, types } of state.expanded) {
    const g = sources.neighbourhoods.get(id);
    if (!g) continue;
    const centre = g.nodes.find((n) => n.id === id);
    if (centre) addNode(centre);
    const neighbours = neighboursOf(id, g, types);
    const shown = neighbours.slice(0, cap * pages);
    for (const n of shown) {
      if (!nodes.has(n.id)) origin.set(n.id, id);
      addNode(n);
    }
    if (neighbours.length > shown.length) more.set(id, neighbours.length - shown.length);
    if (g.truncated) cut.add(id);
    pool(g);
  }
  for (const g of [sources.path, sources.answer]) {
    if (!g) continue;
    for (const n of g.nodes) {
      addNode(n);
      pinned.add(n.id);
    }
    pool(g);
  }

  const visible = [...nodes.values()].filter((n) => pinned.has(n.id) || !hidden.has(n.id));
  const ids = new Set(visible.map((n) => n.id));
  const kept = [...edges.values()].filter((e) => ids.has(e.from.id) && ids.has(e.to.id));
  return { subgraph: { nodes: visible, edges: kept, truncated: Boolean(sources.overview?.truncated) }, more, cut, origin };
}

/** The neighbours of `id` in a subgraph (through these relation types, when given), best connected first (what a cap keeps). */
export function neighboursOf(id: string, g: Pick<Subgraph, 'nodes' | 'edges'>, types?: readonly string[]): EntityNode[] {
  const linked = new Set<string>();
  for (const e of g.edges) {
    if (types?.length && !types.includes(e.type)) continue;
    if (e.from.id === id) linked.add(e.to.id);
    if (e.to.id === id) linked.add(e.from.id);
  }
  return g.nodes
    .filter((n) => n.id !== id && linked.has(n.id))
    .sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
}

/**
 * Nodes hanging only from `id` in the scene: what "collapse" folds away when
 * the node was not expanded by the user (the overview already showed them).
 */
export function leavesOf(id: string, g: Pick<Subgraph, 'nodes' | 'edges'>): string[] {
  const links = new Map<string, Set<string>>();
  for (const e of g.edges) {
    if (e.from.id === e.to.id) continue;
    (links.get(e.from.id) ?? links.set(e.from.id, new Set()).get(e.from.id)!).add(e.to.id);
    (links.get(e.to.id) ?? links.set(e.to.id, new Set()).get(e.to.id)!).add(e.from.id);
  }
  return [...(links.get(id) ?? [])].filter((n) => links.get(n)!.size === 1);
}
