/**
 * The page on a big graph, in headless Chromium (Debian's /usr/bin/chromium):
 *  1. navigation -> first complete drawing of the overview (the 2,000
 *     best-connected entities) of a synthetic graph of `--relations`
 *     relations (a tenth as many entities), served by the real server
 *     with production defaults (response cache on): the first visit after
 *     start, then later visits (target ≤ 3 s);
 *     beside a bare Cytoscape page drawing the same elements at the same
 *     positions with the same style and renderer (bench/bare-page.ts);
 *  2. expanding the best-connected entity, thousands of neighbours: click to
 *     settled, how many came in, and what the page says of the rest.
 * The graph file is built once and kept in /tmp/bench-ui-big/ between runs.
 * Run: npx tsx bench/ui-big.ts [--relations 1000000] [--runs 3] [--profile page.cpuprofile]
 * (the same as `npm run bench:ui -- --big`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../server/app.js';
import { warmOverviewLayouts } from '../server/graphql/layout.js';
import { PROJECT_ROOT, readConfig } from '../server/config.js';
import { LadybugStore } from '../server/store/ladybug/ladybug-store.js';
import { DEFAULT_LOAD_BUFFER_POOL_MB } from '../server/store/ladybug/session.js';
import { openStore } from '../server/store/open-store.js';
import express from 'express';
import { arg, CHROMIUM, launchChromium, median, ms } from './page-bench.js';
import { buildBarePage } from './bare-page.js';
import { LABEL_FONT_PX } from '../server/layout/readable.js';
import { syntheticStory } from './synthetic.js';

const RELATIONS = arg('relations', 1_000_000);
const RUNS = arg('runs', 3);
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const READY = () => document.body.dataset.state === 'ready' && document.body.dataset.busy === 'false' && !document.querySelector('#panel-body .loading');

/** The synthetic graph's file, built on the first run with the load's buffer pool. */
async function graphFile(): Promise<string> {
  const dir = '/tmp/bench-ui-big';
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `g${RELATIONS}.lbug`);
  if (fs.existsSync(file)) return file;
  console.error(`Building a graph of ${RELATIONS.toLocaleString('en-GB')} relations in ${file} (kept for later runs) ...`);
  const building = await LadybugStore.open({ path: `${file}.part`, bufferPoolMb: DEFAULT_LOAD_BUFFER_POOL_MB });
  const loaded = await building.load(syntheticStory(RELATIONS / 10, RELATIONS));
  await building.close();
  fs.renameSync(`${file}.part`, file);
  console.error(`built in ${ms(loaded.milliseconds)}`);
  return file;
}

