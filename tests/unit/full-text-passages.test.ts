import { PassageIndex, type PassageStory } from '../../server/store/full-text/passage-index.js';
import { RelationColumns } from '../../server/store/full-text/relation-columns.js';
import { buildPassages } from '../../server/store/full-text/build-passages.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { SEED } from '../support/graph.js';

/** A tiny story: two articles, three people, two relations, a statement. */
const A1 = [
  'The talks were negotiated in Vilnius by President Gitanas Nausėda.',
  'Negotiations lasted a week, and the negotiators met twice.',
  'Driven to the border, she tore up her passport and walked back.',
  '“It was forced deportation,” Ana Lind said. It was not freedom.',
].join(' ');
const A2 = 'The deportation was forced on them, a lawyer said.\nThe U.S. State Department declined to comment.';

const story: PassageStory = {
  articles: [
    { id: 'a1', text: A1 },
    { id: 'a2', text: A2 },
  ],
  entities: [
    { id: 'nauseda', name: 'Gitanas Nausėda', aliases: ['Nauseda'], summary: 'President of Lithuania who announced the release.', evidence: [{ article: 'a1', quote: 'President Gitanas Nausėda' }] },
    { id: 'mara', name: 'Mara Koval', aliases: [], summary: null, evidence: [{ article: 'a1', quote: 'she tore up her passport' }] },
    { id: 'ana', name: 'Ana Lind', aliases: ['Lind'], summary: 'Opposition leader in exile.', evidence: [{ article: 'a1', quote: '“It was forced deportation,” Ana Lind said.' }] },
    { id: 'border', name: 'The border', aliases: [], summary: null, evidence: [{ article: 'a1', quote: 'Driven to the border' }] },
    { id: 'state-department', name: 'U.S. State Department', aliases: [], summary: null, evidence: [{ article: 'a2', quote: 'The U.S. State Department declined' }] },
  ],
  relations: [
    { id: 'r-crossed', from: 'mara', to: 'border', evidence: [{ article: 'a1', quote: 'tore up her passport and walked back' }] },
    { id: 'r-said', from: 'ana', to: 'nauseda', evidence: [{ article: 'a1', quote: '"It was forced deportation," Ana Lind said. It was not freedom.' }] },
  ],
  statements: [{ id: 's-forced', speaker: 'ana', words: 'It was forced deportation', evidence: [{ article: 'a1', quote: 'It was forced deportation' }] }],
};

const index = PassageIndex.build(story);
const texts = (q: string, options = {}) => index.find(q, options).map((p) => p.text);

