/**
 * Curator mode in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core) against the real server over a real LadybugDB: a new story
 * built from two article fixtures written for this test, from an empty
 * folder. Add both articles, accept three suggestions, create an entity from
 * a candidate name with words selected in the article, add an ATTRIBUTED
 * relation from a selected sentence, merge two entities, undo the merge,
 * reload: the graph holds exactly those facts with their quotes, the seed's
 * check accepts the files, and the change log lists each step. Screenshots
 * for the README. Without /usr/bin/chromium the suite is skipped loudly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { StoryWorkspace } from '../../server/curation/workspace.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { openStore } from '../../server/store/open-store.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn('\n!!  SKIPPED: tests/browser-curation.test.ts did NOT run: /usr/bin/chromium is missing (apt-get install -y chromium).\n');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;
const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'curation');
const TOKEN = 'browser-test-token-0123456789';
jest.setTimeout(300_000);

describeInBrowser('building a story in the page', () => {
  let tmp: string;
  let root: string;
  let store: GraphStore;
  let server: Server;
  let url: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'curation-browser-'));
    const dist = path.join(tmp, 'dist');
    const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: path.join(PROJECT_ROOT, 'client'), encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
    root = path.join(tmp, 'story');
    fs.mkdirSync(path.join(root, 'data'), { recursive: true });
    fs.mkdirSync(path.join(root, 'articles'), { recursive: true });
    const config = readConfig({ NODE_ENV: 'test', DB_PATH: path.join(tmp, 'graph.lbug'), CURATOR_TOKEN: TOKEN, CURATOR_NAME: 'Browser Test', STORY_DIR: root });
    store = await openStore(config.store);
    await store.load({ version: 2, entities: [], relations: [], statements: [], articles: [], mentions: [] });
    const { app } = buildApp({ store, config, clientDir: dist, log: () => undefined });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await store?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query, variables }) });
    return ((await res.json()) as { data: T }).data;
  }

  /** Waits for the panel to be drawn again after a save (the page reloads) and for the revision to reach `revision`. */
  async function atRevision(page: Page, revision: number) {
    await page.waitForFunction((r) => document.querySelector('#curator-who')?.textContent?.endsWith(`revision ${r}`), revision, { timeout: 60_000 });
  }

  async function addArticle(page: Page, file: string, title: string, published: string, revision: number) {
    await page.fill('#article-title', title);
    await page.fill('#article-source', 'Greywick Courier');
    await page.fill('#article-published', published);
    await page.setInputFiles('#article-file', path.join(FIXTURES, file));
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#article-text')?.value.length ?? 0) > 50);
    await page.click('#add-article button[type=submit]');
    await atRevision(page, revision);
  }

  async function accept(page: Page, label: string, revision: number) {
    await page.click(`.suggestion:has-text("${label}") button.accept`);
    await atRevision(page, revision);
  }

  /** Shows an article in the panel, selects `words` in its text with the mouse's range, and makes them the quote. */
  async function quote(page: Page, article: string, words: string) {
    await page.selectOption('#quote-article', article);
    await page.waitForSelector(`#quote-text[data-article="${article}"]`);
    await page.evaluate((w) => {
      // A range over the text nodes (known names are marked, so the text is split into several).
      const box = document.querySelector('#quote-text')!;
      const start = box.textContent!.indexOf(w);
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
        if (start + w.length >= offset && start + w.length <= offset + length) range.setEnd(node, start + w.length - offset);
        offset += length;
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, words);
    await page.click('#use-selection');
    expect(await page.inputValue('#quote')).toBe(words);
  }

  it('adds two articles, accepts suggestions, creates, merges, undoes, and the files and the graph agree', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(url);
    await page.click('#curate-button');
    await page.fill('#curator-token', TOKEN);
    await page.click('#curator-login button[type=submit]');
    await atRevision(page, 0);
    expect(await page.textContent('#curator-who')).toContain('Curating as Browser Test');

    await addArticle(page, 'lighthouse-1.txt', 'Lighthouse keepers win pay rise', '2031-05-02', 1);
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'curation-queue.png') });
    await accept(page, 'new Person: Helena Markov', 2);
    await accept(page, 'new Person: Samuel Oduya', 3);
    await accept(page, 'new Organisation: Coastal Workers Union', 4);
    await addArticle(page, 'lighthouse-2.txt', 'Greywick keepers return to the towers', '2031-05-05', 5);
    const { articles } = await gql<{ articles: { id: string; title: string }[] }>('{ articles { id title } }');
    const first = articles.find((a) => a.title.startsWith('Lighthouse'))!.id;
    const second = articles.find((a) => a.title.startsWith('Greywick'))!.id;

    // An entity from a candidate name the suggester saw in the second article ("Sam Oduya").
    await quote(page, second, 'Sam Oduya said the Coastal Workers Union would watch the new rota closely');
    await page.fill('#entity-name', 'Sam Oduya');
    await page.selectOption('#entity-kind', 'PERSON');
    await page.click('#new-entity button[type=submit]');
    await atRevision(page, 6);

    // A relation from a selected sentence, attributed to the union.
    const sentence = 'Helena Markov, who leads the Greywick Lighthouse Trust, met Samuel Oduya on Thursday, the Coastal Workers Union said.';
    await quote(page, first, sentence);
    await page.fill('#relation-from', 'helena-markov');
    await page.fill('#relation-type', 'MET');
    await page.fill('#relation-to', 'samuel-oduya');
    await page.selectOption('#quote-certainty', 'ATTRIBUTED');
    await page.fill('#quote-according-to', 'coastal-workers-union');
    expect(await page.$$eval('#quote-text mark.known-name', (marks) => marks.map((m) => m.textContent))).toEqual(expect.arrayContaining(['Helena Markov', 'Samuel Oduya', 'Coastal Workers Union']));
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'curation-quote.png') });
    await page.click('#new-relation button[type=submit]');
    await atRevision(page, 7);

    await page.fill('#merge-keep', 'samuel-oduya');
    await page.fill('#merge-remove', 'sam-oduya');
    await page.click('#merge');
    await atRevision(page, 8);
    expect((await gql<{ entity: { aliases: string[] } }>('{ entity(id: "samuel-oduya") { aliases } }')).entity.aliases).toContain('Sam Oduya');
    // The merged-away id now answers with the survivor, and says so.
    expect((await gql<{ entity: unknown }>('{ entity(id: "sam-oduya") { id redirectedFrom } }')).entity).toEqual({ id: 'samuel-oduya', redirectedFrom: 'sam-oduya' });
    await page.click('#undo-change');
    await atRevision(page, 9);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await page.waitForFunction(() => /4 entities · 1 relations · 2 articles/.test(document.querySelector('#stats')?.textContent ?? ''), null, { timeout: 30_000 });
    const drawn = await page.evaluate(() => window.cy!.nodes().map((n) => n.id()).sort());
    expect(drawn).toEqual(['coastal-workers-union', 'helena-markov', 'sam-oduya', 'samuel-oduya']);
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'curation-graph.png') });

    const graph = await gql<{ relations: { edges: { node: { id: string; evidence: { quote: string }[] } }[] } }>('{ relations(first: 10) { edges { node { id evidence { quote } } } } }');
    expect(graph.relations.edges.map((e) => e.node)).toEqual([{ id: 'helena-markov.met.samuel-oduya', evidence: [{ quote: sentence }] }]);
    const story = readStory({ data: path.join(root, 'data'), articles: path.join(root, 'articles') });
    expect(story.relations[0]!.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'coastal-workers-union', quote: sentence });
    expect(story.entities.find((e) => e.id === 'sam-oduya')!.evidence[0]!.quote).toBe('Sam Oduya said the Coastal Workers Union would watch the new rota closely');

    const check = execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'seed', 'seed.ts'), '--check', '--data', path.join(root, 'data')], { encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(check).toMatch(/^Valid: 4 entities, 1 relations, 2 articles\./);
    expect(new StoryWorkspace(root).log().map((e) => e.op)).toEqual(['addArticle', 'createEntity', 'createEntity', 'createEntity', 'addArticle', 'createEntity', 'createRelation', 'mergeEntities', 'undo']);
    expect(pageErrors).toEqual([]);
  });
});
