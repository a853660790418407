/**
 * The overview's force layout, computed on the server (on the layout thread,
 * layout-thread.ts): Cytoscape without a page (headless) runs the same fcose
 * layout, readable or draft, with the same options and the same seed, as the
 * page would (readable.ts). Each reader's page then draws
 * the positions at once instead of spending most of its first second on the
 * layout, and every reader sees the same picture.
 *
 * Without a page there are no measured labels, so each node is laid out as
 * the box its body and its label make together (label-box.ts), which is what
 * fcose does in the page when it counts labels in node sizes.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { labelBox } from './label-box.js';
import { BORDER_PX, draftLayout, nodeSize, readableLayout, storySeed, withSeed } from './readable.js';

cytoscape.use(fcose);

export interface LayoutNode {
  id: string;
  name: string;
  degree: number;
}
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
}
export interface Position {
  id: string;
  x: number;
  y: number;
}

/** Positions (model pixels, node centres) of every node, for labels drawn at `scale` (the draft layout of big scenes: none). Deterministic. */
export function forceLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], scale: number, { draft = false } = {}): Position[] {
  if (!nodes.length) return [];
  // fcose's result depends on the order of the elements: sorted, the same subgraph gives the same picture
  // whichever engine (and order) it came from.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  nodes = [...nodes].sort(byId);
  edges = [...edges].sort(byId);
  const ids = new Set(nodes.map((n) => n.id));
  const labelHeight = new Map<string, number>();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => {
        const body = nodeSize(n.degree) + BORDER_PX;
        // The draft layout of a big scene leaves labels out, as the page does (few of them are drawn).
        const label = draft ? { width: 0, height: 0 } : labelBox(n.name, scale);
        labelHeight.set(n.id, label.height);
        return { group: 'nodes' as const, data: { id: n.id, degree: n.degree, w: Math.max(body, label.width), h: body + label.height } };
      }),
      ...edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.from, target: e.to } })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
  });
  try {
    // The label is inside each box here, so fcose must not add it again.
    const options = draft ? draftLayout() : readableLayout({ randomize: true, animate: false });
    const run = cy.layout({ ...options, fit: false, nodeDimensionsIncludeLabels: false } as unknown as cytoscape.LayoutOptions);
    withSeed(storySeed(nodes.map((n) => n.id)), () => run.run());
    // A box's centre sits half a label below the node's (labels are drawn under nodes).
    return cy.nodes().map((n) => {
      const p = n.position();
      return { id: n.id(), x: round(p.x), y: round(p.y - labelHeight.get(n.id())! / 2) };
    });
  } finally {
    cy.destroy();
  }
}

const round = (v: number) => Math.round(v * 10) / 10;
