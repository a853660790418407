/**
 * Hedged facts in Chromium: a relation the article does not state in its
 * own voice is drawn dashed (or dotted, when only promised) and says how sure
 * beside each quote; an entity's panel lists what it said and what was said
 * about it, apart, each statement with its whole chain (speaker, words, date,
 * channel, who relayed it, how sure, the passage that opens its article).
 * Every case is found in the seed by query, none named here. Takes the
 * README's docs/hedges.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../server/config.js';
import { HAVE_CHROMIUM, startBrowserHarness, warnWithoutChromium, type BrowserHarness } from '../support/browser.js';

warnWithoutChromium('tests/browser-hedges.test.ts');
const describeInBrowser = HAVE_CHROMIUM ? describe : describe.skip;

type Certainty = 'STATED' | 'ATTRIBUTED' | 'UNCONFIRMED' | 'PLANNED';
interface Named { id: string; name: string }
interface Quote { quote: string; certainty: Certainty; accordingTo: Named | null; article: { id: string } }
interface Relation { id: string; type: string; certainty: Certainty; from: Named; to: Named; evidence: Quote[] }
interface Statement { id: string; words: string; date: string | null; channel: string | null; speaker: Named; about: Named[]; reportedBy: Named[]; evidence: Quote[] }

const QUOTE = 'quote certainty accordingTo { id name } article { id }';
const STATEMENT = `id words date channel speaker { id name } about { id name } reportedBy { id name } evidence { ${QUOTE} }`;

/** The words the page must write beside a quote of this certainty. */
function hedgeWords(q: Quote): RegExp {
  const who = q.accordingTo ? q.accordingTo.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
  if (q.certainty === 'ATTRIBUTED') return new RegExp(`according to ${who}`);
  if (q.certainty === 'UNCONFIRMED') return new RegExp(`reportedly${who ? `, according to ${who}` : ''}`);
  return new RegExp(`promised or planned${who ? ` \\(according to ${who}\\)` : ''}, not done when reported`);
}

/** The statement's rows as the panel writes them: term -> text. */
function chainOf(page: Page, selector: string): Promise<Record<string, string>> {
  return page.$eval(selector, (li) => {
    const rows: Record<string, string> = {};
    for (const dt of li.querySelectorAll(':scope > dl.chain > dt')) rows[dt.textContent!] = (dt.nextElementSibling as HTMLElement).textContent!.trim();
    return rows;
  });
}