describe('the passage index', () => {
  it('ranks the passage that uses a word most, in the fewest words, first', () => {
    const [best] = index.find('negotiations negotiators');
    expect(best?.text).toBe('Negotiations lasted a week, and the negotiators met twice.');
  });

  it('stems English words, so "negotiations" finds "negotiated"', () => {
    expect(texts('negotiations')).toContain('The talks were negotiated in Vilnius by President Gitanas Nausėda.');
    expect(texts('negotiated')).toContain('Negotiations lasted a week, and the negotiators met twice.');
  });

  it('folds case and diacritics both ways, so "Nauseda" finds "Nausėda" and "NAUSĖDA" finds it too', () => {
    expect(texts('Nauseda')).toContain('The talks were negotiated in Vilnius by President Gitanas Nausėda.');
    expect(texts('NAUSĖDA')).toContain('The talks were negotiated in Vilnius by President Gitanas Nausėda.');
  });

  it('matches a "quoted phrase" only where its words stand together, in order', () => {
    const phrase = texts('"forced deportation"');
    expect(phrase).toContain('“It was forced deportation,” Ana Lind said.');
    expect(phrase).not.toContain('The deportation was forced on them, a lawyer said.');
    expect(texts('forced deportation')).toContain('The deportation was forced on them, a lawyer said.');
    expect(texts('"deportation forced"')).toEqual([]);
  });

  it('finds a phrase across a sentence break through the quote that spans it', () => {
    const [hit] = index.find('"said it was not freedom"');
    expect(hit?.kind).toBe('quote');
    expect(hit?.text).toBe('“It was forced deportation,” Ana Lind said. It was not freedom.');
    expect(hit?.relations).toEqual(['r-said']);
  });

  it('tolerates a small typo in a word the index does not hold, and completes a last word being typed', () => {
    expect(texts('pasport')).toContain('Driven to the border, she tore up her passport and walked back.');
    expect(texts('negotiatons')).toContain('Negotiations lasted a week, and the negotiators met twice.');
    expect(texts('border passp')).toContain('Driven to the border, she tore up her passport and walked back.');
    expect(texts('Departm')).toContain('The U.S. State Department declined to comment.');
  });

  it('does not split "U.S." from the rest of its sentence', () => {
    expect(texts('"State Department"')).toEqual(['The U.S. State Department declined to comment.']);
  });

  it('ties a passage to the relations whose evidence lies in it and to their ends, named or not', () => {
    const [hit] = index.find('passport');
    expect(hit?.relations).toEqual(['r-crossed']);
    expect(hit?.entities.slice(0, 2)).toEqual(expect.arrayContaining(['mara', 'border']));
  });

  it('ties a passage to the statements whose words lie in it and names what it mentions', () => {
    const [hit] = index.find('"forced deportation"');
    expect(hit?.statements).toEqual(['s-forced']);
    expect(hit?.entities).toContain('ana');
  });

  it('searches summaries, pointing at the evidence they rest on', () => {
    const [hit] = index.find('exile');
    expect(hit).toMatchObject({ kind: 'summary', summaryOf: 'ana', article: 'a1', text: 'Opposition leader in exile.' });
    expect(A1.slice(hit!.start, hit!.end)).toBe('“It was forced deportation,” Ana Lind said.');
    expect(index.find('exile', { kinds: ['sentence'] })).toEqual([]);
  });

  it('returns at most `first` passages, never the same words twice, and nothing for a query of stop words only', () => {
    expect(index.find('forced deportation said', { first: 1 })).toHaveLength(1);
    const hits = index.find('forced deportation said freedom');
    for (const a of hits) for (const b of hits) if (a !== b && a.kind !== 'summary' && b.kind !== 'summary' && a.article === b.article) expect(a.start >= b.end || b.start >= a.end).toBe(true);
    expect(index.find('the and of')).toEqual([]);
    expect(index.find('   ')).toEqual([]);
  });

  it('says which words of the query each passage holds, and which only through a correction', () => {
    const [typed] = index.find('passport walked');
    expect(typed).toMatchObject({ matched: expect.arrayContaining(['passport', 'walked']), corrected: [] });
    const [misspelt] = index.find('pasport');
    expect(misspelt).toMatchObject({ matched: [], corrected: ['pasport'] });
    const [phrase] = index.find('"forced deportation" Lind');
    expect(phrase?.matched).toEqual(expect.arrayContaining(['forced deportation', 'lind']));
  });

  it('ties passages to the same things in the same order whatever order the records arrive in', () => {
    const shuffled = PassageIndex.build({ ...story, articles: [...story.articles].reverse(), entities: [...story.entities].reverse(), relations: [...story.relations].reverse() });
    for (const q of ['passport', '"forced deportation"', 'Nauseda negotiated', 'exile']) expect(shuffled.find(q)).toEqual(index.find(q));
  });

  it('reads relations kept as columns (a scan of a large graph) as it reads them from an array', () => {
    const columns = new RelationColumns();
    for (const r of story.relations) columns.add(r.id, r.from, r.to, r.evidence);
    expect(columns.size).toBe([...story.relations].length);
    expect([...columns]).toEqual([...story.relations].map(({ id, from, to, evidence }) => ({ id, from, to, evidence })));
    const fromColumns = PassageIndex.build({ ...story, relations: columns });
    for (const q of ['passport', '"forced deportation"', 'Nauseda negotiated', 'exile']) expect(fromColumns.find(q)).toEqual(index.find(q));
  });

  it('builds the same index from a scanned story it empties once read', () => {
    const scanned: PassageStory = { articles: [...story.articles], entities: [...story.entities], relations: [...story.relations], statements: [...(story.statements ?? [])] };
    const released = PassageIndex.buildReleasing(scanned);
    expect(scanned).toEqual({ articles: [], entities: [], relations: [], statements: [] });
    for (const q of ['passport', '"forced deportation"', 'Nauseda negotiated', 'exile']) expect(released.find(q)).toEqual(index.find(q));
  });

  it('makes the same passages when it empties the story as it goes', () => {
    const scanned: PassageStory = { articles: [...story.articles], entities: [...story.entities], relations: [...story.relations], statements: [...(story.statements ?? [])] };
    expect(buildPassages(scanned, { releasing: true })).toEqual(buildPassages(story));
    expect(scanned).toEqual({ articles: [], entities: [], relations: [], statements: [] });
  });

  it('lists a relation once in a passage that holds two of its quotes', () => {
    const twice = { id: 'r-twice', from: 'mara', to: 'border', evidence: [{ article: 'a1', quote: 'tore up her passport' }, { article: 'a1', quote: 'walked back' }] };
    const [hit] = PassageIndex.build({ ...story, relations: [twice] }).find('passport');
    expect(hit?.relations).toEqual(['r-twice']);
  });

  it('lists at most 100 relations for a passage many relations cite, the same ones whatever their order', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}`, from: 'mara', to: 'border', evidence: [{ article: 'a1', quote: 'tore up her passport' }] }));
    const cited = (relations: typeof many) => PassageIndex.build({ ...story, relations }).find('passport')[0]!.relations;
    expect(cited(many)).toEqual(many.slice(0, 100).map((r) => r.id));
    expect(cited([...many].reverse())).toEqual(cited(many));
  });

  it('scores best first', () => {
    const scores = index.find('forced deportation passport').map((p) => p.score);
    expect(scores.length).toBeGreaterThan(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('the passage index over the seed story', () => {
  const seed = readStory(SEED);
  const seedIndex = PassageIndex.build(seed);
  const articleText = new Map(seed.articles.map((a) => [a.id, a.text]));

  it('gives offsets that slice every sentence and quote passage out of its article exactly', () => {
    const all = seedIndex.find('the release of political prisoners Belarus Lithuania said', { first: 10_000 });
    expect(all.length).toBeGreaterThan(50);
    for (const p of all.filter((p) => p.kind !== 'summary')) expect(articleText.get(p.article)!.slice(p.start, p.end)).toBe(p.text);
  });

  it('indexes every sentence of every article', () => {
    expect(seedIndex.stats.passages).toBeGreaterThan(seed.articles.length * 10);
  });
});
