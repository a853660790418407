/**
 * The search box finds words as well as names: names first, then the
 * sentences of the articles that hold the words, each with the entity it is
 * most about; choosing a sentence (by keyboard here) opens its article at
 * that sentence and selects the entities it mentions. In Debian's Chromium,
 * over the real server and the seeded story.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, startBrowserHarness, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser/browser-search-passages.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The options of the open search list, in order: an entity's id or a sentence's words. */
function options(page: Page): Promise<{ id: string | null; passage: string | null; text: string }[]> {
  return page.$$eval('#search-list li[role="option"]', (lis) => lis.map((li) => ({ id: li.getAttribute('data-id'), passage: li.getAttribute('data-passage'), text: li.textContent ?? '' })));
}

describeInBrowser('finding words with the search box', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowserHarness();
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it('lists the names first, then the sentences that hold the words', async () => {
    const page = await b.open();
    await page.fill('#search-input', 'Kolesnikova');
    await page.waitForSelector('#search-list li.passage');
    const listed = await options(page);
    const firstSentence = listed.findIndex((o) => o.passage);
    expect(listed[0]?.id).toBe('maria-kolesnikova');
    expect(firstSentence).toBeGreaterThan(0);
    expect(listed.slice(firstSentence).every((o) => o.passage && !o.id)).toBe(true);
    expect(listed.slice(firstSentence).every((o) => /kolesnikova/i.test(o.text))).toBe(true);
    await page.context().close();
  });

  it('finds "passport" in Kolesnikova’s sentence, with her as the one it is about', async () => {
    const page = await b.open();
    await page.fill('#search-input', 'passport');
    await page.waitForSelector('#search-list li.passage');
    const sentence = (await options(page)).find((o) => o.text.includes('tore up her passport'));
    expect(sentence?.text).toContain('Maria Kolesnikova');
    expect(await page.textContent('#search-list li.passage mark')).toMatch(/passport/i);
    await page.context().close();
  });

  it('opens the article at the chosen sentence and selects the entities it mentions, all by keyboard', async () => {
    const page = await b.open();
    await page.focus('#search-input');
    await page.keyboard.type('passport');
    await page.waitForSelector('#search-list li.passage');
    // Down the list to the sentence, as a keyboard user would; the input keeps the focus and names the active option.
    for (let i = 0; i < 12; i++) {
      const active = await page.getAttribute('#search-input', 'aria-activedescendant');
      if (active && (await page.textContent(`#${active}`))?.includes('tore up her passport')) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Enter');
    await b.settled(page);
    await page.waitForSelector('#quoted');
    expect(await page.textContent('#quoted')).toContain('tore up her passport');
    expect(new URL(page.url()).searchParams.get('article')).toBe('000_ce575159250a277d');
    const selected = await page.evaluate(() => window.cy!.$('node:selected').map((n) => n.id()));
    expect(selected).toContain('maria-kolesnikova');
    expect(selected.length).toBeGreaterThan(1);
    await page.context().close();
  });

  it('axe finds no serious or critical violation with names and sentences listed', async () => {
    const page = await b.open();
    await page.fill('#search-input', 'Kolesnikova');
    await page.waitForSelector('#search-list li.passage');
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
