/**
 * Labels a reader can trust and the same picture every time, in Chromium on
 * the seed story: the ten biggest hubs are labelled and nothing covers their
 * names; the layout repeats; a copied link reopens the same positions and
 * zoom, moved nodes included; expanding moves nothing already drawn.
 */
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, picture, startBrowserHarness, topByDegree, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser-view.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;

/** For each id: shown at a readable size, inside the canvas, and covered by no other label or body drawn above it. */
function labelCheck(page: Page, ids: string[]) {
  return page.evaluate((wanted) => {
    type El = import('cytoscape').SingularElementArgument;
    const cy = window.cy!;
    const w = cy.width();
    const h = cy.height();
    const shown = (e: El) => !e.hasClass('quiet') && Number(e.style('text-opacity')) > 0 && Boolean(e.style('label')) && Number.parseFloat(e.style('font-size')) * cy.zoom() >= Number.parseFloat(e.style('min-zoomed-font-size'));
    const box = (e: El) => e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    const body = (e: El) => e.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeOverlays: false, includeUnderlays: false });
    const meets = (a: { x1: number; y1: number; x2: number; y2: number }, b: { x1: number; y1: number; x2: number; y2: number }) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
    const z = (e: El) => Number(e.style('z-index'));
    return wanted.map((id) => {
      const n = cy.getElementById(id);
      const label = box(n);
      const problems: string[] = [];
      if (!shown(n)) problems.push('unlabelled');
      if (label.x1 < 0 || label.y1 < 0 || label.x2 > w || label.y2 > h) problems.push('cut by the canvas edge');
      cy.nodes(':visible').forEach((o) => {
        if (o.id() === id) return;
        if (shown(o) && meets(label, box(o))) problems.push(`label overlaps the label of ${o.id()}`);
        if (z(o) >= z(n) && meets(label, body(o))) problems.push(`label under the body of ${o.id()}`);
      });
      return { id, text: String(n.data('label')), screenPx: Number.parseFloat(n.style('font-size')) * cy.zoom(), problems };
    });
  }, ids);
}