describeInBrowser('hedged facts and statements in Chromium', () => {
  let b: BrowserHarness;
  let relations: Relation[];
  let statements: Statement[];
  beforeAll(async () => {
    b = await startBrowserHarness();
    ({ relations: { nodes: relations } } = await b.gql<{ relations: { nodes: Relation[] } }>(
      `{ relations(first: 500, orderBy: { field: ID, direction: ASC }) { nodes { id type certainty from { id name } to { id name } evidence { ${QUOTE} } } } }`,
    ));
    ({ statements } = await b.gql<{ statements: Statement[] }>(`{ statements(first: 500) { ${STATEMENT} } }`));
  }, 240_000);
  afterAll(async () => b?.close());
  afterEach(() => {
    expect(b.pageErrors).toEqual([]);
    b.pageErrors.length = 0;
  });

  it.each(['ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'] as const)('draws a relation whose certainty is %s dashed or dotted, unlike a stated one, and writes the hedge beside each of its quotes', async (certainty) => {
    // SAID edges show their statements instead; any other relation of this certainty will do.
    const r = relations.find((x) => x.certainty === certainty && x.type !== 'SAID');
    const stated = relations.find((x) => x.certainty === 'STATED' && x.type !== 'SAID');
    expect(r).toBeDefined();
    expect(stated).toBeDefined();
    const page = await b.open(`?scope=none&add=${[r!.from.id, r!.to.id, stated!.from.id, stated!.to.id].join(',')}&sel=e:${encodeURIComponent(r!.id)}`);
    const styles = await page.evaluate(([hedged, plain]) => [window.cy!.getElementById(hedged!).style('line-style'), window.cy!.getElementById(plain!).style('line-style')], [r!.id, stated!.id]);
    expect(styles).toEqual([certainty === 'PLANNED' ? 'dotted' : 'dashed', 'solid']);

    const items = await page.$$eval('#panel-body .evidence > li', (lis) => lis.map((li) => ({ hedge: li.querySelector('.hedge')?.textContent ?? '', hedged: li.classList.contains('hedged') })));
    expect(items).toHaveLength(r!.evidence.length);
    r!.evidence.forEach((q, i) => {
      if (q.certainty === 'STATED') expect(items[i]!.hedged).toBe(false);
      else expect(items[i]!.hedge).toMatch(hedgeWords(q));
    });
    await page.context().close();
  });

  it('lists what an entity said with the whole chain, and opens the speaker and the article at the passage', async () => {
    // A statement with every link of the chain: a channel, someone who relayed it, and a hedged passage.
    const s = statements.find((x) => x.channel && x.reportedBy.length && x.evidence.some((q) => q.certainty !== 'STATED'));
    expect(s).toBeDefined();
    const page = await b.open(`?scope=none&add=${s!.speaker.id}&expand=${s!.speaker.id}&sel=n:${s!.speaker.id}`);
    const headings = await page.$$eval('#panel-body h3', (hs) => hs.map((x) => x.textContent));
    const made = statements.filter((x) => x.speaker.id === s!.speaker.id);
    expect(headings).toContain(`Said by ${s!.speaker.name} (${made.length})`);
    const item = `#panel-body [data-statement="${s!.id}"]`;
    // In the list of what it said, not in the list of what was said about it.
    expect(await page.$eval(item, (li) => li.closest('section')!.querySelector('h3')!.textContent)).toMatch(/^Said by /);
    const words = (await page.textContent(`${item} > blockquote.words`))!;
    expect(words.replace(/^“|”$/g, '')).toBe(s!.words.trim());

    const chain = await chainOf(page, item);
    const rank: Certainty[] = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'];
    const strongest = [...s!.evidence].sort((x, y) => rank.indexOf(x.certainty) - rank.indexOf(y.certainty))[0]!;
    expect(chain['Said by']).toBe(s!.speaker.name);
    expect(chain['Through']).toBe(s!.channel);
    expect(await page.$$eval(`${item} dd[data-field="reported-by"] .entity-link`, (bs) => bs.map((x) => x.textContent))).toEqual(s!.reportedBy.map((e) => e.name));
    expect(chain['How sure']).toMatch(strongest.certainty === 'STATED' ? /^reported in the article’s own voice$/ : hedgeWords(strongest));
    if (s!.date) expect(chain['When']).toBe(s!.date);
    const passages = await page.$$eval(`${item} .evidence > li`, (lis) => lis.map((li) => li.querySelector('.hedge')?.textContent ?? ''));
    expect(passages).toHaveLength(s!.evidence.length);
    s!.evidence.forEach((q, i) => (q.certainty === 'STATED' ? expect(passages[i]).toBe('') : expect(passages[i]).toMatch(hedgeWords(q))));

    // The README's picture: the statement and its chain in the panel, dashed relations in the graph.
    await page.$eval(item, (li) => {
      // Below the panel's sticky tabs, with the section's heading in view when it fits.
      const panel = document.getElementById('panel')!;
      const under = document.getElementById('panel-tabs')!.getBoundingClientRect().bottom;
      const heading = li.closest('section')!.querySelector('h3')!;
      const top = li.getBoundingClientRect().top - heading.getBoundingClientRect().top < 300 ? heading : li;
      panel.scrollTop += top.getBoundingClientRect().top - under - 8;
    });
    fs.mkdirSync(path.join(PROJECT_ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'hedges.png') });

    // The passage opens its article with that passage highlighted.
    await page.click(`${item} .evidence > li:first-child .article-link`);
    await b.settled(page);
    await page.waitForSelector('#panel-body .article-text mark');
    expect(await page.textContent('#panel-body .article-text mark')).toBe(s!.evidence[0]!.quote.trim());
    expect(new URL(page.url()).searchParams.get('article')).toBe(s!.evidence[0]!.article.id);
    await page.context().close();
  });

  it('lists what was said about an entity apart from what it said, and the speaker opens from there', async () => {
    // A subject others spoke about that also spoke itself, so both lists show.
    const speakers = new Set(statements.map((x) => x.speaker.id));
    const s = statements.find((x) => x.about.some((a) => a.id !== x.speaker.id && speakers.has(a.id)));
    expect(s).toBeDefined();
    const subject = s!.about.find((a) => a.id !== s!.speaker.id && speakers.has(a.id))!;
    const page = await b.open(`?scope=none&add=${subject.id}&sel=n:${subject.id}`);
    const sections = await page.$$eval('#panel-body section', (ss) => ss.map((x) => ({ title: x.querySelector('h3')!.textContent!, ids: [...x.querySelectorAll('[data-statement]')].map((li) => (li as HTMLElement).dataset.statement) })));
    const said = sections.find((x) => x.title.startsWith('Said by '));
    const about = sections.find((x) => x.title.startsWith('Said about '));
    const expectedAbout = statements.filter((x) => x.speaker.id !== subject.id && x.about.some((a) => a.id === subject.id)).map((x) => x.id);
    expect(said!.ids.sort()).toEqual(statements.filter((x) => x.speaker.id === subject.id).map((x) => x.id).sort());
    expect(about!.title).toBe(`Said about ${subject.name} (${expectedAbout.length})`);
    expect(about!.ids.sort()).toEqual(expectedAbout.sort());

    // Folded statements (past the first five) open with their summary; then the speaker's link selects the speaker.
    await page.$$eval(`#panel-body [data-statement="${s!.id}"]`, (lis) => lis.forEach((li) => li.closest('details')?.setAttribute('open', '')));
    await page.click(`#panel-body [data-statement="${s!.id}"] dd[data-field="speaker"] .entity-link`);
    await b.settled(page);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`n:${s!.speaker.id}`);
    expect(await page.textContent('#details-title')).toBe(s!.speaker.name);
    await page.context().close();
  });

  it('lists the statements behind a SAID edge with their chain instead of bare quotes', async () => {
    const edge = relations.find((x) => x.type === 'SAID');
    expect(edge).toBeDefined();
    const behind = statements.filter((x) => x.speaker.id === edge!.from.id && x.about.some((a) => a.id === edge!.to.id));
    expect(behind.length).toBeGreaterThan(0);
    const page = await b.open(`?scope=none&add=${edge!.from.id},${edge!.to.id}&sel=e:${encodeURIComponent(edge!.id)}`);
    expect(await page.$$eval('#panel-body h3', (hs) => hs.map((x) => x.textContent))).toEqual([`Statements (${behind.length})`]);
    const ids = await page.$$eval('#panel-body [data-statement]', (lis) => lis.map((li) => (li as HTMLElement).dataset.statement));
    expect(ids.sort()).toEqual(behind.map((x) => x.id).sort());
    for (const s of behind) expect((await chainOf(page, `#panel-body [data-statement="${s.id}"]`))['Said by']).toBe(edge!.from.name);
    await page.context().close();
  });

  it('keeps the statements readable on a phone: no sideways scrolling in the bottom sheet', async () => {
    const s = statements.find((x) => x.channel && x.reportedBy.length)!;
    const page = await b.open(`?scope=none&add=${s.speaker.id}&sel=n:${s.speaker.id}`, { width: 390, height: 844 });
    await page.waitForSelector(`#panel-body [data-statement="${s.id}"]`);
    const overflow = await page.evaluate(() => {
      const body = document.getElementById('panel-body')!;
      return { page: document.documentElement.scrollWidth - window.innerWidth, panel: body.scrollWidth - body.clientWidth };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.panel).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
