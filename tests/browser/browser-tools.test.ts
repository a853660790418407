/**
 * Exploring tools in Chromium on the seed story: Back and Forward as undo
 * and redo, results that zoom to themselves with a clear-highlight chip and
 * quotes on every path step, exports that carry their sources, the table
 * view, sizing by importance, tooltips, the context menu and bulk actions.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, startBrowserHarness, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser-tools.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;

const visible = (page: Page) => page.evaluate(() => window.cy!.nodes(':visible').map((n) => n.id()).sort());
const renderedCentre = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const cy = window.cy!;
    const p = (cy.getElementById(nodeId) as unknown as import('cytoscape').NodeSingular).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);

describeInBrowser('exploring tools in Chromium', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowserHarness();
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it('Back and Forward undo and redo each exploring step', async () => {
    const page = await b.open('?scope=none&add=gitanas-nauseda&sel=n:gitanas-nauseda');
    const one = await visible(page);
    await page.click('#panel-body button[data-action="expand"]');
    await b.settled(page);
    const expanded = await visible(page);
    expect(expanded.length).toBeGreaterThan(one.length);
    await page.goBack();
    await b.settled(page);
    expect(await visible(page)).toEqual(one);
    expect(new URL(page.url()).searchParams.get('expand')).toBeNull();
    await page.goForward();
    await b.settled(page);
    expect(await visible(page)).toEqual(expanded);
    // The page's own buttons do the same.
    await page.click('#undo');
    await b.settled(page);
    expect(await visible(page)).toEqual(one);
    await page.click('#redo');
    await b.settled(page);
    expect(await visible(page)).toEqual(expanded);
    await page.context().close();
  });

  it('a path zooms to itself, lists each step with its quote, and the chip clears it', async () => {
    const page = await b.open();
    const overviewZoom = await page.evaluate(() => window.cy!.zoom());
    await page.evaluate(() => history.pushState(null, '', '?path=gitanas-nauseda,maria-kolesnikova'));
    await page.goto(page.url());
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    await b.settled(page);
    const { shortestPath } = await b.gql<{ shortestPath: { edges: { id: string; evidence: { quote: string }[] }[] } }>('{ shortestPath(from: "gitanas-nauseda", to: "maria-kolesnikova", maxLength: 8) { edges { id evidence { quote } } } }');
    await page.waitForFunction((n) => document.querySelectorAll('#panel-body .path-steps > li blockquote').length >= n, shortestPath.edges.length);
    const quotes = await page.$$eval('#panel-body .path-steps > li', (items) => items.map((li) => [...li.querySelectorAll('blockquote')].map((q) => q.textContent)));
    expect(quotes).toHaveLength(shortestPath.edges.length);
    for (const q of quotes) expect(q.length).toBeGreaterThan(0);
    const fitted = await page.evaluate(() => {
      const cy = window.cy!;
      const lit = cy.$('.path');
      const box = lit.renderedBoundingBox({});
      return { zoom: cy.zoom(), inside: box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height(), unlabelled: cy.nodes('.path.quiet').length };
    });
    expect(fitted.zoom).toBeGreaterThan(overviewZoom);
    expect(fitted.inside).toBe(true);
    expect(fitted.unlabelled).toBe(0);
    await page.click('#result-chip button');
    await b.settled(page);
    expect(await page.evaluate(() => window.cy!.$('.path, .faded').length)).toBe(0);
    expect(new URL(page.url()).searchParams.get('path')).toBeNull();
    await page.context().close();
  });

  it('an answer zooms to its nodes and labels every one of them', async () => {
    const page = await b.open('?q=Who%20brokered%20the%20release%3F');
    const result = await page.evaluate(() => {
      const cy = window.cy!;
      const box = cy.$('.answer').renderedBoundingBox({});
      return { lit: cy.nodes('.answer').length, unlabelled: cy.nodes('.answer.quiet').map((n) => n.id()), inside: box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1 };
    });
    expect(result.lit).toBeGreaterThan(1);
    expect(result.unlabelled).toEqual([]);
    expect(result.inside).toBe(true);
    expect(await page.isVisible('#result-chip button')).toBe(true);
    await page.context().close();
  });

  it('exports JSON with every quote, certainty and article; CSV with quotes; PNG and SVG with legend, title and sources', async () => {
    const page = await b.open();
    const { stats } = await b.gql<{ stats: { entities: number; relations: number } }>('{ stats { entities relations } }');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(exported.nodes).toHaveLength(stats.entities);
    expect(exported.edges).toHaveLength(stats.relations);
    for (const e of exported.edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const q of e.evidence) expect(q).toEqual(expect.objectContaining({ quote: expect.any(String), certainty: expect.stringMatching(/^(STATED|ATTRIBUTED|UNCONFIRMED|PLANNED)$/), article: expect.objectContaining({ id: expect.any(String), title: expect.any(String) }) }));
    }
    expect(exported.sources.length).toBeGreaterThan(0);

    const downloads: { name: string; text: string }[] = [];
    page.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), text: fs.readFileSync((await d.path())!, 'utf8') }));
    await page.click('#export-csv');
    for (let i = 0; i < 100 && downloads.length < 2; i++) await page.waitForTimeout(100);
    expect(downloads).toHaveLength(2);
    const edgesCsv = downloads.find((d) => d.name.includes('relations'))!.text;
    const nodesCsv = downloads.find((d) => d.name.includes('nodes'))!.text;
    expect(nodesCsv.trim().split('\r\n')).toHaveLength(stats.entities + 1);
    expect(edgesCsv.split('\r\n')[0]).toBe('id,from,relation,to,date,certainty,quote,according to,article,source');
    expect(edgesCsv.split('\r\n').length).toBeGreaterThan(stats.relations);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('Sources (');
    expect(svgText).toContain('>Person</text>');
    expect(svgText).toMatch(/Exported \d{4}-\d{2}-\d{2}/);
    expect((svgText.match(/<circle /g) ?? []).length).toBeGreaterThanOrEqual(stats.entities);

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The frame adds a title band and a legend and sources band to the drawing.
    const height = bytes.readUInt32BE(20);
    const drawing = await page.evaluate(() => window.cy!.elements().renderedBoundingBox({}).h / window.cy!.zoom() * 2);
    expect(height).toBeGreaterThan(drawing + 200);
    await page.context().close();
  });

  it('the table lists the view, sorts and filters, shows quotes, and a row selects in the graph', async () => {
    const page = await b.open();
    const { stats } = await b.gql<{ stats: { entities: number; relations: number } }>('{ stats { entities relations } }');
    await page.click('#tab-table');
    await b.settled(page);
    await page.waitForSelector('#entity-table');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('table');
    expect(await page.$$eval('#entity-table tbody tr', (r) => r.length)).toBe(stats.entities);
    expect(await page.$$eval('#relation-table tbody tr', (r) => r.length)).toBe(stats.relations);
    await page.waitForSelector('#relation-table td.quotes q');
    const degrees = await page.$$eval('#entity-table tbody td.num', (c) => c.map((x) => Number(x.textContent)));
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    await page.click('#entity-table thead button:has-text("Name")');
    const names = await page.$$eval('#entity-table tbody th', (c) => c.map((x) => x.textContent ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    await page.fill('#table-filter', 'nauseda');
    expect(await page.$$eval('#entity-table tbody tr', (r) => r.map((x) => x.getAttribute('data-id')))).toEqual(['gitanas-nauseda']);
    await page.click('#entity-table tbody th button');
    await b.settled(page);
    expect(await page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()))).toEqual(['gitanas-nauseda']);
    await page.context().close();
  });

  it('“Who matters” sizes nodes by betweenness computed in the page', async () => {
    const page = await b.open();
    const before = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), Number(n.data('size'))])));
    await page.click('#who-matters');
    await b.settled(page);
    await page.waitForTimeout(100);
    const after = await page.evaluate(() => {
      const cy = window.cy!;
      const bc = cy.elements().betweennessCentrality({ directed: false });
      const ranked = cy.nodes().map((n) => ({ id: n.id(), b: bc.betweenness(n), size: Number(n.data('size')) })).sort((a, c) => c.b - a.b);
      return { biggest: ranked[0]!, smallestScore: ranked[ranked.length - 1]!, sizes: Object.fromEntries(ranked.map((r) => [r.id, r.size])) };
    });
    expect(new URL(page.url()).searchParams.get('size')).toBe('betweenness');
    expect(after.biggest.size).toBeGreaterThan(after.smallestScore.size);
    expect(after.sizes).not.toEqual(before);
    await page.context().close();
  });

  it('hovering shows a tooltip; right-click opens a menu that expands by relation type, pins and hides; shift-click selects several for bulk hide', async () => {
    const page = await b.open('?scope=none&add=gitanas-nauseda,alexander-lukashenko,donald-trump');
    const at = await renderedCentre(page, 'gitanas-nauseda');
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    expect(await page.textContent('#tooltip')).toMatch(/Naus.da · Person/);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.waitForSelector('#context-menu:not([hidden]) [data-action="expand-type"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    const type = (await page.getAttribute('#context-menu [data-action="expand-type"]', 'data-type'))!;
    await page.click('#context-menu [data-action="expand-type"]');
    await b.settled(page);
    expect(new URL(page.url()).searchParams.get('expand')).toBe(`gitanas-nauseda~${type}`);
    // Only neighbours through that type came in (the nodes already added aside).
    const others = await page.evaluate((t) => {
      const cy = window.cy!;
      const hub = cy.getElementById('gitanas-nauseda');
      return hub.neighborhood('node').filter((n) => !['alexander-lukashenko', 'donald-trump'].includes(n.id()) && hub.edgesWith(n).filter((e) => e.data('type') === t).empty()).map((n) => n.id());
    }, type);
    expect(others).toEqual([]);

    const at2 = await renderedCentre(page, 'gitanas-nauseda');
    await page.mouse.click(at2.x, at2.y, { button: 'right' });
    await page.click('#context-menu [data-action="pin"]');
    await b.settled(page);
    expect(new URL(page.url()).searchParams.get('pos')).toContain('gitanas-nauseda@');

    const [p1, p2] = [await renderedCentre(page, 'alexander-lukashenko'), await renderedCentre(page, 'donald-trump')];
    await page.mouse.click(p1.x, p1.y);
    await b.settled(page);
    await page.keyboard.down('Shift');
    await page.mouse.click(p2.x, p2.y);
    await page.keyboard.up('Shift');
    await page.waitForSelector('#panel-body .multi-bar');
    await page.click('#panel-body [data-action="hide-many"]');
    await b.settled(page);
    const shown = await visible(page);
    expect(shown).not.toContain('alexander-lukashenko');
    expect(shown).not.toContain('donald-trump');
    await page.context().close();
  });
});
