/**
 * Runs the force layout repeatably: the random start is drawn from a seed
 * made of the ids laid out, so the same story gives the same picture; nodes
 * the user moved or pinned stay where they are.
 */
import cytoscape, { type CollectionReturnValue, type Core, type LayoutOptions, type NodeCollection } from 'cytoscape';
import type { Point } from '../url-state.js';
import { storySeed, withSeed } from './placement.js';

let fcoseLoaded: Promise<void> | null = null;

/**
 * The force layout's code (fcose and its two layout libraries, about a quarter
 * of the page's script), fetched the first time a layout needs it: the
 * overview comes laid out by the server, so the first drawing does not wait
 * for it. The explorer asks for it early, once the first drawing is done.
 */
export function loadForceLayout(): Promise<void> {
  fcoseLoaded ??= import('cytoscape-fcose').then(({ default: fcose }) => void cytoscape.use(fcose));
  return fcoseLoaded;
}

export async function runLayout(eles: CollectionReturnValue, layout: Record<string, unknown>): Promise<void> {
  if (eles.nodes().empty()) return;
  if (layout.name === 'fcose') await loadForceLayout();
  const run = eles.layout(layout as unknown as LayoutOptions);
  const done = run.promiseOn('layoutstop').then(() => undefined);
  // fcose lays out synchronously when it does not animate, so the seed covers every random draw.
  withSeed(storySeed(eles.nodes().map((n) => n.id())), () => run.run());
  await done;
}

/** Moves these nodes to their saved positions (and keeps them there while the layout runs). */
export function pinPositions(cy: Core, positions: Readonly<Record<string, Point>>): void {
  cy.batch(() => {
    for (const [id, at] of Object.entries(positions)) {
      const n = cy.getElementById(id);
      if (n.nonempty() && n.isNode()) n.position({ x: at.x, y: at.y });
    }
  });
}

/** A layout made elsewhere (the server's, for the overview): the label scale it made room for and each node's place. */
export interface LaidOut {
  labelScale: number;
  positions: ReadonlyMap<string, Point>;
}

export function layoutMap(layout: { labelScale: number; positions: readonly { id: string; x: number; y: number }[] } | null | undefined): LaidOut | null {
  if (!layout?.positions.length) return null;
  return { labelScale: layout.labelScale, positions: new Map(layout.positions.map((p) => [p.id, { x: p.x, y: p.y }])) };
}

/** Puts `nodes` where a given layout placed them, when it placed every one of them; false (nothing moved) otherwise. */
export function applyLayout(cy: Core, nodes: NodeCollection, laid: LaidOut | null | undefined): boolean {
  if (!laid || nodes.empty() || nodes.toArray().some((n) => !laid.positions.has(n.id()))) return false;
  cy.batch(() => {
    for (const n of nodes.toArray()) n.position({ ...laid.positions.get(n.id())! });
  });
  return true;
}
