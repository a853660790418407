import MiniSearch from 'minisearch';
import { readStory } from '../../server/domain/story/read-story.js';
import { buildPassages, type PassageStory } from '../../server/store/full-text/build-passages.js';
import { RankedIndex } from '../../server/store/full-text/ranked-index.js';
import { termOf } from '../../server/store/full-text/terms.js';
import { PassageIndex } from '../../server/store/full-text/passage-index.js';
import { syntheticStory } from '../../bench/synthetic.js';
import { SEED } from '../support/graph.js';

/**
 * The reference: MiniSearch scoring every match, configured as the index was
 * before it read its lists best first. The ranked index must put the same
 * passages in the same order with the same scores.
 */
function bothIndexes(story: PassageStory) {
  const built = buildPassages(story);
  const docs = built.map((b, id) => ({ id, words: b.words }));
  const reference = new MiniSearch<{ id: number; words: string[] }>({
    fields: ['words'],
    extractField: (doc, field) => (field === 'id' ? String(doc.id) : doc.words.join(' ')),
    tokenize: (text) => text.split(' '),
    processTerm: (word) => termOf(word),
    searchOptions: { tokenize: (q) => q.split(' '), processTerm: (t) => t },
  });
  reference.addAll(docs);
  const ranked = RankedIndex.build(built.map((b) => ({ terms: b.words.map(termOf).filter((t): t is string => !!t), length: b.words.length ? new Set(b.words).size : 1 })));
  return { built, reference, ranked };
}

/** The first n of MiniSearch's results, best first. */
function referenceTop(reference: MiniSearch, terms: string[], n: number) {
  return reference
    .search({ combineWith: 'OR', queries: [terms.join(' ')] })
    .map((r) => ({ doc: Number(r.id), score: r.score }))
    .sort((a, b) => Math.round(b.score * 1e9) - Math.round(a.score * 1e9) || a.doc - b.doc)
    .slice(0, n);
}

function rankedTop(ranked: RankedIndex, terms: string[], n: number) {
  const out: { doc: number; score: number }[] = [];
  for (const hit of ranked.ranked(terms.map((term) => ({ term, word: term, weight: 1 })))) {
    out.push({ doc: hit.doc, score: hit.score });
    if (out.length === n) break;
  }
  return out;
}

function expectSameRanking(story: PassageStory, queries: string[][]) {
  const { reference, ranked } = bothIndexes(story);
  for (const terms of queries) {
    const all = new Map(referenceTop(reference, terms, Infinity).map((h) => [h.doc, h.score]));
    const expected = [...all].slice(0, 20);
    const got = rankedTop(ranked, terms, 20);
    // The same scores in the same order, each passage with its own reference score: passages with equal
    // scores may come in another order (the reference's is the order it met them in, too).
    expect({ terms, n: got.length }).toEqual({ terms, n: expected.length });
    got.forEach((h, i) => {
      expect(h.score).toBeCloseTo(expected[i]![1], 9);
      expect(all.get(h.doc)).toBeCloseTo(h.score, 9);
    });
  }
}

describe('the ranked index (BM25+ read best first)', () => {
  it('ranks the seed story for every word it holds, alone and in pairs, as scoring every match does', () => {
    const story = readStory(SEED);
    const { ranked } = bothIndexes(story);
    const words = [...new Set(buildPassages(story).flatMap((b) => b.words.map(termOf)).filter((t): t is string => !!t))].sort();
    expect(ranked.termCount).toBe(words.length);
    const singles = words.filter((_, i) => i % 3 === 0).map((w) => [w]);
    const pairs = words.filter((_, i) => i % 17 === 0).map((w, i, all) => [w, all[(i * 7 + 3) % all.length]!]);
    expectSameRanking(story, [...singles, ...pairs, ['releas', 'prison', 'lithuania']]);
  });

  it('ranks a graph whose summaries share a small vocabulary (words in thousands of passages) as scoring every match does', () => {
    const story = syntheticStory(3000, 6000, 3);
    const common = ['releas', 'prison', 'journalist', 'sanction', 'border', 'talk'];
    const names = story.entities.slice(0, 30).map((e) => e.name.toLowerCase().split(' ').map((w) => termOf(w)!));
    expectSameRanking(story, [...common.map((w) => [w]), ...common.map((w, i) => [w, common[(i + 1) % common.length]!]), ...names, names.slice(0, 5).map((n) => n[0]!).concat('releas')]);
  });

  it('hands passages over best first, as many as the caller takes, leaving out those the filter refuses', () => {
    const { built, ranked } = bothIndexes(syntheticStory(500, 1000, 5));
    const hits = [...ranked.ranked([{ term: 'releas', word: 'released', weight: 1 }], (doc) => doc % 2 === 0)];
    expect(hits.length).toBe(built.filter((b, doc) => doc % 2 === 0 && b.words.some((w) => termOf(w) === 'releas')).length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(hits.every((h) => h.doc % 2 === 0 && h.terms.includes('releas'))).toBe(true);
  });

  it('counts the completions of one word being typed as one matched word, so they do not outrank a passage holding two words of the query', () => {
    const index = PassageIndex.build({
      articles: [{ id: 'a', text: 'Ferrets, ferrymen and ferrous ferries. The harbour master met the ferry. The tide was low.' }],
      entities: [],
      relations: [],
    });
    expect(index.find('harbour ferr', { first: 1 })[0]?.text).toBe('The harbour master met the ferry.');
  });
});
