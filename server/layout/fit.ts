/**
 * The label scale a page settles on when it fits a drawing into its canvas,
 * computed from positions and the label sizes label-box.ts estimates. No
 * Cytoscape here: the server's thread computes this for each canvas size,
 * while the layouts themselves run on the layout thread.
 */
import { labelBox } from './label-box.js';
import { BORDER_PX, FIT_PADDING, labelScale, LABEL_MARGIN_PX, MAX_ZOOM, nodeSize } from './readable.js';

interface Named {
  id: string;
  name: string;
  degree: number;
}
interface Placed {
  id: string;
  x: number;
  y: number;
}

/** The drawing's extent with labels drawn at `scale`: each node's body centred on its place, its label below. */
function extent(nodes: readonly Named[], at: ReadonlyMap<string, Placed>, scale: number, labels: boolean) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const p = at.get(n.id);
    if (!p) continue;
    const half = (nodeSize(n.degree) + BORDER_PX) / 2;
    const label = labels ? labelBox(n.name, scale) : { width: 0, height: 0 };
    const halfWidth = Math.max(half, label.width / 2);
    x1 = Math.min(x1, p.x - halfWidth);
    x2 = Math.max(x2, p.x + halfWidth);
    y1 = Math.min(y1, p.y - half);
    y2 = Math.max(y2, p.y + half + (labels ? LABEL_MARGIN_PX * scale + label.height : 0));
  }
  return { w: Math.max(1, x2 - x1), h: Math.max(1, y2 - y1) };
}

/**
 * The label scale the page settles on when it fits these positions into a
 * canvas of width x height: labels grow as the zoom falls and the drawing
 * grows with its labels, so the scale is found by repeating the fit until it
 * stops changing. Given this scale up front, the page's first fit keeps it
 * and does not restyle every label. A big scene's fit counts no labels (few
 * are drawn, by the label pass, after the fit).
 */
export function fittedLabelScale(nodes: readonly Named[], positions: readonly Placed[], width: number, height: number, { start = 1, labels = true } = {}): number {
  const at = new Map(positions.map((p) => [p.id, p]));
  let scale = start;
  for (let i = 0; i < 8; i++) {
    const { w, h } = extent(nodes, at, scale, labels);
    const zoom = Math.min(MAX_ZOOM, (width - 2 * FIT_PADDING) / w, (height - 2 * FIT_PADDING) / h);
    const next = labelScale(zoom);
    const done = Math.abs(next - scale) < 0.01;
    scale = next;
    if (done) break;
  }
  return Math.round(scale * 100) / 100;
}
