/**
 * The seed story read completely: every sentence of every article backed by
 * evidence quotes (page furniture aside), and the articles' own analysis,
 * comparisons and unattributed voices recorded no more firmly than the
 * articles put them (docs/curation-coverage.md is the worksheet). Reads the
 * JSON files directly, like story-audit.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fold, normaliseQuote } from '../../server/domain/text.js';
import { readStoryFiles, SEED_DIR } from '../support/story-files.js';

const story = readStoryFiles();
const entity = (id: string) => {
  const e = story.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};
const relations = (from: string | null, type: string | null, to: string | null) =>
  story.relations.filter((r) => (from === null || r.from === from) && (type === null || r.type === type) && (to === null || r.to === to));

describe('the articles’ own analysis, recorded no more firmly than they put it', () => {
  const evidenceOf = (id: string, pattern: RegExp) => entity(id).evidence.filter((e) => pattern.test(e.quote));

  it('keeps 001’s “may be a tactical move” hedged, in the article’s voice and no one else’s', () => {
    const [hedge] = evidenceOf('expulsion-of-52-prisoners-2025', /may be a tactical move/);
    expect(hedge).toMatchObject({ article: '001_eccc57a8f53e1c8d', certainty: 'UNCONFIRMED' });
    expect(hedge!.accordingTo).toBeUndefined();
    expect(entity('expulsion-of-52-prisoners-2025').summary).toMatch(/hedged, that the expulsions may be a tactical move/);
  });

  it('records that the deported were not given a genuine choice, and that forced expulsions can split families', () => {
    const quotes = entity('expulsion-of-52-prisoners-2025').evidence.map((e) => e.quote);
    expect(quotes).toEqual(expect.arrayContaining([
      expect.stringMatching(/not given a genuine choice about where to live/),
      expect.stringMatching(/forced expulsions can split families/),
    ]));
  });

  it('records 003’s “being viewed as” a breakthrough without naming who views it so', () => {
    const [viewed] = evidenceOf('release-of-52-prisoners-2025', /being viewed as/);
    expect(viewed).toMatchObject({ article: '003_be641e94f7ec2c34', certainty: 'STATED' });
    expect(entity('release-of-52-prisoners-2025').summary).toMatch(/by whom it does not say/);
  });

  it('gives 001’s unnamed advocates their own group and their call as a statement, not the opposition’s', () => {
    expect(entity('advocates-cited').kind).toBe('Group');
    const calls = story.statements.filter((s) => /safe return guarantees/.test(s.words));
    expect(calls.map((s) => s.speaker)).toEqual(['advocates-cited']);
    expect(relations('advocates-cited', 'CALLED_FOR', 'political-prisoners-held-in-belarus')).toHaveLength(1);
  });

  it('places Tsikhanouskaya’s remark on Statkevich’s case on Friday, not at the news conference the article does not tie it to', () => {
    const remark = story.statements.find((s) => /right to choose either to stay or to leave/.test(s.words));
    expect(remark).toMatchObject({ speaker: 'sviatlana-tsikhanouskaya', date: '2025-09-12' });
    expect(remark!.channel).toBeUndefined();
  });

  it('leaves undated and unrouted what 000 says only “Tsikhanouskaya said” or “Lyabedzka said”, with no day and no outlet', () => {
    const bare = story.statements.filter((s) => s.evidence.every((e) => /(Tsikhanouskaya|Lyabedzka) said\.?$/.test(e.quote.trim())));
    expect(bare.map((s) => s.id).sort()).toEqual(['lyabedzka-statkevich-refused', 'lyabedzka-statkevich-taken', 'tsikhanouskaya-passports-confiscated', 'tsikhanouskaya-statkevich-whereabouts']);
    for (const s of bare) expect([s.id, s.date, s.channel, s.reportedBy ?? []]).toEqual([s.id, undefined, undefined, []]);
  });

  it('records 000’s likening of Statkevich’s refusal to Kolesnikova’s choice on both events, as the article’s comparison', () => {
    for (const id of ['statkevich-refusal-at-border-2025', 'kolesnikova-deportation-attempt']) {
      expect(evidenceOf(id, /echoes a similar choice by Maria Kolesnikova/)).toHaveLength(1);
    }
    expect(relations('mikalai-statkevich', null, 'maria-kolesnikova')).toHaveLength(0);
  });
});

describe('no sentence of any article skipped', () => {
  /** Page furniture, links and pointers for readers: they state nothing about the story (docs/curation-coverage.md). */
  const FURNITURE = [/^for readers seeking u s policy context/, /^join our newsletter/, /^we respect your privacy/, /^https /];
  const quotesOf = (article: string) => [
    ...story.entities.flatMap((e) => [...e.evidence, ...(e.claims ?? []).flatMap((c) => c.evidence)]),
    ...story.relations.flatMap((r) => r.evidence),
    ...story.statements.flatMap((s) => s.evidence),
  ].filter((e) => e.article === article).map((e) => fold(e.quote));

  it('backs at least three quarters of every sentence of eight words or more with evidence quotes', () => {
    const thin: string[] = [];
    for (const article of story.texts.keys()) {
      const lines = fs.readFileSync(path.join(SEED_DIR, 'articles', `${article}.txt`), 'utf8').split('\n');
      const sentences = lines.flatMap((line) => normaliseQuote(line).split(/(?<=[.!?"])\s+(?=["A-Z])/)).map(fold).filter(Boolean);
      const whole = sentences.join(' ');
      // Which characters of the article some quote holds.
      const held = new Array<boolean>(whole.length).fill(false);
      for (const q of quotesOf(article)) {
        for (let at = whole.indexOf(q); at >= 0; at = whole.indexOf(q, at + 1)) held.fill(true, at, at + q.length);
      }
      let cursor = 0;
      for (const s of sentences) {
        const at = whole.indexOf(s, cursor);
        cursor = at + s.length;
        if (s.split(' ').length < 8 || FURNITURE.some((f) => f.test(s))) continue;
        const share = held.slice(at, at + s.length).filter(Boolean).length / s.length;
        if (share < 0.75) thin.push(`${article}: ${s}`);
      }
    }
    expect(thin).toEqual([]);
  });
});
