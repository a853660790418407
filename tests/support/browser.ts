/**
 * The browser harness: a fresh Vite build of client/, the real server over a
 * real LadybugDB seeded from seed/data, and Debian's /usr/bin/chromium driven
 * by playwright-core (never a downloaded browser). Without Chromium the
 * suites are skipped with a loud warning, never passed silently.
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
import { openStore } from '../../server/store/open-store.js';
import { readStory } from '../../server/domain/story/read-story.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

export function warnWithoutChromium(file: string): void {
  if (HAVE_CHROMIUM) return;
  console.warn(`\n!!!!!!!!\n!!  SKIPPED: ${file} did NOT run: /usr/bin/chromium is missing.\n!!  Install it (no download by tests): apt-get update && apt-get install -y chromium\n!!!!!!!!\n`);
}

export interface BrowserHarness {
  url: string;
  browser: Browser;
  pageErrors: string[];
  /** A fresh page at `query`, once the first drawing is complete. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Waits until the page has finished its last step (fetch, layout, panel). */
  settled(page: Page): Promise<void>;
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-browser-'));
  const dist = path.join(tmp, 'dist');
  const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: path.join(PROJECT_ROOT, 'client'),
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  const config = readConfig({ NODE_ENV: 'test', DB_PATH: path.join(tmp, 'graph.lbug') });
  const store: GraphStore = await openStore(config.store);
  await store.load(readStory({ data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') }));
  const { app } = buildApp({ store, config, clientDir: dist, log: () => undefined });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const pageErrors: string[] = [];
  const settled = async (page: Page) => {
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && !document.querySelector('#panel-body .loading'), null, { timeout: 30_000 });
  };
  return {
    url,
    browser,
    pageErrors,
    settled,
    async open(query = '', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(`${url}/${query}`);
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      await settled(page);
      return page;
    },
    async gql<T>(query: string, variables: Record<string, unknown> = {}) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query, variables }) });
      return ((await res.json()) as { data: T }).data;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The top `count` nodes by degree (ties by betweenness, then id), computed in the page with Cytoscape. */
export function topByDegree(page: Page, count = 10): Promise<string[]> {
  return page.evaluate((n) => {
    const cy = window.cy!;
    const b = cy.elements().betweennessCentrality({ directed: false });
    return cy
      .nodes()
      .map((x) => ({ id: x.id(), degree: x.degree(false), between: b.betweenness(x) }))
      .sort((a, c) => c.degree - a.degree || c.between - a.between || a.id.localeCompare(c.id))
      .slice(0, n)
      .map((x) => x.id);
  }, count);
}

/** Model positions of every drawn node, and the zoom. */
export function picture(page: Page): Promise<{ zoom: number; pan: { x: number; y: number }; positions: Record<string, { x: number; y: number }> }> {
  return page.evaluate(() => {
    const cy = window.cy!;
    return { zoom: cy.zoom(), pan: cy.pan(), positions: Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])) };
  });
}