describeInBrowser('the picture in Chromium', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowserHarness();
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it('labels the ten biggest hubs at 1280x800, readable and covered by nothing', async () => {
    const page = await b.open();
    const hubs = await topByDegree(page, 10);
    const checks = await labelCheck(page, hubs);
    expect(checks.filter((c) => c.problems.length)).toEqual([]);
    for (const c of checks) expect(c.screenPx).toBeGreaterThanOrEqual(9);
    // Every node is big enough to see and to hit.
    const smallest = await page.evaluate(() => Math.min(...window.cy!.nodes().map((n) => n.renderedOuterWidth())));
    expect(smallest).toBeGreaterThanOrEqual(14);
    await page.context().close();
  });

  it('forces the labels of the selection and of every answer node', async () => {
    const page = await b.open('?q=Who%20brokered%20the%20release%3F&sel=n:united-states');
    const lit = await page.evaluate(() => window.cy!.nodes('.answer').map((n) => n.id()));
    expect(lit.length).toBeGreaterThan(1);
    const checks = await labelCheck(page, [...lit, 'united-states']);
    expect(checks.filter((c) => c.problems.includes('unlabelled'))).toEqual([]);
    await page.context().close();
  });

  it('places the names a pan brings into view, as a fresh label pass would', async () => {
    const page = await b.open();
    // Zoomed in on the leftmost node, then panned to a hub far to its right: a label pass covers the screen and a margin,
    // so what the pan shows must be placed once it settles.
    const classesInView = () =>
      page.evaluate(() => {
        const cy = window.cy!;
        const e = cy.extent();
        return cy
          .nodes(':visible')
          .filter((n) => {
            const p = n.position();
            return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
          })
          .map((n) => `${n.id()} ${['quiet', 'top', 'label-above', 'label-right', 'label-left'].filter((c) => n.hasClass(c)).join(' ')}`)
          .sort();
      });
    await page.evaluate(() => {
      const cy = window.cy!;
      const left = cy.nodes().min((n) => n.position().x).ele;
      cy.zoom({ level: cy.zoom() * 4, position: left.position() });
    });
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      const cy = window.cy!;
      // The best-connected node well beyond the margin the last pass covered.
      const e = cy.extent();
      const far = cy.nodes().filter((n) => n.position().x > e.x2 + e.w);
      const target = far.max((n) => Number(n.data('degree') ?? 0)).ele;
      const p = target.renderedPosition();
      cy.panBy({ x: cy.width() / 2 - p.x, y: cy.height() / 2 - p.y });
    });
    await page.waitForTimeout(700);
    const afterPan = await classesInView();
    expect(afterPan.length).toBeGreaterThan(2);
    expect(afterPan.filter((c) => !c.includes('quiet')).length).toBeGreaterThan(1);
    // A zoom event runs a fresh pass (the camera stays put): it must find nothing to change.
    await page.evaluate(() => void window.cy!.emit('zoom'));
    await page.waitForTimeout(400);
    expect(await classesInView()).toEqual(afterPan);
    await page.context().close();
  });

  it('draws the same story at the same positions on every load', async () => {
    const first = await b.open();
    const second = await b.open();
    const [p1, p2] = [await picture(first), await picture(second)];
    expect(Object.keys(p2.positions).sort()).toEqual(Object.keys(p1.positions).sort());
    for (const [id, at] of Object.entries(p1.positions)) {
      expect([id, Math.round(p2.positions[id]!.x), Math.round(p2.positions[id]!.y)]).toEqual([id, Math.round(at.x), Math.round(at.y)]);
    }
    expect(p2.zoom).toBeCloseTo(p1.zoom, 5);
    await first.context().close();
    await second.context().close();
  });

  it('draws the overview where the server laid it out, without waiting for the layout code', async () => {
    const page = await b.open();
    const { canvas, drawnAt, fcoseAt } = await page.evaluate(() => {
      const el = document.getElementById('graph')!;
      const drawn = performance.getEntriesByName('explorer:drawn')[0]!.startTime;
      const fcose = performance.getEntriesByType('resource').find((r) => /cytoscape-fcose/.test(r.name));
      return { canvas: { width: el.clientWidth, height: el.clientHeight }, drawnAt: drawn, fcoseAt: fcose?.startTime ?? Infinity };
    });
    // The force layout's code is fetched after the first drawing, for the steps that need it.
    expect(fcoseAt).toBeGreaterThan(drawnAt);
    const { graph } = await b.gql<{ graph: { layout: { positions: { id: string; x: number; y: number }[] } } }>(
      'query($w: Int!, $h: Int!) { graph(limit: 2000) { layout(width: $w, height: $h) { positions { id x y } } } }',
      { w: canvas.width, h: canvas.height },
    );
    const drawn = (await picture(page)).positions;
    // Most nodes are where the server put them; the rest were pushed off the hubs' names in the page.
    const same = graph.layout.positions.filter((p) => Math.abs(drawn[p.id]!.x - p.x) < 0.5 && Math.abs(drawn[p.id]!.y - p.y) < 0.5);
    expect(same.length).toBeGreaterThan(graph.layout.positions.length / 2);
    await page.context().close();
  });

  it('a copied link reopens the same picture: moved nodes, expanded ones, zoom and pan', async () => {
    const page = await b.open('?scope=none&add=gitanas-nauseda&sel=n:gitanas-nauseda');
    // Expand through the panel: neighbours go around the expanded node, nothing drawn moves.
    await page.click('#panel-body button[data-action="expand"]');
    await b.settled(page);
    const before = await picture(page);
    const neighbour = (await page.evaluate(() => window.cy!.getElementById('gitanas-nauseda').neighborhood('node').map((n) => n.id())))[0]!;
    const { neighbourhood } = await b.gql<{ neighbourhood: { nodes: { id: string }[] } }>('query($id: ID!) { neighbourhood(id: $id) { nodes { id } } }', { id: neighbour });
    // A double tap starts the expansion at once (the page marks itself busy), so waiting for it to settle is enough.
    await page.evaluate((id) => {
      window.cy!.getElementById(id).emit('dbltap');
    }, neighbour);
    await b.settled(page);
    const after = await picture(page);
    for (const [id, at] of Object.entries(before.positions)) expect([id, Math.round(after.positions[id]!.x), Math.round(after.positions[id]!.y)]).toEqual([id, Math.round(at.x), Math.round(at.y)]);
    expect(Object.keys(after.positions).length).toBeGreaterThanOrEqual(Math.min(neighbourhood.nodes.length, Object.keys(before.positions).length));

    // Drag a node as a user would, then zoom and pan.
    const target = await page.evaluate(() => {
      const cy = window.cy!;
      const n = cy.nodes().filter((x) => x.id() !== 'gitanas-nauseda').last() as unknown as import('cytoscape').NodeSingular;
      const p = n.renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { id: n.id(), x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await page.mouse.move(target.x + 40, target.y + 25, { steps: 6 });
    await page.mouse.up();
    await b.settled(page);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('pos')?.includes(id), target.id);
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(400);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('view'));
    await page.waitForTimeout(300);
    const shown = await picture(page);
    const link = page.url();

    const again = await b.open(link.slice(b.url.length + 1));
    const reopened = await picture(again);
    expect(Object.keys(reopened.positions).sort()).toEqual(Object.keys(shown.positions).sort());
    for (const [id, at] of Object.entries(shown.positions)) {
      const p = reopened.positions[id]!;
      expect([id, Math.abs(p.x - at.x) <= 3 && Math.abs(p.y - at.y) <= 3]).toEqual([id, true]);
    }
    expect(reopened.zoom).toBeCloseTo(shown.zoom, 2);
    expect(Math.abs(reopened.pan.x - shown.pan.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(reopened.pan.y - shown.pan.y)).toBeLessThanOrEqual(3);
    await again.context().close();
    await page.context().close();
  }, 240_000);
});
