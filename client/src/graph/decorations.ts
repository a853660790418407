/**
 * What the state says about drawn elements, as classes: filtered out, on the
 * path, in the answer, faded while a result is shown, near the selection,
 * expanded, pinned; and node sizes (importance, never below a minimum on
 * screen). Only elements whose classes change are touched.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { nodeSize } from '../elements.js';
import { importanceSize } from './importance.js';

export type Highlight = 'path' | 'answer';

/** A node is never drawn smaller than this on screen, however far the user zooms out. */
export const MIN_NODE_PX = 14;

export interface Decorations {
  filtered: ReadonlySet<string>;
  path: ReadonlySet<string>;
  answer: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
}

export const NO_DECORATIONS: Decorations = { filtered: new Set(), path: new Set(), answer: new Set(), expanded: new Set(), pinned: new Set() };

function want(el: SingularElementArgument, cls: string, on: boolean): void {
  if (el.hasClass(cls) !== on) el.toggleClass(cls, on);
}

/** Applies filters, highlights, expanded and pinned marks. */
export function decorate(cy: Core, d: Decorations): void {
  const lit = new Set([...d.path, ...d.answer]);
  cy.batch(() => {
    cy.elements().forEach((el) => {
      const id = el.id();
      want(el, 'filtered', d.filtered.has(id) && !lit.has(id));
      want(el, 'path', d.path.has(id));
      want(el, 'answer', d.answer.has(id));
      want(el, 'faded', lit.size > 0 && !lit.has(id));
      if (el.isNode()) {
        want(el, 'expanded', d.expanded.has(id));
        want(el, 'pinned', d.pinned.has(id));
      }
    });
  });
}

/** Marks the selection's edges and neighbours (their labels show). */
export function markNear(cy: Core): void {
  cy.batch(() => {
    cy.elements('.near').removeClass('near');
    const sel = cy.$('node:selected');
    sel.connectedEdges().addClass('near');
    sel.neighborhood('node').addClass('near');
  });
}

/**
 * Node diameters: by degree (the API's count) or by a centrality score in
 * [0, 1], and at least MIN_NODE_PX on screen at this zoom.
 */
export function sizeNodes(cy: Core, scores: ReadonlyMap<string, number> | null, zoom: number): void {
  const floor = MIN_NODE_PX / Math.max(zoom, 1e-6);
  cy.batch(() =>
    cy.nodes().forEach((n) => {
      const base = scores ? importanceSize(scores.get(n.id()) ?? 0) : nodeSize(Number(n.data('degree') ?? 0));
      const size = Math.round(Math.max(base, floor));
      if (n.data('size') !== size) n.data('size', size);
    }),
  );
}
