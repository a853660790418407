/**
 * The page on a 390x844 phone in Chromium: it opens on a focused, labelled
 * view of the best-connected entity; header and toolbar take under 100 px;
 * the legend and filters are an overlay and the panel a bottom sheet. Takes
 * the README's phone screenshot (docs/screenshot-phone.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import { HAVE_CHROMIUM, startBrowserHarness, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser-phone.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;
const PHONE = { width: 390, height: 844 };

describeInBrowser('the page on a phone', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowserHarness();
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it('opens on the best-connected entity and its neighbours, labelled and big enough to read', async () => {
    const page = await b.open('', PHONE);
    const { graph } = await b.gql<{ graph: { nodes: { id: string; degree: number }[] } }>('{ graph { nodes { id degree } } }');
    const hub = [...graph.nodes].sort((a, c) => c.degree - a.degree || a.id.localeCompare(c.id))[0]!.id;
    // The phone opener expands the hub after the first drawing; on a slower engine that lands later.
    await page.waitForURL((u) => new URL(u).searchParams.get('expand') !== null, { timeout: 30_000 });
    const view = await page.evaluate((id) => {
      const cy = window.cy!;
      const n = cy.getElementById(id);
      return { zoom: cy.zoom(), hubLabelled: !n.hasClass('quiet'), nodes: cy.nodes().length, smallest: Math.min(...cy.nodes().map((x) => x.renderedOuterWidth())), fontPx: Number.parseFloat(n.style('font-size')) * cy.zoom() };
    }, hub);
    expect(new URL(page.url()).searchParams.get('expand')).toBe(hub);
    expect(view.hubLabelled).toBe(true);
    expect(view.nodes).toBeGreaterThan(1);
    expect(view.smallest).toBeGreaterThanOrEqual(14);
    expect(view.fontPx).toBeGreaterThanOrEqual(9);
    await page.context().close();
  });

  it('keeps header and toolbar under 100 px, the legend in an overlay and the panel in a bottom sheet', async () => {
    const page = await b.open('', PHONE);
    const chrome = await page.evaluate(() => document.querySelector('.toolbar')!.getBoundingClientRect().bottom);
    expect(chrome).toBeLessThan(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await page.isVisible('#kind-filter')).toBe(false);
    await page.click('#filters-toggle');
    expect(await page.isVisible('#kind-filter')).toBe(true);
    const legend = await page.evaluate(() => document.getElementById('kind-filter')!.getBoundingClientRect());
    expect(legend.top).toBeLessThan(844);
    expect(legend.left).toBeGreaterThanOrEqual(0);
    await page.click('#filters-toggle');
    const sheet = await page.evaluate(() => {
      const r = document.getElementById('panel')!.getBoundingClientRect();
      return { position: getComputedStyle(document.getElementById('panel')!).position, bottom: r.bottom, height: r.height };
    });
    expect(sheet.position).toBe('fixed');
    expect(sheet.bottom).toBeCloseTo(844, 0);
    expect(sheet.height).toBeLessThan(844 / 2);
    await page.click('#panel-toggle');
    expect(await page.isVisible('#panel-body')).toBe(false);
    await page.click('#panel-toggle');
    expect(await page.isVisible('#panel-body')).toBe(true);
    fs.mkdirSync(path.join(PROJECT_ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'screenshot-phone.png') });
    await page.context().close();
  });
});
