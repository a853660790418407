/**
 * The explorer page in real Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no browser is ever downloaded) against the real server on
 * a free port, over the test engine (LadybugDB, or Neo4j in npm run test:neo4j) seeded from seed/data, serving a fresh
 * Vite build of client/. Without /usr/bin/chromium the suite is skipped with
 * a loud warning, never passed silently.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { SEED, seededStore } from '../support/graph.js';
import { quoted } from '../../client/src/evidence.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '!!  SKIPPED: tests/browser-explorer.test.ts did NOT run: /usr/bin/chromium is missing.',
      '!!  The explorer page is untested in a browser. Install it (no download by tests):',
      '!!      apt-get update && apt-get install -y chromium',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
}
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;

const SCREENSHOT = path.join(PROJECT_ROOT, 'docs', 'screenshot.png');



describeInBrowser('the explorer page in Chromium', () => {
  let tmp: string;
  let store: GraphStore;
  let closeStore: (() => Promise<void>) | undefined;
  let server: Server;
  let url: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-browser-'));
    const dist = path.join(tmp, 'dist');
    const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: path.join(PROJECT_ROOT, 'client'),
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);

    const config = readConfig({ NODE_ENV: 'test' });
    ({ store, cleanup: closeStore } = await seededStore());
    const { app } = buildApp({ store, config, clientDir: dist, log: () => undefined });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await closeStore?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  /** A fresh page at `query`, waiting until the first drawing is complete. */
  async function open(query = '', viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${url}/${query}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await settled(page);
    return page;
  }

  /** Waits until the page has finished its last step (fetch, layout, panel). */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && !document.querySelector('#panel-body .loading'), null, { timeout: 30_000 });
  }

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T };
    return body.data;
  }

  const visibleNodeIds = (page: Page) => page.evaluate(() => window.cy!.nodes(':visible').map((n) => n.id()).sort());
  const selectedIds = (page: Page) => page.evaluate(() => window.cy!.$(':selected').map((e) => e.id()));

  async function chooseFromSearch(page: Page, inputSelector: string, text: string): Promise<void> {
    await page.fill(inputSelector, text);
    const list = `#${await page.getAttribute(inputSelector, 'aria-controls')}`;
    await page.waitForSelector(`${list} li[role="option"][data-id]`);
    await page.press(inputSelector, 'Enter');
  }

  it('opens on the overview, drawing every entity readably with a legend', async () => {
    const page = await open();
    const { stats } = await gql<{ stats: { entities: number; relations: number } }>('{ stats { entities relations } }');
    const drawn = await page.evaluate(() => {
      const cy = window.cy!;
      const { w, h } = { w: cy.width(), h: cy.height() };
      const inside = cy
        .nodes()
        .map((n) => n.renderedPosition())
        .every((p) => p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h);
      // Shown labels, in screen pixels: none may overlap another.
      const boxes = cy
        .elements(':visible')
        .filter((e) => !e.hasClass('quiet') && Number(e.style('text-opacity')) > 0 && Boolean(e.style('label')) && Number.parseFloat(e.style('font-size')) * cy.zoom() >= Number.parseFloat(e.style('min-zoomed-font-size')))
        .map((e) => e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
        }
      const fontPx = Number.parseFloat(cy.nodes().first().style('font-size')) * cy.zoom();
      return { nodes: cy.nodes().length, edges: cy.edges().length, inside, labels: boxes.length, overlaps, fontPx, hubLabelled: !cy.getElementById('release-of-52-prisoners-2025').hasClass('quiet') };
    });
    expect(drawn.nodes).toBe(stats.entities);
    expect(drawn.edges).toBe(stats.relations);
    expect(drawn.inside).toBe(true);
    expect(drawn.overlaps).toBe(0);
    expect(drawn.labels).toBeGreaterThanOrEqual(20);
    expect(drawn.fontPx).toBeGreaterThanOrEqual(9);
    expect(drawn.hubLabelled).toBe(true);
    const legend = await page.$$eval('#kind-filter li', (items) => items.map((li) => li.textContent?.replace(/\d+$/, '').trim()));
    expect(legend).toEqual(['Person', 'Group', 'Organisation', 'Position', 'Country', 'Event', 'Place']);
    const edgeLabel = await page.evaluate(() => window.cy!.getElementById('released-prisoners-2025-09-11.deported_to.lithuania').data('label'));
    expect(edgeLabel).toBe('deported to');
    expect(await page.textContent('#stats')).toContain('104 entities');
    await page.context().close();
  });

  it.each([
    ['Tikhanovskaya', 'sviatlana-tsikhanouskaya', 'Sviatlana Tsikhanouskaya'],
    ['Nauseda', 'gitanas-nauseda', 'Gitanas Nauseda'],
    ['Lukashenka', 'alexander-lukashenko', 'Alexander Lukashenko'],
  ])('search by the spelling “%s” selects and centres %s', async (text, id, name) => {
    const page = await open();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await chooseFromSearch(page, '#search-input', text);
    await settled(page);
    expect(await selectedIds(page)).toEqual([id]);
    await page.waitForFunction((n) => document.querySelector('#details-title')?.textContent === n, name);
    await page.waitForTimeout(450); // the centring animation
    const centred = await page.evaluate((nodeId) => {
      const cy = window.cy!;
      const p = cy.getElementById(nodeId).renderedPosition();
      return Math.abs(p.x - cy.width() / 2) < 30 && Math.abs(p.y - cy.height() / 2) < 30;
    }, id);
    expect(centred).toBe(true);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`n:${id}`);
    await page.context().close();
  });

  it('says so in words when no entity matches', async () => {
    const page = await open();
    await page.fill('#search-input', 'Zzyzx Qwerty');
    await page.waitForSelector('#search-list li.empty');
    expect(await page.textContent('#search-list')).toContain('No entity matches');
    await page.context().close();
  });

  it('clicking an edge shows every quote, and an article opens with the passage highlighted', async () => {
    const page = await open();
    // Zoom onto a relation stated by several articles and click its middle, as a user would;
    // the layout is random, so take the first such relation whose middle no node or label covers.
    await page.evaluate(() => void window.cy!.zoom(2.5));
    await page.waitForTimeout(300); // labels settle to the new zoom
    const { edgeId, point } = await page.evaluate(() => {
      const cy = window.cy!;
      const preferred = 'released-prisoners-2025-09-11.deported_to.lithuania';
      const candidates = cy
        .edges()
        .filter((e) => Number(e.data('sources')) >= 2)
        .map((e) => e.id())
        .sort((a, b) => Number(b === preferred) - Number(a === preferred));
      for (const id of candidates) {
        const edge = cy.getElementById(id);
        cy.center(edge);
        const mid = edge.renderedMidpoint();
        const near = (c: { x1: number; y1: number; x2: number; y2: number }) => mid.x >= c.x1 - 6 && mid.x <= c.x2 + 6 && mid.y >= c.y1 - 6 && mid.y <= c.y2 + 6;
        const covered =
          cy.nodes(':visible').some((n) => near(n.renderedBoundingBox({ includeLabels: true }))) ||
          cy.edges('.near').some((e) => (e as unknown as { id(): string }).id() !== id && near(e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true })));
        if (covered) continue;
        const box = cy.container()!.getBoundingClientRect();
        return { edgeId: id, point: { x: box.left + mid.x, y: box.top + mid.y } };
      }
      throw new Error('no relation with a free middle to click');
    });
    const { relation } = await gql<{ relation: { label: string; evidence: { quote: string; article: { id: string } }[] } }>(
      'query($id: ID!) { relation(id: $id) { label evidence { quote article { id } } } }',
      { id: edgeId },
    );
    await page.mouse.click(point.x, point.y);
    await settled(page);
    expect(await selectedIds(page)).toEqual([edgeId]);
    const quotes = await page.$$eval('#panel-body .evidence blockquote', (qs) => qs.map((q) => q.textContent));
    expect(quotes).toEqual(relation.evidence.map((e) => quoted(e.quote)));
    expect(await page.textContent('#details-title')).toContain(relation.label);

    await page.click(`#panel-body .evidence li:first-child .article-link`);
    await settled(page);
    await page.waitForSelector('#panel-body .article-text mark');
    expect(await page.textContent('#panel-body .article-text mark')).toBe(relation.evidence[0]!.quote);
    expect(new URL(page.url()).searchParams.get('article')).toBe(relation.evidence[0]!.article.id);
    await page.context().close();
  });

  it('a node’s details show its figures with sources and its relations by type', async () => {
    const page = await open('?sel=n:released-prisoners-2025-09-11');
    await page.waitForSelector('#panel-body .claim');
    const figures = await page.$$eval('#panel-body .claim .value', (v) => v.map((x) => x.textContent));
    expect(figures).toContain('52');
    expect(await page.$$eval('#panel-body .claim blockquote', (q) => q.length)).toBeGreaterThan(0);
    expect(await page.$$eval('#panel-body .rel-group h4', (h) => h.length)).toBeGreaterThan(2);
    await page.context().close();
  });

  it('expanding adds the neighbours, collapsing and undo take them back', async () => {
    const page = await open('?scope=none&add=gitanas-nauseda&sel=n:gitanas-nauseda');
    expect(await visibleNodeIds(page)).toEqual(['gitanas-nauseda']);
    const { neighbourhood } = await gql<{ neighbourhood: { nodes: { id: string }[] } }>('{ neighbourhood(id: "gitanas-nauseda") { nodes { id } } }');
    await page.click('#panel-body button[data-action="expand"]');
    await settled(page);
    expect(await visibleNodeIds(page)).toEqual(neighbourhood.nodes.map((n) => n.id).sort());
    expect(new URL(page.url()).searchParams.get('expand')).toBe('gitanas-nauseda');

    await page.click('#panel-body button[data-action="collapse"]');
    await settled(page);
    expect(await visibleNodeIds(page)).toEqual(['gitanas-nauseda']);
    await page.click('#undo');
    await settled(page);
    expect((await visibleNodeIds(page)).length).toBe(neighbourhood.nodes.length);
    await page.context().close();
  });

  it('a shortest path between two picked nodes is highlighted and listed, each step with its quotes', async () => {
    const page = await open();
    await chooseFromSearch(page, '#path-from', 'Nausėda');
    await chooseFromSearch(page, '#path-to', 'Kolesnikova');
    await page.click('#path-form button[type="submit"]');
    await settled(page);
    const { shortestPath } = await gql<{ shortestPath: { nodes: { id: string }[]; edges: { id: string }[] } }>(
      '{ shortestPath(from: "gitanas-nauseda", to: "maria-kolesnikova") { nodes { id } edges { id } } }',
    );
    const lit = await page.evaluate(() => window.cy!.$('.path').map((e) => e.id()).sort());
    expect(lit).toEqual([...shortestPath.nodes.map((n) => n.id), ...shortestPath.edges.map((e) => e.id)].sort());
    expect(await page.$$eval('#panel-body .path-steps > li', (li) => li.length)).toBe(shortestPath.edges.length);
    // The quotes came with the path: every step shows at least one, nothing is still loading.
    expect(await page.$$eval('#panel-body .path-steps > li', (li) => li.filter((l) => !l.querySelector('.evidence blockquote')).length)).toBe(0);
    expect(await page.$('#panel-body .loading')).toBeNull();
    expect(await page.evaluate(() => window.cy!.$('.faded').length)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a copied URL reopens the same view', async () => {
    const page = await open();
    await page.uncheck('#kind-filter input[data-kind="PLACE"]');
    await settled(page);
    await page.uncheck('#type-filter input[data-type="SAID"]');
    await settled(page);
    await chooseFromSearch(page, '#search-input', 'Statkevich');
    await settled(page);
    await page.click('#panel-body button[data-action="hide"]');
    await settled(page);
    await chooseFromSearch(page, '#search-input', 'Coale');
    await settled(page);
    await page.fill('#ask-input', 'Who brokered the release?');
    await page.click('#ask-form button');
    await settled(page);
    await page.waitForSelector('#panel-body .answer-view');
    const view = (p: Page) =>
      p.evaluate(() => ({
        visible: window.cy!.elements(':visible').map((e) => e.id()).sort(),
        selected: window.cy!.$(':selected').map((e) => e.id()),
        question: (document.getElementById('ask-input') as HTMLInputElement).value,
        placeChecked: (document.querySelector('#kind-filter input[data-kind="PLACE"]') as HTMLInputElement).checked,
      }));
    const before = await view(page);
    expect(before.selected).toEqual(['john-coale']);
    expect(before.visible).not.toContain('mikalai-statkevich');
    expect(before.placeChecked).toBe(false);
    const link = page.url();

    const again = await open(link.slice(url.length + 1));
    expect(await view(again)).toEqual(before);
    await again.context().close();
    await page.context().close();
  });

  it('exports the view as a PNG image and as JSON', async () => {
    const page = await open();
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = await png.path();
    const bytes = fs.readFileSync(file!);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(20_000);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    // The whole view: every entity and every relation of the story (SAID edges drawn from its statements included).
    const story = readStory(SEED);
    expect(exported.nodes).toHaveLength(story.entities.length);
    expect(exported.edges).toHaveLength(story.relations.length);
    await page.context().close();
  });

  it('the timeline is proportional, opens on the latest events, and its brush filters the view', async () => {
    const page = await open();
    await page.waitForSelector('#timeline-track button.event');
    const { timeline } = await gql<{ timeline: { id: string; date: string }[] }>('{ timeline { id date } }');
    const shown = () => page.$$eval('#timeline-track button.event', (b) => b.map((x) => x.getAttribute('data-id')));
    const opening = await shown();
    expect(opening).toContain(timeline[timeline.length - 1]!.id);
    expect(opening).not.toContain(timeline[0]!.id);
    // Proportional: where the first, a middle and the last event sit on the axis follows their dates.
    const day = (d: string) => Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d) / 86_400_000;
    const xs = await page.$$eval('#timeline-axis .dot', (dots) => dots.map((d) => d.getBoundingClientRect().left));
    const mid = Math.floor(timeline.length / 2);
    const expected = (day(timeline[mid]!.date) - day(timeline[0]!.date)) / (day(timeline[timeline.length - 1]!.date) - day(timeline[0]!.date));
    expect((xs[mid]! - xs[0]!) / (xs[xs.length - 1]! - xs[0]!)).toBeCloseTo(expected, 1);
    // The brush by keyboard: Home widens it to the whole story, arrows step event by event.
    await page.focus('#brush-from');
    await page.keyboard.press('Home');
    expect(await shown()).toEqual(timeline.map((e) => e.id));
    for (let i = 0; i < timeline.length && (await page.getAttribute('#brush-from', 'aria-valuetext')) !== '2025-09-11'; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#brush-from', 'aria-valuetext')).toBe('2025-09-11');
    await page.check('#range-filter');
    await settled(page);
    const dates = new URL(page.url()).searchParams.get('dates')!.split('..');
    expect(dates[0]).toBe('2025-09-11');
    expect(dates[1]! >= timeline[timeline.length - 1]!.date).toBe(true);
    const inGraph = await page.evaluate(() => window.cy!.nodes('[kind = "EVENT"]:visible').map((n) => n.id()).sort());
    expect(inGraph.length).toBeGreaterThan(0);
    // A partial date (2025, 2025-09) may fall inside the range, so it stays.
    const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
    for (const e of timeline) expect([e.id, inGraph.includes(e.id)]).toEqual([e.id, lastDay(e.date) >= '2025-09-11']);
    await page.click('#range-reset');
    await settled(page);
    expect(await page.evaluate(() => window.cy!.nodes(':visible').length)).toBe(104);
    await page.context().close();
  });

  it('the question box shows the answer with its quotes and highlights its subgraph', async () => {
    const page = await open('?q=Who%20brokered%20the%20release%3F');
    await page.waitForSelector('#panel-body .answer-view');
    await settled(page);
    expect(await page.textContent('#panel-body .answer-text')).toMatch(/United States/);
    expect(await page.textContent('#panel-body .answer-view')).toMatch(/brokered/i);
    const lit = await page.evaluate(() => window.cy!.nodes('.answer').map((n) => n.id()));
    expect(lit).toEqual(expect.arrayContaining(['united-states', 'release-of-52-prisoners-2025']));
    expect(await page.evaluate(() => window.cy!.edges('.answer').length)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a question it cannot understand offers clickable suggestions that it can answer', async () => {
    const page = await open('?q=zzqx%20blorp%3F');
    await page.waitForSelector('#panel-body .answer-view');
    const chips = await page.$$('#panel-body .chip');
    expect(chips.length).toBeGreaterThan(0);
    const suggestion = await chips[0]!.textContent();
    await chips[0]!.click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(suggestion);
    await page.waitForFunction(() => window.cy!.nodes('.answer').length > 0);
    await page.context().close();
  });

  it('works on a narrow window and says in words when the server is down', async () => {
    const narrow = await open('', { width: 420, height: 800 });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await narrow.isVisible('#search-input')).toBe(true);
    expect(await narrow.evaluate(() => window.cy!.nodes().length)).toBeGreaterThan(1);
    await narrow.context().close();

    const context = await browser.newContext();
    const down = await context.newPage();
    await down.route('**/graphql', (route) => route.abort('connectionrefused'));
    await down.goto(`${url}/`);
    await down.waitForFunction(() => document.body.dataset.state === 'error');
    expect(await down.textContent('#status')).toContain('The server does not answer');
    expect(await down.isVisible('#status button')).toBe(true);
    await context.close();
  });

  it('looks right at 1280x800 (docs/screenshot.png)', async () => {
    const page = await open('?sel=n:released-prisoners-2025-09-11');
    await page.waitForSelector('#panel-body .claim');
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
    await page.context().close();
  });
});
