/**
 * UI benchmark, in headless Chromium (Debian's /usr/bin/chromium):
 *  1. navigation -> first complete drawing of the seed graph, explorer page
 *     vs a bare Cytoscape page drawing the same elements at the same positions
 *     (the layout the server computed for the explorer's canvas) with the same
 *     stylesheet (target: explorer <= 1.2x bare);
 *  2. frame time while panning a synthetic 2,000-node neighbourhood-sized
 *     graph drawn by the explorer's GraphView (which picks the WebGL renderer
 *     at that size), next to the plain canvas renderer for reference.
 * Prints a markdown table. Run: npx tsx bench/ui.ts [--runs 7] [--frames 180]
 * [--only-seed: no panning | --only-draw: first drawing only | --only-clicks | --only-pan]
 * [--profile FILE: a CPU profile of the last explorer visit, unminified, for DevTools' Performance panel]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { build } from 'vite';
import { arg, CHROMIUM, launchChromium, median, ms } from './page-bench.js';
import { buildBarePage } from './bare-page.js';
import { subgraphToElements } from '../client/src/elements.js';
import { OVERVIEW, type Subgraph, type SubgraphLayout } from '../client/src/queries.js';
import { OVERVIEW_LIMIT } from '../client/src/scale.js';
import { buildApp } from '../server/app.js';
import { PROJECT_ROOT, readConfig } from '../server/config.js';
import { openStore } from '../server/store/open-store.js';
import { readStory } from '../server/domain/story/read-story.js';

const RUNS = arg('runs', 7);
const FRAMES = arg('frames', 180);
const PAN_NODES = arg('nodes', 2000);
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;

/** In the page: clicks, then waits for the step to settle (not busy, panel drawn, two frames). A string: tsx's helpers do not exist in the page. */
const TIME_CLICK = `async (selector) => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const t0 = performance.now();
  document.querySelector(selector).click();
  await frame();
  while (document.body.dataset.busy !== 'false' || document.querySelector('#panel-body .loading')) await frame();
  await frame();
  await frame();
  return performance.now() - t0;
}`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.warn('bench/ui.ts needs /usr/bin/chromium: apt-get update && apt-get install -y chromium');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ui-'));
  const quiet = { logLevel: 'error' as const, configFile: false as const };
  console.error('Building the explorer and the bare page ...');
  const explorerDist = path.join(tmp, 'explorer');
  await build({ ...quiet, configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'), build: { outDir: explorerDist, emptyOutDir: true, ...(process.env.BENCH_PAUSE || PROFILE ? { minify: false } : {}) } });
  const bareDist = await buildBarePage(tmp);

  console.error('Seeding a temporary graph ...');
  // Production defaults, response cache included: what a reader's second visit meets.
  const config = readConfig({ NODE_ENV: 'production', DB_PATH: path.join(tmp, 'graph.lbug') });
  const store = await openStore(config.store);
  await store.load(readStory({ data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') }));
  const { app } = buildApp({ store, config, clientDir: explorerDist, log: () => undefined });

  const outer = express();
  let elementsJson = '[]';
  outer.get('/bare/elements.json', (_req, res) => void res.type('application/json').send(elementsJson));
  outer.use('/bare', express.static(bareDist));
  outer.use(app);
  const server: Server = await new Promise((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await launchChromium();
  // The same elements the explorer draws, through the same query and mapping, at the positions the server laid out
  // for the explorer's graph canvas at 1280x800.
  const canvas = await (async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    const size = await page.evaluate(() => ({ width: document.getElementById('graph')!.clientWidth, height: document.getElementById('graph')!.clientHeight }));
    await context.close();
    return size;
  })();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
    body: JSON.stringify({ query: OVERVIEW, variables: { limit: OVERVIEW_LIMIT, ...canvas } }),
  });
  const graph = ((await res.json()) as { data: { graph: Subgraph & { layout: SubgraphLayout | null } } }).data.graph;
  if (!graph.layout) throw new Error('The server gave no layout for the seed overview.');
  const at = new Map(graph.layout.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
  const elements = subgraphToElements(graph).map((e) => (e.group === 'nodes' ? { ...e, position: at.get(e.data.id) } : e));
  elementsJson = JSON.stringify({ elements, labelScale: graph.layout.labelScale });

  if (process.env.BENCH_PAUSE) {
    // Unminified, so a profiler names the functions.
    console.error(`Serving on ${url} (BENCH_PAUSE, unminified): bare page at ${url}/bare/?mode=pan`);
    await new Promise(() => undefined);
  }
  const rows: string[][] = [];
  const phaseLines: string[] = [];
  try {
    // 1. First complete drawing, alternating pages so both see the same machine load.
    const explorerTimes: number[] = [];
    const bareTimes: number[] = [];
    const explorerLayoutShare: number[] = [];
    /** Performance marks of each page, by name: where the first drawing's time goes. */
    const phases: Record<'explorer' | 'bare', Map<string, number[]>> = { explorer: new Map(), bare: new Map() };
    for (let i = 0; i < (process.argv.includes('--only-pan') || process.argv.includes('--only-clicks') ? 0 : RUNS + 1); i++) {
      for (const which of ['explorer', 'bare'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const profiling = PROFILE && which === 'explorer' && i === RUNS ? await context.newCDPSession(page) : null;
        if (profiling) await profiling.send('Profiler.enable').then(() => profiling.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => profiling.send('Profiler.start'));
        await page.goto(which === 'explorer' ? `${url}/` : `${url}/bare/?mode=seed`);
        const mark = which === 'explorer' ? 'explorer:drawn' : 'bare:drawn';
        await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0 || document.title.startsWith('error'), mark, { timeout: 60_000 });
        const t = await page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN, mark);
        if (Number.isNaN(t)) throw new Error(`${which} page failed: ${await page.title()}`);
        if (profiling) fs.writeFileSync(PROFILE!, JSON.stringify((await profiling.send('Profiler.stop')).profile));
        if (i > 0) (which === 'explorer' ? explorerTimes : bareTimes).push(t); // the first pair warms caches
        if (which === 'explorer' && i > 0) explorerLayoutShare.push(await page.evaluate(() => performance.getEntriesByName('explorer:requests-done')[0]?.startTime ?? NaN));
        if (i > 0) {
          const marks = await page.evaluate((m) => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            // Scripts asked for before the drawing (the curator chunk loads after it).
            const drawn = performance.getEntriesByName(m)[0]?.startTime ?? Infinity;
            const script = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && r.startTime < drawn).map((r) => (r as PerformanceResourceTiming).responseEnd);
            const seen = new Set<string>();
            const own = performance.getEntriesByType('mark').filter((m) => !seen.has(m.name) && seen.add(m.name)).map((m) => [m.name, m.startTime] as [string, number]);
            return [['html received', nav?.responseEnd ?? NaN], ['scripts received', Math.max(...script)], ['DOM ready', nav?.domContentLoadedEventEnd ?? NaN], ...own] as [string, number][];
          }, mark);
          for (const [name, t] of marks) (phases[which].get(name) ?? phases[which].set(name, []).get(name)!).push(t);
        }
        await context.close();
      }
    }
    if (explorerTimes.length) {
    const e = median(explorerTimes);
    const b = median(bareTimes);
    rows.push(['Seed graph, navigation → first complete drawing (explorer)', `${graph.nodes.length} nodes, ${graph.edges.length} edges`, ms(e), `min ${ms(Math.min(...explorerTimes))}, max ${ms(Math.max(...explorerTimes))}; API answered at ${ms(median(explorerLayoutShare))}`]);
    rows.push(['Same elements at the same positions, same style, bare Cytoscape page', `${graph.nodes.length} nodes, ${graph.edges.length} edges`, ms(b), `min ${ms(Math.min(...bareTimes))}, max ${ms(Math.max(...bareTimes))}`]);
    rows.push(['Explorer / bare', '', `${(e / b).toFixed(2)}x`, `target ≤ 1.2x: ${e / b <= 1.2 ? 'met' : 'NOT met'}`]);
    for (const which of ['explorer', 'bare'] as const) {
      const list = [...phases[which]].map(([name, ts]) => [name, median(ts)] as const).sort((x, y) => x[1] - y[1]);
      phaseLines.push(`${which}: ${list.map(([name, t]) => `${name} ${ms(t)}`).join(' → ')}`);
    }
    }

    // 2. Click to settled: expand, path and ask on the seed story, each on a fresh page (nothing cached in the page).
    const clicks: Record<'expand' | 'path' | 'ask', number[]> = { expand: [], path: [], ask: [] };
    const bareClicks: Record<'path' | 'ask', number[]> = { path: [], ask: [] };
    for (let i = 0; i < (process.argv.includes('--only-pan') || process.argv.includes('--only-draw') ? 0 : RUNS); i++) {
      for (const what of ['expand', 'path', 'ask'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const query = { expand: '?scope=none&add=gitanas-nauseda&sel=n:gitanas-nauseda', path: '?sel=n:gitanas-nauseda', ask: '' }[what];
        await page.goto(`${url}/${query}`);
        await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.body.dataset.busy === 'false' && !document.querySelector('#panel-body .loading'), null, { timeout: 60_000 });
        if (what === 'path') {
          // "Path from" the selected node, then choose the other end: the path is asked for on the second click.
          await page.click('#panel-body [data-action="path-from"]');
          // Braces: emit returns the element, and Playwright would serialise the whole graph back (seconds to a minute).
          await page.evaluate(() => {
            window.cy!.getElementById('maria-kolesnikova').emit('tap');
          });
          await page.waitForFunction(() => document.querySelector('#details-title')?.textContent?.includes('Kolesnikova') && !document.querySelector('#panel-body .loading'));
        }
        if (what === 'ask') await page.fill('#ask-input', 'Who brokered the release?');
        const selector = { expand: '#panel-body [data-action="expand"]', path: '#panel-body [data-action="path-to"]', ask: '#ask-form button' }[what];
        clicks[what].push(Number(await page.evaluate(`(${TIME_CLICK})(${JSON.stringify(selector)})`)));
        await context.close();
      }
      // The reference beside each: a bare Cytoscape page showing the same result on the same drawing.
      for (const what of ['path', 'ask'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${url}/bare/?mode=seed`);
        await page.waitForFunction(() => performance.getEntriesByName('bare:drawn').length > 0 || document.title.startsWith('error'), null, { timeout: 60_000 });
        bareClicks[what].push(await page.evaluate((w) => (window as unknown as { bareClick(w: string): Promise<number> }).bareClick(w), what));
        await context.close();
      }
    }
    for (const what of ['expand', 'path', 'ask'] as const) {
      const xs = clicks[what];
      if (xs.length) rows.push([`Click to settled: ${what} (seed story, fresh page)`, '', ms(median(xs)), `min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}; target ≤ 300 ms: ${median(xs) <= 300 ? 'met' : 'NOT met'}`]);
      const bs = what === 'expand' ? [] : bareClicks[what];
      if (bs.length) rows.push([`Click to settled: ${what}, bare Cytoscape page (same request, result lit and the rest faded, fitted, same frames; reference)`, '', ms(median(bs)), `min ${ms(Math.min(...bs))}, max ${ms(Math.max(...bs))}; explorer / bare ${(median(xs) / median(bs)).toFixed(2)}x`]);
    }

    // 3. Panning a neighbourhood-sized graph.
    for (const renderer of ['--only-seed', '--only-draw', '--only-clicks'].some((f) => process.argv.includes(f)) ? [] : (['webgl', 'auto', 'canvas'] as const)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.on('console', (m) => (m.type() === 'error' || process.env.BENCH_DEBUG) && console.error(`[${renderer} page] ${m.text()}`));
      page.on('pageerror', (err) => console.error(`[${renderer} page] ${err.message}`));
      await page.goto(`${url}/bare/?mode=pan&n=${PAN_NODES}&renderer=${renderer}`);
      await page.waitForFunction(() => (window as unknown as { drawMs?: number }).drawMs !== undefined || document.title.startsWith('error'), null, { timeout: 240_000 });
      const info = await page.evaluate(() => {
        const w = window as unknown as { drawMs: number; elementCount: number; usesWebGL?: boolean; cy: { renderer(): { webgl?: boolean } } };
        return { drawMs: w.drawMs, count: w.elementCount, webgl: w.usesWebGL ?? Boolean(w.cy.renderer().webgl) };
      });
      const times = await page.evaluate((n) => (window as unknown as { panFrames(n: number): Promise<number[]> }).panFrames(n), FRAMES);
      const n = PAN_NODES.toLocaleString('en-GB');
      const label = {
        webgl: `Panning ${n} nodes, explorer GraphView forced to WebGL (${info.webgl ? 'WebGL active' : 'WebGL NOT active'}; here software WebGL, SwiftShader)`,
        auto: `Panning ${n} nodes, explorer GraphView as it chooses on this machine (${info.webgl ? 'WebGL' : 'canvas renderer with lean labels: WebGL is only software here'})`,
        canvas: `Panning ${n} nodes, bare Cytoscape, plain canvas renderer (reference)`,
      }[renderer];
      rows.push([label, `${info.count.toLocaleString('en-GB')} elements`, `${ms(median(times))} median frame`, `p95 ${ms(percentile(times, 95))}, ~${Math.round(1000 / median(times))} fps; drawn in ${ms(info.drawMs)}`]);
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`\nUI benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), headless Chromium, ${RUNS} runs each (median)\n`);
  console.log('| measurement | size | result | notes |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (phaseLines.length) console.log(`\nWhere the first drawing's time goes (median time since navigation of each mark):\n\n${phaseLines.map((l) => `- ${l}`).join('\n')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
