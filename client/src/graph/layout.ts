/**
 * Runs the force layout repeatably: the random start is drawn from a seed
 * made of the ids laid out, so the same story gives the same picture; nodes
 * the user moved or pinned stay where they are.
 */
import type { CollectionReturnValue, Core, LayoutOptions } from 'cytoscape';
import type { Point } from '../url-state.js';
import { storySeed, withSeed } from './placement.js';

export function runLayout(eles: CollectionReturnValue, layout: Record<string, unknown>): Promise<void> {
  if (eles.nodes().empty()) return Promise.resolve();
  const run = eles.layout(layout as unknown as LayoutOptions);
  const done = run.promiseOn('layoutstop').then(() => undefined);
  // fcose lays out synchronously when it does not animate, so the seed covers every random draw.
  withSeed(storySeed(eles.nodes().map((n) => n.id())), () => run.run());
  return done;
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
