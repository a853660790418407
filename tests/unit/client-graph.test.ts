/**
 * The graph view's parts in headless Cytoscape (no browser): element diff,
 * decorations, importance and hubs, placement and the seeded layout.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { subgraphToElements } from '../../client/src/elements.js';
import { decorate, MIN_NODE_PX, NO_DECORATIONS, sizeNodes } from '../../client/src/graph/decorations.js';
import { diffElements, isEmptyDiff } from '../../client/src/graph/diff.js';
import { centrality, hubsOf, topNodes } from '../../client/src/graph/importance.js';
import { clearLabels, placeAround, seededRandom, storySeed, withSeed, type Footprint } from '../../client/src/graph/placement.js';
import type { Point } from '../../client/src/url-state.js';
import { placeFreshNodes } from '../../client/src/graph/fresh.js';
import { shareLabelMeasures } from '../../client/src/graph/create.js';
import { csvField, viewCsv, viewJson } from '../../client/src/export.js';
import { filterRows, sortRows } from '../../client/src/table-rows.js';
import { certaintyWords } from '../../client/src/evidence.js';
import type { EntityNode, RelationEdge } from '../../client/src/queries.js';

cytoscape.use(fcose);

const node = (id: string, degree = 1): EntityNode => ({ id, kind: 'PERSON', name: id.toUpperCase(), aliases: [], degree, date: null });
const edge = (from: string, to: string): RelationEdge => ({ id: `${from}-${to}`, type: 'MET', label: 'met', date: null, from: { id: from }, to: { id: to }, evidence: [] });
// n1 is the hub of a star; n5 bridges the star to a tail n6-n7.
const nodes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((id) => node(id, id === 'n1' ? 4 : 1));
const edges = [edge('n1', 'n2'), edge('n1', 'n3'), edge('n1', 'n4'), edge('n1', 'n5'), edge('n5', 'n6'), edge('n6', 'n7')];
const elements = subgraphToElements({ nodes, edges });
const made: cytoscape.Core[] = [];
const headless = () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: elements as unknown as ElementDefinition[] });
  made.push(cy);
  return cy;
};
// A headless core keeps a timer alive until destroyed.
afterEach(() => made.splice(0).forEach((cy) => cy.destroy()));

describe('element diff', () => {
  const drawn = (els: typeof elements) => new Map(els.map((e) => [e.data.id, { ...e.data } as Record<string, unknown>]));

  it('is empty when the canvas already shows the wanted elements', () => {
    expect(isEmptyDiff(diffElements(drawn(elements), elements))).toBe(true);
  });

  it('removes what is gone, adds nodes before edges, updates changed data only', () => {
    const wanted = subgraphToElements({ nodes: [...nodes.filter((n) => n.id !== 'n7'), node('n8'), { ...node('n2'), name: 'Renamed' }].filter((n, i, all) => all.findIndex((m) => m.id === n.id) === i), edges: [...edges.filter((e) => e.to.id !== 'n7'), edge('n8', 'n1')] });
    const d = diffElements(drawn(elements), wanted);
    expect(d.remove.sort()).toEqual(['n6-n7', 'n7']);
    expect(d.add.map((e) => e.data.id)).toEqual(['n8', 'n8-n1']);
    expect(d.update).toEqual([]);
    const renamed = diffElements(drawn(elements), elements.map((e) => (e.data.id === 'n2' ? { ...e, data: { ...e.data, label: 'Renamed' } } : e)) as typeof elements);
    expect(renamed.update.map((e) => e.data.id)).toEqual(['n2']);
  });

  it('ignores the node size the view keeps itself', () => {
    const resized = elements.map((e) => (e.group === 'nodes' ? { ...e, data: { ...e.data, size: 99 } } : e)) as typeof elements;
    expect(isEmptyDiff(diffElements(drawn(elements), resized))).toBe(true);
  });
});

describe('decorations', () => {
  it('marks path, answer, filtered and faded elements, and pinned and expanded nodes', () => {
    const cy = headless();
    decorate(cy, { ...NO_DECORATIONS, path: new Set(['n1', 'n1-n5', 'n5']), filtered: new Set(['n7', 'n1']), expanded: new Set(['n5']), pinned: new Set(['n2']) });
    const has = (cls: string) => cy.$(`.${cls}`).map((e) => e.id()).sort();
    expect(has('path')).toEqual(['n1', 'n1-n5', 'n5']);
    expect(has('filtered')).toEqual(['n7']); // a lit element is never filtered away
    expect(has('faded')).toContain('n2');
    expect(has('faded')).not.toContain('n1');
    expect(has('expanded')).toEqual(['n5']);
    expect(has('pinned')).toEqual(['n2']);
    decorate(cy, NO_DECORATIONS);
    expect(cy.$('.path, .faded, .filtered').length).toBe(0);
  });

  it('keeps nodes at least the minimum size on screen however far out the zoom', () => {
    const cy = headless();
    sizeNodes(cy, null, 0.1);
    expect(Math.min(...cy.nodes().map((n) => Number(n.data('size')) * 0.1))).toBeGreaterThanOrEqual(MIN_NODE_PX - 0.5);
    sizeNodes(cy, null, 1);
    expect(cy.getElementById('n1').data('size')).toBeGreaterThan(cy.getElementById('n7').data('size'));
  });

  it('sizes nodes by a centrality score when one is chosen', () => {
    const cy = headless();
    const scores = centrality(cy.elements(), 'betweenness');
    sizeNodes(cy, scores, 1);
    // n5 is a bridge: by betweenness it outranks the leaves it is level with by degree.
    expect(cy.getElementById('n5').data('size')).toBeGreaterThan(cy.getElementById('n2').data('size'));
  });
});

describe('importance and hubs', () => {
  it('scores degree, betweenness and PageRank with Cytoscape, the best at 1', () => {
    const cy = headless();
    for (const measure of ['degree', 'betweenness', 'pagerank'] as const) {
      const s = centrality(cy.elements(), measure);
      expect(Math.max(...s.values())).toBeCloseTo(1);
      if (measure !== 'pagerank') expect(s.get('n1')).toBeCloseTo(1);
    }
    // PageRank follows the direction of relations: the end of the chain collects rank.
    const pr = centrality(cy.elements(), 'pagerank');
    expect(pr.get('n7')!).toBeGreaterThan(pr.get('n1')!);
    expect(centrality(cy.elements(), 'betweenness').get('n6')!).toBeGreaterThan(centrality(cy.elements(), 'betweenness').get('n7')!);
  });

  it('always labels the best by degree or betweenness, repeatably', () => {
    const cy = headless();
    expect(hubsOf(cy.elements(), 3)).toEqual(['n1', 'n5', 'n6']);
    expect(topNodes(new Map([['a', 1], ['b', 0.2], ['c', 0.2]]), new Map([['b', 0.1], ['c', 0.9]]), 2)).toEqual(['a', 'c']);
  });

  it('works the hubs out again when the drawn graph changes, not when it is the same', () => {
    const cy = headless();
    expect(hubsOf(cy.elements(), 3)).toEqual(['n1', 'n5', 'n6']);
    // Another hub for the tail: n7 gains three neighbours, so the answer must change.
    cy.add(['a', 'b', 'c'].flatMap((id) => [{ group: 'nodes' as const, data: { id } }, { group: 'edges' as const, data: { id: `n7-${id}`, source: 'n7', target: id } }]));
    expect(hubsOf(cy.elements(), 3)).toContain('n7');
    cy.remove(cy.$('#a, #b, #c'));
    expect(hubsOf(cy.elements(), 3)).toEqual(['n1', 'n5', 'n6']);
  });
});

describe('label measures', () => {
  /** A stand-in for Cytoscape's canvas renderer: counts how often a label is really measured. */
  function measuringCore() {
    const calls: string[] = [];
    const renderer = {
      calculateLabelDimensions(ele: { pstyle(p: string): { strValue: string } }, text: string) {
        calls.push(`${ele.pstyle('font-size').strValue} ${text}`);
        return { width: text.length * Number.parseFloat(ele.pstyle('font-size').strValue), height: 12 };
      },
    };
    const ele = (size: string) => ({ pstyle: (p: string) => ({ strValue: p === 'font-size' ? size : 'x' }) });
    return { cy: { renderer: () => renderer } as unknown as cytoscape.Core, renderer, calls, ele };
  }

  it('measures a text once per font, and hands each caller its own copy', () => {
    const { cy, renderer, calls, ele } = measuringCore();
    shareLabelMeasures(cy);
    const first = renderer.calculateLabelDimensions(ele('12px'), 'Lukashenko');
    first.width = 0; // Cytoscape writes into what it gets
    expect(renderer.calculateLabelDimensions(ele('12px'), 'Lukashenko')).toEqual({ width: 120, height: 12 });
    expect(renderer.calculateLabelDimensions(ele('24px'), 'Lukashenko').width).toBe(240);
    expect(calls).toEqual(['12px Lukashenko', '24px Lukashenko']);
  });

  it('forgets everything once it holds the limit, so a long session does not grow without end', () => {
    const { cy, renderer, calls, ele } = measuringCore();
    shareLabelMeasures(cy, 2);
    for (const text of ['a', 'b', 'c', 'a']) renderer.calculateLabelDimensions(ele('12px'), text);
    expect(calls).toEqual(['12px a', '12px b', '12px c', '12px a']);
  });
});

