/**
 * Where the camera is: fit the drawing or a result, centre on an element,
 * zoom by a step, and restore a saved zoom and pan.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Viewport } from '../url-state.js';
import { FIT_PADDING } from '../../../server/layout/readable.js';
export { FIT_PADDING };

/** Puts the element (not its label) in the middle, zooming in to at least 1. */
export function centreOn(cy: Core, id: string, { duration = 350 } = {}): void {
  const el = cy.getElementById(id);
  if (el.empty()) return;
  const zoom = Math.max(cy.zoom(), 1);
  const p = el.isNode() ? (el as NodeSingular).position() : (el as unknown as EdgeSingular).midpoint();
  cy.stop();
  const pan = { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom };
  if (duration > 0) cy.animate({ zoom, pan }, { duration });
  else cy.viewport({ zoom, pan });
}

export function zoomBy(cy: Core, factor: number): void {
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Fits these ids (a path, an answer) with room around them, never closer than zoom 1.6. */
export function fitTo(cy: Core, ids: ReadonlySet<string>, { padding = 60, maxZoom = 1.6 } = {}): void {
  const eles = cy.elements().filter((e) => ids.has(e.id()));
  if (eles.empty()) return;
  cy.stop();
  cy.fit(eles, padding);
  if (cy.zoom() > maxZoom) cy.zoom({ level: maxZoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const box = eles.boundingBox({});
  const z = cy.zoom();
  cy.pan({ x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * z, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * z });
}

export function currentViewport(cy: Core): Viewport {
  return { zoom: cy.zoom(), pan: { ...cy.pan() } };
}

export function applyViewport(cy: Core, v: Viewport): void {
  cy.viewport({ zoom: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), v.zoom)), pan: v.pan });
}

/** True when every one of these nodes is inside the visible part of the canvas. */
export function allInView(cy: Core, ids: readonly string[]): boolean {
  const e = cy.extent();
  return ids.every((id) => {
    const p = (cy.getElementById(id) as unknown as NodeSingular).position();
    return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
  });
}