/** Navigation to the explorer's own mark of a complete first drawing. */
async function firstDrawing(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('explorer:drawn').length > 0 || document.title.startsWith('error'), null, { timeout: 300_000 });
  const t = await page.evaluate(() => performance.getEntriesByName('explorer:drawn')[0]?.startTime ?? NaN);
  if (Number.isNaN(t)) throw new Error(`the explorer failed: ${await page.title()}`);
  return t;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.warn('bench/ui-big.ts needs /usr/bin/chromium: apt-get update && apt-get install -y chromium');
    process.exit(2);
  }
  const file = await graphFile();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ui-big-'));
  console.error('Building the explorer ...');
  const dist = path.join(tmp, 'explorer');
  await build({ logLevel: 'error', configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'), build: { outDir: dist, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } }); // unminified when profiling: the profile names functions
  // Production defaults on a copy of the file (a server may write to its database), response cache included.
  const db = path.join(tmp, 'graph.lbug');
  fs.copyFileSync(file, db);
  const config = readConfig({ ...process.env, NODE_ENV: 'production', DB_PATH: db, GRAPH_STORE: 'embedded' });
  const store = await openStore(config.store);
  const { app } = buildApp({ store, config, clientDir: dist, log: () => undefined });
  // The reference: a bare Cytoscape page drawing what the explorer drew (bench/bare-page.ts).
  const bareDist = await buildBarePage(tmp);
  const outer = express();
  let bareJson = '';
  outer.get('/bare/elements.json', (_req, res) => void res.type('application/json').send(bareJson));
  outer.use('/bare', express.static(bareDist));
  outer.use(app);
  const server: Server = await new Promise((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A balancer sends visitors once /ready says 200: it waits out the warm-up (index builds, the full-text scan).
  const opened = performance.now();
  // A busy warm-up can reset a kept-alive connection between polls: that is one more poll, not a failure.
  const readyStatus = () => fetch(`${url}/ready`).then((r) => r.status, () => 0);
  while ((await readyStatus()) !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  const readyAfter = performance.now() - opened;
  // As `npm start` does once the store is warm: the overview laid out ahead of the first reader (server/main.ts).
  void warmOverviewLayouts(store).catch(() => undefined);
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    const stats = await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query: '{ stats { entities relations } }' }) })).json() as { data: { stats: { entities: number; relations: number } } };
    const size = `${stats.data.stats.entities.toLocaleString('en-GB')} entities, ${stats.data.stats.relations.toLocaleString('en-GB')} relations`;

    // 1. The overview: the first visit after the server started, then later visits (the server's cache warm, the page's not).
    const times: number[] = [];
    const bareTimes: number[] = [];
    let drawn = { nodes: 0, edges: 0, notice: '', webgl: false, marks: '' };
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // --profile FILE: a CPU profile of the last visit, for Chromium's DevTools (Performance, Load profile).
      const profiling = PROFILE && i === RUNS ? await context.newCDPSession(page) : null;
      if (profiling) await profiling.send('Profiler.enable').then(() => profiling.send('Profiler.start'));
      times.push(await firstDrawing(page, `${url}/`));
      if (profiling) fs.writeFileSync(PROFILE!, JSON.stringify((await profiling.send('Profiler.stop')).profile));
      if (i === 0) {
        // What the explorer drew, where, with which classes (labels shown), label size and renderer choices.
        bareJson = await page.evaluate((fontPx) => {
          const cy = window.cy!;
          const renderer = (cy as unknown as { renderer(): { webgl?: boolean; textureOnViewport?: boolean } }).renderer();
          const elements = cy.elements().map((el) => ({ group: el.group(), data: el.data(), classes: el.classes().join(' '), ...(el.isNode() ? { position: el.position() } : {}) }));
          const first = cy.nodes()[0];
          const labelScale = first ? first.numericStyle('font-size') / fontPx : 1;
          const webgl = Boolean(renderer.webgl);
          const textureOnViewport = Boolean(renderer.textureOnViewport);
          return JSON.stringify({ elements, labelScale, webgl, textureOnViewport, lean: webgl || textureOnViewport });
        }, LABEL_FONT_PX);
      } else {
        // The bare page after each later visit, so both see the same machine load.
        const bareContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const barePage = await bareContext.newPage();
        await barePage.goto(`${url}/bare/`);
        await barePage.waitForFunction(() => performance.getEntriesByName('bare:drawn').length > 0 || document.title.startsWith('error'), null, { timeout: 300_000 });
        const t = await barePage.evaluate(() => performance.getEntriesByName('bare:drawn')[0]?.startTime ?? NaN);
        if (Number.isNaN(t)) throw new Error(`the bare page failed: ${await barePage.title()}`);
        bareTimes.push(t);
        await bareContext.close();
      }
      if (i === 0) {
        await page.waitForFunction(READY, null, { timeout: 300_000 });
        drawn = await page.evaluate(() => ({
          nodes: window.cy!.nodes().length,
          edges: window.cy!.edges().length,
          notice: document.querySelector('#notice')?.textContent ?? '',
          webgl: Boolean((window.cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl),
          marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join(' → '),
        }));
      }
      await context.close();
    }
    const [first, ...later] = times as [number, ...number[]];
    rows.push(['/ready said 200 (warm-up done) after the server listened', size, ms(readyAfter), 'the visits below start then']);
    rows.push(['Overview, first visit after ready: navigation → first complete drawing', size, ms(first), `${drawn.nodes} nodes, ${drawn.edges} edges drawn${drawn.webgl ? ' (WebGL)' : ''}; target ≤ 3 s: ${first <= 3000 ? 'met' : 'NOT met'}`]);
    rows.push([`Overview, later visits (median of ${later.length})`, size, ms(median(later)), `min ${ms(Math.min(...later))}, max ${ms(Math.max(...later))}; target ≤ 3 s: ${median(later) <= 3000 ? 'met' : 'NOT met'}`]);
    rows.push([`Reference: a bare Cytoscape page drawing the same ${drawn.nodes} nodes and ${drawn.edges} edges at the same positions, same style and renderer (median of ${bareTimes.length})`, size, ms(median(bareTimes)), `min ${ms(Math.min(...bareTimes))}, max ${ms(Math.max(...bareTimes))}; explorer / bare ${(median(later) / median(bareTimes)).toFixed(2)}x`]);
    if (drawn.notice) rows.push(['What the page says of the rest', '', '', drawn.notice]);
    rows.push(['Where the first visit\'s time went (ms since navigation)', '', '', drawn.marks]);

    // 2. Expanding the best-connected entity.
    const top = await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query: '{ graph(limit: 1) { nodes { id name degree } } }' }) })).json() as { data: { graph: { nodes: { id: string; name: string; degree: number }[] } } };
    const hub = top.data.graph.nodes[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}/?scope=none&add=${encodeURIComponent(hub.id)}&sel=n:${encodeURIComponent(hub.id)}`);
    await page.waitForFunction(READY, null, { timeout: 300_000 });
    const before = await page.evaluate(() => window.cy!.nodes().length);
    const t0 = Date.now();
    await page.click('#panel-body [data-action="expand"]');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && !document.querySelector('#panel-body .loading') && window.cy!.nodes().length > 1, null, { timeout: 300_000 });
    const expandMs = Date.now() - t0;
    const after = await page.evaluate(() => ({ nodes: window.cy!.nodes().length, notice: document.querySelector('#notice')?.textContent ?? '', more: document.querySelector('#panel-body [data-action="more"]')?.textContent ?? '' }));
    rows.push([`Expand the best-connected entity (degree ${hub.degree.toLocaleString('en-GB')}): click → settled`, `${before} → ${after.nodes} nodes`, ms(expandMs), `${after.notice}${after.more ? ` Button: “${after.more}”.` : ''}`]);
    await context.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nThe page on a big graph. ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 10)}.\n`);
  console.log('| measure | graph | time | notes |\n| --- | --- | ---: | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