describe('placement and the seeded layout', () => {
  it('draws the same numbers from the same seed, whatever the order of the ids', () => {
    expect(storySeed(['b', 'a'])).toBe(storySeed(['a', 'b']));
    expect(storySeed(['a'])).not.toBe(storySeed(['b']));
    const r1 = seededRandom(7);
    const r2 = seededRandom(7);
    expect([r1(), r1()]).toEqual([r2(), r2()]);
  });

  it('lays the same story out at the same positions every time', () => {
    const run = () => {
      const cy = headless();
      withSeed(storySeed(cy.nodes().map((n) => n.id())), () => cy.layout({ name: 'fcose', animate: false, randomize: true } as cytoscape.LayoutOptions).run());
      return cy.nodes().map((n) => ({ ...n.position() }));
    };
    expect(run()).toEqual(run());
  });

  it('puts new nodes around their anchor without moving or covering drawn ones', () => {
    const drawn = new Map([['hub', { x: 0, y: 0 }], ['other', { x: 84, y: 0 }]]);
    const fresh = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => ({ id, anchors: ['hub'], weight: 8 - i, size: 30 }));
    const placed = placeAround(fresh, drawn);
    expect(placed.size).toBe(8);
    const all = [...drawn.values(), ...placed.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(Math.hypot(all[i]!.x - all[j]!.x, all[i]!.y - all[j]!.y)).toBeGreaterThanOrEqual(54);
    for (const p of placed.values()) expect(Math.hypot(p.x, p.y)).toBeLessThan(400);
    expect(placeAround(fresh, drawn)).toEqual(placed);
  });

  it('places the new nodes of a step beside the drawn node they hang from, moving nothing drawn', () => {
    const cy = headless();
    const drawn = new Set(['n1', 'n2', 'n3', 'n4']);
    cy.nodes().forEach((n, i) => void n.position(drawn.has(n.id()) ? { x: 1000 + i * 80, y: 0 } : { x: 0, y: 0 }));
    const kept = () => cy.nodes().filter((n) => drawn.has(n.id())).map((n) => ({ ...(n as unknown as cytoscape.NodeSingular).position() }));
    const before = kept();
    placeFreshNodes(cy, ['n5', 'n6', 'n7'], { anchorsOf: (id) => (id === 'n5' ? ['n1'] : []) });
    expect(kept()).toEqual(before);
    const at = (id: string) => (cy.getElementById(id) as unknown as cytoscape.NodeSingular).position();
    // n5 goes around n1; n6 hangs from n5 and n7 from n6, each placed after its anchor.
    expect(Math.hypot(at('n5').x - at('n1').x, at('n5').y - at('n1').y)).toBeLessThan(300);
    expect(Math.hypot(at('n6').x - at('n5').x, at('n6').y - at('n5').y)).toBeLessThan(300);
    expect(Math.hypot(at('n7').x - at('n6').x, at('n7').y - at('n6').y)).toBeLessThan(300);
  });
});

