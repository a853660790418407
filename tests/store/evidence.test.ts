import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import { normaliseQuote } from '../../server/domain/text.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { SEED } from '../support/graph.js';

describe('the curated story', () => {
  const story = readStory(SEED);

  it('passes the evidence check: every quote verbatim in the article it cites', () => {
    const out = execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'check-evidence.mjs'), PROJECT_ROOT], { encoding: 'utf8' });
    expect(out.trim().split('\n').pop()).toBe('evidence ok');
  });

  it('holds well over 50 entities and 100 relations', () => {
    expect(story.entities.length).toBeGreaterThan(60);
    expect(story.relations.length).toBeGreaterThan(120);
    expect(story.articles).toHaveLength(5);
  });

  it('uses all four relation types of the original design', () => {
    const types = new Set(story.relations.map((r) => r.type));
    for (const t of ['RELEASED_BY', 'BROKERED_BY', 'SPOUSE_OF', 'CROSSED_INTO']) expect(types).toContain(t);
  });

  it('cites at least one article for every entity, relation and claim', () => {
    const ids = new Set(story.articles.map((a) => a.id));
    const cited = [...story.entities.flatMap((e) => [...e.evidence, ...e.claims.flatMap((c) => c.evidence)]), ...story.relations.flatMap((r) => r.evidence)];
    expect(cited.length).toBeGreaterThan(300);
    for (const ev of cited) expect(ids.has(ev.article)).toBe(true);
  });

  it('keeps both sides of a conflicting figure, each with its own source', () => {
    const crossed = story.entities.flatMap((e) => e.claims).filter((c) => /crossed/i.test(c.measure));
    const values = new Set(crossed.map((c) => c.value));
    expect(values).toEqual(new Set([51, 52]));
    const articles = new Set(crossed.flatMap((c) => c.evidence.map((e) => e.article)));
    expect(articles.size).toBeGreaterThanOrEqual(2);
  });

  it('gives every article a title derived from its text', () => {
    for (const a of story.articles) {
      expect(a.title.length).toBeGreaterThan(10);
      expect(normaliseQuote(a.text)).toContain(normaliseQuote(a.title.replace(/\.\.\.$/, '')));
    }
    expect(story.articles.find((a) => a.id === '003_be641e94f7ec2c34')?.title).toMatch(/^BREAKING: Brokered U\.S\. Deal/);
  });

  it('records which entities each article mentions, by name and alias, not only by evidence', () => {
    const mentions = story.mentions.filter((m) => m.article === '002_7124cf9f911f637b').map((m) => m.entity);
    // Article 002 spells her "Tikhanovskaya": the alias links it.
    expect(mentions).toEqual(expect.arrayContaining(['sviatlana-tsikhanouskaya', 'siarhei-tsikhanouski', 'gitanas-nauseda', 'mikalai-statkevich']));
  });
});
