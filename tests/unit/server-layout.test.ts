/**
 * The overview's layout made on the server (server/layout): label sizes from
 * the measured glyph widths, the label scale a page's fit settles on, and the
 * seeded fcose layout in headless Cytoscape. Plus the page's side: a given
 * layout is used only when it places every node.
 */
import cytoscape from 'cytoscape';
import { applyLayout, layoutMap } from '../../client/src/graph/layout.js';
import { fittedLabelScale } from '../../server/layout/fit.js';
import { forceLayout, type LayoutEdge, type LayoutNode } from '../../server/layout/force-layout.js';
import { labelBox, textWidth, wrapLines } from '../../server/layout/label-box.js';
import { FIT_PADDING, labelScale, LABEL_MAX_WIDTH_PX, layoutLabelScale } from '../../server/layout/readable.js';

/** A small story-like graph: two hubs, their neighbours, a few cross links. */
function story(): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [
    { id: 'hub-a', name: 'Alexander Example-Hub', degree: 0 },
    { id: 'hub-b', name: 'Second Hub', degree: 0 },
  ];
  const edges: LayoutEdge[] = [{ id: 'ab', from: 'hub-a', to: 'hub-b' }];
  for (let i = 0; i < 24; i++) {
    nodes.push({ id: `n${i}`, name: `Person number ${i} with a long name`, degree: 0 });
    edges.push({ id: `e${i}`, from: i % 3 ? 'hub-a' : 'hub-b', to: `n${i}` });
    if (i % 5 === 0 && i) edges.push({ id: `x${i}`, from: `n${i}`, to: `n${i - 1}` });
  }
  for (const n of nodes) n.degree = edges.filter((e) => e.from === n.id || e.to === n.id).length;
  return { nodes, edges };
}

describe('label sizes without a browser', () => {
  it('measures text from the glyph table, growing with the font size', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('Minsk')).toBeGreaterThan(20);
    expect(textWidth('Minsk')).toBeLessThan(60);
    expect(textWidth('Minsk', 24)).toBeGreaterThanOrEqual(2 * textWidth('Minsk') - 2);
    // Characters outside the table still take room.
    expect(textWidth('名前')).toBeGreaterThan(0);
  });

  it('wraps as Cytoscape does: between words, each line within the width unless one word is longer', () => {
    expect(wrapLines('Vilnius', LABEL_MAX_WIDTH_PX)).toEqual(['Vilnius']);
    const lines = wrapLines('The United States Department of State Bureau', LABEL_MAX_WIDTH_PX);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l.trimEnd())).toBeLessThanOrEqual(LABEL_MAX_WIDTH_PX);
    expect(lines.join('').replace(/\s+/g, ' ').trim()).toBe('The United States Department of State Bureau');
    expect(wrapLines('Supercalifragilisticexpialidociously-long', 40)).toEqual(['Supercalifragilisticexpialidociously-long']);
  });

  it('gives a label box that grows with the label scale', () => {
    const one = labelBox('Sviatlana Tsikhanouskaya', 1);
    const two = labelBox('Sviatlana Tsikhanouskaya', 2);
    expect(two.width).toBeGreaterThan(one.width * 1.8);
    expect(two.height).toBeGreaterThanOrEqual(one.height * 1.8);
  });
});

describe('the server-side force layout', () => {
  it('places every node, the same way every time and whatever the input order', () => {
    const { nodes, edges } = story();
    const a = forceLayout(nodes, edges, 1.5);
    const b = forceLayout([...nodes].reverse(), [...edges].reverse(), 1.5);
    expect(a).toHaveLength(nodes.length);
    const byId = new Map(b.map((p) => [p.id, p]));
    for (const p of a) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(byId.get(p.id)).toEqual(p);
    }
  });

  it('keeps nodes apart: no two bodies overlap', () => {
    const { nodes, edges } = story();
    const at = forceLayout(nodes, edges, 1.5);
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) expect(Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y)).toBeGreaterThan(30);
    }
  });

  it('ignores relations whose ends are not in the subgraph, and lays out nothing for no nodes', () => {
    const { nodes, edges } = story();
    expect(forceLayout(nodes, [...edges, { id: 'out', from: 'hub-a', to: 'elsewhere' }], 1)).toHaveLength(nodes.length);
    expect(forceLayout([], [], 1)).toEqual([]);
  });

  it('finds the label scale a fit settles on: the fit of the drawing with labels at that scale gives it back', () => {
    const { nodes, edges } = story();
    const at = forceLayout(nodes, edges, 1.5);
    const scale = fittedLabelScale(nodes, at, 1000, 700, { start: layoutLabelScale(nodes.length, 1000, 700) });
    expect(scale).toBeGreaterThanOrEqual(1);
    // Fitted again by hand at that scale: the extent of bodies and labels.
    let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
    for (const n of nodes) {
      const p = at.find((q) => q.id === n.id)!;
      const body = (30 + 10 * Math.sqrt(n.degree) + 2) / 2;
      const l = labelBox(n.name, scale);
      x1 = Math.min(x1, p.x - Math.max(body, l.width / 2));
      x2 = Math.max(x2, p.x + Math.max(body, l.width / 2));
      y1 = Math.min(y1, p.y - body);
      y2 = Math.max(y2, p.y + body + 3 * scale + l.height);
    }
    const zoom = Math.min((1000 - 2 * FIT_PADDING) / (x2 - x1), (700 - 2 * FIT_PADDING) / (y2 - y1));
    expect(Math.abs(labelScale(zoom) - scale) / scale).toBeLessThan(0.03);
    // A smaller canvas zooms out further, so labels grow.
    expect(fittedLabelScale(nodes, at, 400, 300)).toBeGreaterThan(scale);
  });
});

describe('a layout given to the page', () => {
  const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }] });
  afterAll(() => cy.destroy());

  it('is used only when it places every node', () => {
    expect(layoutMap(null)).toBeNull();
    expect(layoutMap({ labelScale: 2, positions: [] })).toBeNull();
    const partial = layoutMap({ labelScale: 2, positions: [{ id: 'a', x: 5, y: 6 }] })!;
    expect(applyLayout(cy, cy.nodes(), partial)).toBe(false);
    const full = layoutMap({ labelScale: 2, positions: [{ id: 'a', x: 5, y: 6 }, { id: 'b', x: -5, y: 60 }] })!;
    expect(applyLayout(cy, cy.nodes(), full)).toBe(true);
    expect(cy.getElementById('b').position()).toEqual({ x: -5, y: 60 });
  });
});

describe('the draft layout of a big scene', () => {
  it('places every node, repeatably, without room for labels', () => {
    const { nodes, edges } = story();
    const a = forceLayout(nodes, edges, 3, { draft: true });
    expect(a).toHaveLength(nodes.length);
    expect(forceLayout(nodes, edges, 1, { draft: true })).toEqual(a);
    // Labels are not in the boxes, so the drawing is tighter than the readable one.
    const span = (ps: { x: number }[]) => Math.max(...ps.map((p) => p.x)) - Math.min(...ps.map((p) => p.x));
    expect(span(a)).toBeLessThan(span(forceLayout(nodes, edges, 3)));
  });
});
