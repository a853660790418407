/**
 * Who matters in the drawn graph, computed in the page with Cytoscape's own
 * algorithms (degree, betweenness, PageRank): it sizes nodes and decides
 * which names are always labelled.
 */
import type { CollectionReturnValue, NodeSingular } from 'cytoscape';
import type { SizeBy } from '../url-state.js';

/** Above this many nodes betweenness (Brandes, O(nodes x edges)) is too slow for a click: degree stands in. */
export const BETWEENNESS_LIMIT = 1500;
/** How many of the most important nodes are always labelled. */
export const HUB_COUNT = 10;

/** Scores in [0, 1] by node id (1 = the most important drawn node). */
export function centrality(eles: CollectionReturnValue, measure: SizeBy): Map<string, number> {
  const nodes = eles.nodes();
  const raw = new Map<string, number>();
  if (nodes.empty()) return raw;
  if (measure === 'betweenness' && nodes.length <= BETWEENNESS_LIMIT) {
    const b = eles.betweennessCentrality({ directed: false });
    nodes.forEach((n) => void raw.set(n.id(), b.betweenness(n)));
  } else if (measure === 'pagerank') {
    const pr = eles.pageRank({});
    nodes.forEach((n) => void raw.set(n.id(), pr.rank(n)));
  } else {
    nodes.forEach((n) => void raw.set(n.id(), (n as NodeSingular).degree(false)));
  }
  return normalise(raw);
}

/** Values divided by the largest (all zero stays zero). */
export function normalise(scores: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(0, ...scores.values());
  return new Map([...scores].map(([id, v]) => [id, max > 0 ? v / max : 0]));
}

/**
 * The nodes that must always be labelled: the top `count` by degree (ties by
 * betweenness, then id, so it is repeatable), and the top half as many by
 * betweenness (the brokers between parts of the story), each once.
 */
export function topNodes(byDegree: ReadonlyMap<string, number>, byBetweenness: ReadonlyMap<string, number>, count = HUB_COUNT): string[] {
  const ids = [...new Set([...byDegree.keys(), ...byBetweenness.keys()])];
  const d = (id: string) => byDegree.get(id) ?? 0;
  const b = (id: string) => byBetweenness.get(id) ?? 0;
  const top = [...ids].sort((x, y) => d(y) - d(x) || b(y) - b(x) || x.localeCompare(y)).slice(0, count);
  const brokers = [...ids].filter((id) => b(id) > 0).sort((x, y) => b(y) - b(x) || d(y) - d(x) || x.localeCompare(y)).slice(0, Math.ceil(count / 2));
  return [...new Set([...top, ...brokers])];
}

/** The last graph's hubs, by its element ids: a first drawing asks twice (room for names, then labels), clicks ask again. */
let lastHubs: { key: string; count: number; hubs: string[] } | null = null;

/** The hubs of a drawn graph, from Cytoscape's degree and betweenness. */
export function hubsOf(eles: CollectionReturnValue, count = HUB_COUNT): string[] {
  const key = eles.map((e) => e.id()).sort().join('\n');
  if (lastHubs && lastHubs.key === key && lastHubs.count === count) return [...lastHubs.hubs];
  const degree = centrality(eles, 'degree');
  const betweenness = eles.nodes().length <= BETWEENNESS_LIMIT ? centrality(eles, 'betweenness') : new Map<string, number>();
  const hubs = topNodes(degree, betweenness, count);
  lastHubs = { key, count, hubs };
  return [...hubs];
}

/** Node diameter for an importance score: the area grows with it, from 30 to 110 model px. */
export function importanceSize(score: number): number {
  return Math.round(30 + 80 * Math.sqrt(Math.max(0, Math.min(1, score))));
}
