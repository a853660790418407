/**
 * Accessibility in Chromium: axe-core with the WCAG 2.0/2.1/2.2 A and AA and
 * best-practice rules finds no serious or critical violation on first load,
 * with a node selected, with an answer, in the article view and on a phone;
 * and the keyboard reaches the panel and moves through the graph.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, startBrowserHarness, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser-a11y.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Finding { id: string; impact: string | null; help: string; targets: string[] }

async function serious(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, TAGS);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

describeInBrowser('accessibility in Chromium', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowserHarness();
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it.each([
    ['on first load', ''],
    ['with a node selected', '?sel=n:release-of-52-prisoners-2025'],
    ['with an answer', '?q=Who%20brokered%20the%20release%3F'],
    ['in the article view', '?sel=e:released-prisoners.deported_to.lithuania&article=000_ce575159250a277d'],
    ['in the table', '?tab=table'],
  ])('axe finds no serious or critical violation %s', async (_what, query) => {
    const page = await b.open(query);
    await page.waitForTimeout(200);
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  });

  it('axe finds no serious or critical violation on a phone (390x844)', async () => {
    const page = await b.open('', { width: 390, height: 844 });
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  });

  it('focus lands on the panel heading on selection and stays put when the panel redraws', async () => {
    const page = await b.open('?scope=none&add=gitanas-nauseda');
    // Braces: emit returns the element, and serialising a Cytoscape element back to the test walks the whole graph (a minute under load).
    await page.evaluate(() => {
      window.cy!.getElementById('gitanas-nauseda').emit('tap');
    });
    await b.settled(page);
    await page.waitForFunction(() => document.activeElement?.id === 'details-title');
    await page.focus('#panel-body [data-action="pin"]');
    await page.keyboard.press('Enter');
    await b.settled(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toBe('pin');
    await page.context().close();
  });

  it('a skip link reaches the panel, and arrow keys walk from a node to its neighbours', async () => {
    const page = await b.open('?sel=n:gitanas-nauseda');
    const skip = await page.$$eval('a.skip', (a) => a.map((x) => x.getAttribute('href')));
    expect(skip).toContain('#panel');
    await page.focus('#graph');
    const neighbours = await page.evaluate(() => window.cy!.getElementById('gitanas-nauseda').neighborhood('node').map((n) => n.id()));
    await page.keyboard.press('ArrowRight');
    await b.settled(page);
    const first = await page.evaluate(() => window.cy!.$('node:selected').map((n) => n.id()));
    expect(first).toHaveLength(1);
    expect(neighbours).toContain(first[0]);
    expect(await page.textContent('#graph-live')).toContain('neighbour of Gitanas');
    await page.context().close();
  });
});
