/**
 * Room for the hubs' names: after the force layout, nodes a hub's label
 * would cover are pushed aside (repeatably, placement.ts's clearLabels),
 * measured at the size the labels are drawn. Pinned nodes stay.
 */
import type { CollectionReturnValue, Core } from 'cytoscape';
import { hubsOf } from './importance.js';
import { clearLabels, type Footprint } from './placement.js';

const LABEL_ONLY = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as const;

/** What a node and, for a hub, its label cover, from Cytoscape's measures. */
export function footprints(eles: CollectionReturnValue, hubs: ReadonlySet<string>): Footprint[] {
  return eles.nodes().map((n) => {
    const p = n.position();
    const item: Footprint = { id: n.id(), x: p.x, y: p.y, rx: n.outerWidth() / 2, ry: n.outerHeight() / 2 };
    if (hubs.has(n.id())) {
      const l = n.boundingBox(LABEL_ONLY);
      item.label = { dx1: l.x1 - p.x, dy1: l.y1 - p.y, dx2: l.x2 - p.x, dy2: l.y2 - p.y };
    }
    return item;
  });
}

/**
 * Pushes nodes off the hubs' labels, at most `passes` times; `settle` refits
 * (and may resize labels) after each move. Returns how many passes moved anything.
 */
export function makeRoomForHubs(cy: Core, eles: CollectionReturnValue, o: { gap: () => number; settle: () => void; passes?: number }): number {
  const hubs = new Set(hubsOf(eles));
  o.settle();
  let moves = 0;
  for (let pass = 0; pass < (o.passes ?? 2); pass++) {
    const moved = clearLabels(footprints(eles, hubs), { gap: o.gap() });
    if (!moved.size) break;
    moves++;
    cy.batch(() => moved.forEach((p, id) => void cy.getElementById(id).position(p)));
    o.settle();
  }
  return moves;
}
