/**
 * Which names show. The hubs (top by degree or betweenness), the selection,
 * answers and paths are always labelled and drawn above other nodes; other
 * labels give way to them and to each other (label-culling.ts). Fonts grow
 * as the user zooms out so shown names stay readable.
 */
import type { Collection, Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { labelScale, placeLabels, placeLabelSpots, type LabelBox } from '../label-culling.js';
import { EDGE_LABEL_MIN_PX } from '../style.js';

const LABEL_ONLY = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as const;
const BODY_ONLY = { includeNodes: true, includeLabels: false, includeOverlays: false, includeUnderlays: false } as const;

/** Classes that move a label above, right or left of its node (label-culling's spots 1-3). */
const SPOT_CLASSES = ['label-above', 'label-right', 'label-left'] as const;

export interface LabelInputs {
  /** Ids always labelled, most important first. */
  hubs: readonly string[];
  /** Importance in [0, 1] by id: the order in which the other labels claim room. */
  importance: ReadonlyMap<string, number>;
  /** Current label font scale (labels grow as the user zooms out). */
  scale: number;
  /** Big scenes: labels only where this pass puts them, boxes estimated, not measured. */
  lean: boolean;
}

/** Classes the pass sets: quiet (no label, drawn beneath), hub and forced (drawn on top). */
export function forcedIds(cy: Core, hubs: readonly string[]): Set<string> {
  const forced = new Set(hubs);
  cy.$('node:selected, node.path, node.answer').forEach((n) => void forced.add(n.id()));
  return forced;
}

/** A box in model coordinates. */
export interface Region {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where a label pass places labels: the visible part of the graph and `around` of its size on each
 * side, so that a short pan finds its names placed; null (everywhere) when the canvas has no size
 * (headless Cytoscape). Outside it a pass leaves labels as they were: the view runs a pass again
 * when a pan leaves the region (GraphView).
 */
export function labelRegion(cy: Core, around = 0.25): Region | null {
  if (!(cy.width() > 0 && cy.height() > 0)) return null;
  const e = cy.extent();
  const dx = e.w * around;
  const dy = e.h * around;
  return { x1: e.x1 - dx, y1: e.y1 - dy, x2: e.x2 + dx, y2: e.y2 + dy };
}

/** True when the box lies inside the region (null: everywhere). */
export function covers(region: Region | null, box: Region): boolean {
  return !region || (box.x1 >= region.x1 && box.x2 <= region.x2 && box.y1 >= region.y1 && box.y2 <= region.y2);
}

function inRegion(region: Region | null, p: { x: number; y: number }): boolean {
  return !region || (p.x >= region.x1 && p.x <= region.x2 && p.y >= region.y1 && p.y <= region.y2);
}

/**
 * Labels of a story-sized scene, measured by Cytoscape, within `region` (nodes there, and edges
 * whose middle is there; the selection, results and hubs anywhere). Returns the ids shown.
 * Measuring is most of a pass: zoomed in on an answer, the seed story's whole graph took 80 ms, the
 * part on screen a fraction of it.
 */
export function placeSceneLabels(cy: Core, { hubs, importance, scale }: LabelInputs, region: Region | null = labelRegion(cy)): Set<string> {
  const zoom = cy.zoom();
  const forced = forcedIds(cy, hubs);
  const hubRank = new Map(hubs.map((id, i) => [id, hubs.length - i]));
  const edgeLabels = 10 * scale * zoom >= EDGE_LABEL_MIN_PX;
  const boxes: LabelBox[] = [];
  const bodies: Omit<LabelBox, 'priority'>[] = [];
  const margin = 3 * scale;
  const nodes = cy.nodes().filter((n) => forced.has(n.id()) || inRegion(region, n.position())).filter(':visible');
  nodes.forEach((n) => {
    const id = n.id();
    const priority = n.selected() ? 1e9 : n.hasClass('faded') ? -1e6 : (forced.has(id) ? 1e6 + (hubRank.get(id) ?? 0) * 100 : 0) + (n.hasClass('near') ? 5e5 : 0) + (importance.get(id) ?? 0) * 1000 + Number(n.data('degree') ?? 0);
    const label = n.boundingBox(LABEL_ONLY);
    const b = n.boundingBox(BODY_ONLY);
    // The label's size does not depend on where it sits: its four spots come from the body's box.
    const w = label.x2 - label.x1;
    const h = label.y2 - label.y1;
    const cx = (b.x1 + b.x2) / 2;
    const cyy = (b.y1 + b.y2) / 2;
    const below = { x1: cx - w / 2, y1: b.y2 + margin, x2: cx + w / 2, y2: b.y2 + margin + h };
    const spots = [
      { x1: cx - w / 2, y1: b.y1 - margin - h, x2: cx + w / 2, y2: b.y1 - margin },
      { x1: b.x2 + margin, y1: cyy - h / 2, x2: b.x2 + margin + w, y2: cyy + h / 2 },
      { x1: b.x1 - margin - w, y1: cyy - h / 2, x2: b.x1 - margin, y2: cyy + h / 2 },
    ];
    boxes.push({ id, priority, forced: forced.has(id) && !n.hasClass('faded'), ...below, spots });
    bodies.push({ id, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  const isLit = (e: EdgeSingular) => e.selected() || e.hasClass('near') || e.hasClass('path') || e.hasClass('answer');
  const edges = cy.edges().filter((e) => {
    if (isLit(e) || !region) return true;
    const a = e.source().position();
    const b = e.target().position();
    return inRegion(region, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  }).filter(':visible');
  edges.forEach((e) => {
    const lit = isLit(e);
    if (!lit && !edgeLabels) return;
    boxes.push({ id: e.id(), priority: e.selected() ? 1e9 : lit ? 5e5 : -1, ...e.boundingBox(LABEL_ONLY) });
  });
  const spots = placeLabelSpots(boxes, bodies);
  const scope = region ? nodes.union(edges) : cy.elements();
  applySpots(cy, scope, spots, forced);
  // The spots above, right and left are estimated from the box below; measure where the labels really went
  // and quiet any lesser label that still meets one placed before it (never a forced one).
  const priorityOf = new Map(boxes.map((b) => [b.id, b.forced ? 2e9 + b.priority : b.priority]));
  const placed: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const late: string[] = [];
  [...spots.keys()]
    .sort((a, b) => priorityOf.get(b)! - priorityOf.get(a)! || a.localeCompare(b))
    .forEach((id) => {
      const box = cy.getElementById(id).boundingBox(LABEL_ONLY);
      if (!(box.w > 0 && box.h > 0)) return;
      if (priorityOf.get(id)! < 2e9 && placed.some((o) => box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2)) late.push(id);
      else placed.push(box);
    });
  if (late.length) {
    late.forEach((id) => spots.delete(id));
    applySpots(cy, scope, spots, forced);
  }
  return new Set(spots.keys());
}

/** Sets the classes of a label pass on the elements it placed: quiet, top (forced and shown) and the spot. */
function applySpots(cy: Core, eles: Collection, spots: ReadonlyMap<string, number>, forced: ReadonlySet<string>): void {
  cy.batch(() =>
    eles.forEach((el) => {
      const id = el.id();
      const quiet = !spots.has(id);
      if (el.hasClass('quiet') !== quiet) el.toggleClass('quiet', quiet);
      if (!el.isNode()) return;
      const top = forced.has(id) && !quiet;
      if (el.hasClass('top') !== top) el.toggleClass('top', top);
      const spot = spots.get(id) ?? 0;
      SPOT_CLASSES.forEach((cls, i) => el.hasClass(cls) !== (spot === i + 1) && el.toggleClass(cls, spot === i + 1));
    }),
  );
}

/**
 * The label pass of big scenes: label boxes are estimated from the text
 * (nothing is measured), and only nodes that would render legibly, or that
 * the user is looking at, are candidates.
 */
export function placeLeanLabels(cy: Core, { hubs, importance }: LabelInputs): Set<string> {
  const zoom = cy.zoom();
  const legible = 12 * zoom >= 6;
  const extent = cy.extent();
  const forced = forcedIds(cy, hubs);
  const focus = cy.$('node:selected, node.near, node.path, node.answer').union(cy.nodes().filter((n) => forced.has(n.id())));
  const candidates = legible
    ? cy
        .nodes(':visible')
        .filter((n) => {
          const p = n.position();
          return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
        })
        .union(focus)
    : focus;
  const boxes: LabelBox[] = [];
  const bodies: Omit<LabelBox, 'priority'>[] = [];
  candidates.forEach((n) => {
    const p = (n as NodeSingular).position();
    const size = Number(n.data('size') ?? 30);
    const text = String(n.data('label') ?? '');
    const width = Math.min(120, text.length * 6.6);
    const lines = Math.max(1, Math.ceil((text.length * 6.6) / 120));
    const top = p.y + size / 2 + 3;
    const priority = n.selected() ? 1e9 : (focus.has(n) ? 1e6 : 0) + (importance.get(n.id()) ?? 0) * 1000 + Number(n.data('degree') ?? 0);
    boxes.push({ id: n.id(), priority, forced: forced.has(n.id()), x1: p.x - width / 2, y1: top, x2: p.x + width / 2, y2: top + lines * 15 });
    bodies.push({ id: n.id(), x1: p.x - size / 2, y1: p.y - size / 2, x2: p.x + size / 2, y2: p.y + size / 2 });
  });
  const shown = placeLabels(boxes, bodies);
  cy.batch(() => {
    cy.nodes('.labelled').filter((n) => !shown.has(n.id())).removeClass('labelled');
    for (const id of shown) cy.getElementById(id).addClass('labelled');
  });
  return shown;
}

/** The label scale for the current zoom; null when the current one is close enough. */
export function nextLabelScale(zoom: number, current: number, tolerance = 0.08): number | null {
  const next = labelScale(zoom);
  return Math.abs(next - current) / current > tolerance ? next : null;
}