describe('exports and the table', () => {
  const quotes = new Map([['n1-n2', [{ quote: 'N1 met N2, "briefly"', certainty: 'ATTRIBUTED', accordingTo: { id: 'x', name: 'Viasna' }, article: { id: 'a1', title: 'One', source: 'AP' } }]]]);
  const exportNodes = [{ id: 'n1', name: 'N1', kind: 'PERSON', degree: 4, date: null, x: 1.4, y: 2 }, { id: 'n2', name: '=N2', kind: 'PERSON', degree: 1, date: null, x: 0, y: 0 }];
  const exportEdges = [{ id: 'n1-n2', from: 'n1', to: 'n2', type: 'MET', label: 'met', date: null, certainty: 'ATTRIBUTED' }];

  it('JSON carries every quote with its certainty and article, and the list of sources', () => {
    const json = viewJson(exportNodes, exportEdges, quotes, { title: 't', link: 'l', exported: 'e', state: {} });
    expect(json.edges[0]!.evidence).toEqual([{ quote: 'N1 met N2, "briefly"', certainty: 'ATTRIBUTED', accordingTo: 'Viasna', article: { id: 'a1', title: 'One', source: 'AP', url: null } }]);
    expect(json.sources).toEqual([{ id: 'a1', title: 'One', source: 'AP' }]);
  });

  it('CSV quotes fields properly and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    const files = viewCsv(exportNodes, exportEdges, quotes);
    expect(files.nodes.split('\r\n')[2]).toBe("n2,'=N2,PERSON,1,");
    expect(files.edges.split('\r\n')[1]).toBe(`n1-n2,N1,met,'=N2,,ATTRIBUTED,"N1 met N2, ""briefly""",Viasna,One,AP`);
  });

  it('the table sorts by a column and filters by words, diacritics folded', () => {
    const rows = [{ id: 'a', name: 'Nausėda', degree: 3 }, { id: 'b', name: 'Losik', degree: 9 }, { id: 'c', name: 'Zed', degree: 3 }];
    expect(sortRows(rows, { key: 'degree', descending: true }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, { key: 'name', descending: false }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(filterRows(rows, 'nauseda').map((r) => r.id)).toEqual(['a']);
  });

  it('says how sure each quote is in words', () => {
    expect(certaintyWords('STATED')).toBe('');
    expect(certaintyWords(undefined)).toBe('');
    expect(certaintyWords('ATTRIBUTED', 'Viasna')).toBe('according to Viasna');
    expect(certaintyWords('UNCONFIRMED')).toBe('reportedly');
    expect(certaintyWords('PLANNED')).toMatch(/promised/);
  });
});

/** clearLabels as it was written first (objects for every rectangle): the fast one must move nodes exactly as this did. */
function plainClearLabels(items: readonly Footprint[], { gap = 4, rounds = 60 } = {}): Map<string, Point> {
  type Rect = { x1: number; y1: number; x2: number; y2: number };
  const at = new Map(items.map((i) => [i.id, { x: i.x, y: i.y }]));
  const body = (i: Footprint): Rect => {
    const p = at.get(i.id)!;
    return { x1: p.x - i.rx, y1: p.y - i.ry, x2: p.x + i.rx, y2: p.y + i.ry };
  };
  const label = (i: Footprint): Rect | null => {
    if (!i.label) return null;
    const p = at.get(i.id)!;
    return { x1: p.x + i.label.dx1, y1: p.y + i.label.dy1, x2: p.x + i.label.dx2, y2: p.y + i.label.dy2 };
  };
  const push = (a: Rect, b: Rect): Point | null => {
    const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
    const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
    if (ox <= -gap || oy <= -gap) return null;
    const dx = (b.x1 + b.x2) / 2 - (a.x1 + a.x2) / 2;
    const dy = (b.y1 + b.y2) / 2 - (a.y1 + a.y2) / 2;
    return ox + gap < oy + gap ? { x: (dx >= 0 ? 1 : -1) * (ox + gap), y: 0 } : { x: 0, y: (dy >= 0 ? 1 : -1) * (oy + gap) };
  };
  const protectedOnes = items.filter((i) => i.label);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const hub of protectedOnes) {
      for (const other of items) {
        if (other.id === hub.id) continue;
        const l = label(hub)!;
        for (const r of [body(other), label(other)]) {
          if (!r) continue;
          const d = push(l, r);
          if (!d) continue;
          const share = other.label && !hub.fixed ? 0.5 : 1;
          if (!other.fixed) {
            const p = at.get(other.id)!;
            at.set(other.id, { x: p.x + d.x * share, y: p.y + d.y * share });
            moved = true;
          }
          if (share < 1 || other.fixed) {
            if (hub.fixed) continue;
            const p = at.get(hub.id)!;
            const s = other.fixed ? 1 : 1 - share;
            at.set(hub.id, { x: p.x - d.x * s, y: p.y - d.y * s });
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  const out = new Map<string, Point>();
  for (const i of items) {
    const p = at.get(i.id)!;
    if (p.x !== i.x || p.y !== i.y) out.set(i.id, p);
  }
  return out;
}

describe('room for the hubs\' names (clearLabels)', () => {
  it('moves every node exactly as the plain version does, crowded or not, with pinned nodes', () => {
    let moved = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const r = seededRandom(seed);
      const n = 2 + Math.floor(r() * 40);
      const spread = 50 + r() * 600;
      const items: Footprint[] = Array.from({ length: n }, (_, k) => {
        const size = 5 + r() * 30;
        const item: Footprint = { id: `n${k}`, x: r() * spread, y: r() * spread, rx: size, ry: size * (0.5 + r()) };
        if (r() < 0.25) item.label = { dx1: -20 - r() * 60, dy1: size + 2, dx2: 20 + r() * 60, dy2: size + 10 + r() * 30 };
        if (r() < 0.1) item.fixed = true;
        return item;
      });
      const gap = r() * 8;
      const rounds = r() < 0.3 ? 1 + Math.floor(r() * 5) : 60;
      const fast = clearLabels(items, { gap, rounds });
      expect([...fast]).toEqual([...plainClearLabels(items, { gap, rounds })]);
      moved += fast.size;
    }
    expect(moved).toBeGreaterThan(100);
  });
});
