/**
 * Story format version 2 (docs/story-format.md): a version-2 file beside a
 * version-1 one loads, with certainty, groups, positions, statements, spans
 * and article dates; the version-1 story reads as before; and every kind of
 * bad version-2 input is refused naming file, record and problem, leaving
 * the database with exactly the graph it had.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import { InvalidStory } from '../../server/domain/errors.js';
import { isRelationType } from '../../server/domain/relation-types.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { endKindProblem, spanProblem, wordsFound } from '../../server/domain/story/rules.js';
import { normaliseQuote } from '../../server/domain/text.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { openStore } from '../../server/store/open-store.js';
import { seedStory } from '../../seed/load.js';
import { HARBOUR, tempDir } from '../support/graph.js';
import { storyWith } from '../support/harbour-v2.js';

const run = promisify(execFile);

describe('story format version 2, read', () => {
  const story = readStory(storyWith());

  it('reads a version-2 file beside a version-1 file and says which version each was read as', () => {
    expect(story.version).toBe(2);
    expect(story.fileVersions).toEqual({ 'story.json': 1, 'v2.json': 2 });
  });

  it('keeps how sure each piece of evidence is and according to whom', () => {
    const strikers = story.entities.find((e) => e.id === 'strikers')!;
    expect(strikers.kind).toBe('Group');
    expect(strikers.claims.map((c) => [c.id, c.value, c.evidence[0]!.certainty, c.evidence[0]!.accordingTo])).toEqual([
      ['strikers-300', 300, 'ATTRIBUTED', 'portvale-gazette'],
      ['strikers-340', 340, 'ATTRIBUTED', 'ferryworkers-guild'],
    ]);
    const planned = story.relations.find((r) => r.from === 'calloway-shipping' && r.type === 'PARTICIPATED_IN')!;
    expect(planned.evidence[0]!.certainty).toBe('PLANNED');
    expect(planned).toMatchObject({ role: 'target', date: '2031-02', endDate: '2031-03-03' });
  });

  it('reads positions, spans with derived dates, and article publication data', () => {
    expect(story.entities.find((e) => e.id === 'guild-leader')?.kind).toBe('Position');
    expect(story.entities.find((e) => e.id === 'strike-weeks')).toMatchObject({ date: '2031-02', endDate: '2031-03-03', dateDerived: expect.stringMatching(/three-week/) });
    expect(story.articles.find((a) => a.id === 'h002')).toMatchObject({ source: 'Portvale Gazette', published: '2031-03-04', publishedDerived: expect.any(String) });
  });

  it('reads statements as records of their own, with speaker, channel, subjects and who relayed them', () => {
    expect(story.statements?.find((s) => s.id === 'calloway-good-faith')).toMatchObject({
      speaker: 'edwin-calloway',
      channel: 'statement to the Portvale Gazette',
      about: ['calloway-shipping', 'strike-deal'],
      reportedBy: ['portvale-gazette'],
      date: '2031-03-03',
    });
  });

  it('draws one SAID edge per speaker and subject from the statements, carrying their evidence', () => {
    const said = story.relations.filter((r) => r.type === 'SAID').map((r) => r.id).sort();
    expect(said).toEqual(['edwin-calloway.said.calloway-shipping', 'edwin-calloway.said.strike-deal', 'marta-zelazna.said.strike-deal']);
    // Marta's version-1 SAID relation and her version-2 statement meet on one edge, each quote once.
    const marta = story.relations.find((r) => r.id === 'marta-zelazna.said.strike-deal')!;
    expect(story.statements?.filter((s) => s.speaker === 'marta-zelazna')).toHaveLength(2);
    expect(marta.evidence.map((e) => e.quote)).toEqual(['the agreement was "a fair day\'s wage at last"', 'said the agreement was "a fair day\'s wage at last"']);
  });
});

describe('a version-1 story', () => {
  const story = readStory(HARBOUR);

  it('reads every evidence as STATED', () => {
    const evidence = [...story.entities.flatMap((e) => [...e.evidence, ...e.claims.flatMap((c) => c.evidence)]), ...story.relations.flatMap((r) => r.evidence)];
    expect(evidence.length).toBeGreaterThan(20);
    expect(new Set(evidence.map((e) => e.certainty))).toEqual(new Set(['STATED']));
  });

  it('reads a SAID relation as a statement and still draws its edge under the same id', () => {
    expect(story.version).toBe(1);
    expect(story.statements).toEqual([
      {
        id: 'marta-zelazna.statement.strike-deal',
        speaker: 'marta-zelazna',
        words: 'the agreement was "a fair day\'s wage at last"',
        date: null,
        channel: null,
        about: ['strike-deal'],
        reportedBy: [],
        evidence: [{ article: 'h001', quote: 'the agreement was "a fair day\'s wage at last"', certainty: 'STATED' }],
      },
    ]);
    expect(story.relations.filter((r) => r.type === 'SAID').map((r) => [r.id, r.from, r.to])).toEqual([['marta-zelazna.said.strike-deal', 'marta-zelazna', 'strike-deal']]);
  });
});

describe('story format version 2, refused', () => {
  let dbPath: string;
  const config = () => readConfig({ NODE_ENV: 'test', DB_PATH: dbPath });
  const seed = (dirs: { data: string; articles: string }) => seedStory({ config: config(), dirs, open: openStore });
  const stored = async () => {
    const store = await LadybugStore.open({ path: dbPath });
    try {
      const relations = await store.relations(null, { first: 500 });
      return { stats: await store.stats(), relations: relations.items.map((r) => [r.id, r.evidence.map((e) => e.certainty)]) };
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dbPath = path.join(tempDir(), 'graph.lbug');
    await seed(storyWith());
  });

  const at = (doc: any, id: string) => [...doc.entities, ...doc.statements].find((r: any) => r.id === id);
  const refusals: [string, (v2: any) => void, RegExp][] = [
    ['an unknown certainty', (d) => (d.relations[1].evidence[0].certainty = 'ALLEGED'),
      /v2\.json: relation 2 calloway-shipping -PARTICIPATED_IN-> ferry-strike field evidence\.0\.certainty: must be one of STATED, ATTRIBUTED, UNCONFIRMED, PLANNED/],
    ['ATTRIBUTED evidence without accordingTo', (d) => delete at(d, 'strikers').claims[0].evidence[0].accordingTo,
      /v2\.json: entity 1 "strikers" field claims\.0\.evidence\.0\.accordingTo: is required when certainty is ATTRIBUTED/],
    ['an accordingTo naming an unknown entity', (d) => (at(d, 'strikers').claims[1].evidence[0].accordingTo = 'the-rumour-mill'),
      /v2\.json entity "strikers" claim 2 \("workers who took part in the strike"\): unknown entity "the-rumour-mill" in "accordingTo"/],
    ['a speaker that does not exist', (d) => (at(d, 'calloway-good-faith').speaker = 'nobody-at-all'),
      /v2\.json statement "calloway-good-faith": unknown entity "nobody-at-all" in "speaker"/],
    ['a statement about an unknown entity', (d) => at(d, 'zelazna-fair-wage').about.push('the-weather'),
      /v2\.json statement "zelazna-fair-wage": unknown entity "the-weather" in "about"/],
    ['a statement relayed by an unknown entity', (d) => (at(d, 'calloway-good-faith').reportedBy = ['pigeon-post']),
      /v2\.json statement "calloway-good-faith": unknown entity "pigeon-post" in "reportedBy"/],
    ['a place standing for an unknown entity', (d) => d.entities.push({ id: 'portvale-town', kind: 'Place', name: 'Portvale', standsFor: 'portvale-council', evidence: [{ article: 'h001', quote: 'The three-week ferry strike in Portvale' }] }),
      /v2\.json entity "portvale-town": unknown entity "portvale-council" in "standsFor"/],
    ['a member of a group that is not a person', (d) => (d.relations[0].from = 'calloway-shipping'),
      /v2\.json relation calloway-shipping -MEMBER_OF-> strikers: "from" is an Organisation, but a member of a Group is a Person/],
    ['an entity span that ends before it starts', (d) => (at(d, 'strike-weeks').endDate = '2031-01-15'),
      /v2\.json entity "strike-weeks": ends \(endDate 2031-01-15\) before it starts \(date 2031-02\)/],
    ['a relation span that ends before it starts', (d) => (d.relations[1].endDate = '2030'),
      /v2\.json relation calloway-shipping -PARTICIPATED_IN-> ferry-strike: ends \(endDate 2030\) before it starts/],
    ['an end without a start', (d) => delete at(d, 'strike-weeks').date,
      /v2\.json entity "strike-weeks": has endDate 2031-03-03 but no date/],
    ['statement words not in its article', (d) => (at(d, 'calloway-good-faith').words = 'the company had bargained in bad faith'),
      /v2\.json statement "calloway-good-faith": words not found in its evidence article \(h001\): "the company had bargained in bad faith"/],
    ['statement words from another article than its evidence', (d) => (at(d, 'calloway-good-faith').words = 'The Guild counted 340 strikers'),
      /statement "calloway-good-faith": words not found in its evidence article \(h001\)/],
    ['a statement id that is an entity id', (d) => (at(d, 'zelazna-fair-wage').id = 'strikers'),
      /v2\.json statement "strikers": duplicate id "strikers", already the id of entity in v2\.json \(ids are unique across entities, relations, statements, claims and articles\)/],
    ['a claim id that is a statement id', (d) => (at(d, 'strikers').claims[0].id = 'calloway-good-faith'),
      /v2\.json statement "calloway-good-faith": duplicate id "calloway-good-faith", already the id of claim in v2\.json/],
    ['a relation id that is a claim id', (d) => (d.relations[0].id = 'strikers-340'),
      /v2\.json relation tomas-zelazny -MEMBER_OF-> strikers: duplicate id "strikers-340", already the id of claim in v2\.json/],
    ['a statement id that is an article id', (d) => (at(d, 'zelazna-fair-wage').id = 'h001'),
      /statement "h001": duplicate id "h001", already the id of the article h001\.txt/],
    ['a SAID relation in a version-2 file', (d) => d.relations.push({ from: 'edwin-calloway', type: 'SAID', to: 'strike-deal', evidence: [{ article: 'h001', quote: 'Calloway said the company had negotiated in good faith.' }] }),
      /v2\.json relation edwin-calloway -SAID-> strike-deal: version 2 records what was said as a statement/],
    ['a version-2 field in a version-1 file', (d) => delete d.version,
      /v2\.json: uses "certainty" \(at entities\[0\]\.claims\[0\]\.evidence\[0\]\.certainty\), which only version 2 of the format knows: put "version": 2 at the top of the file/],
  ];

  it.each(refusals)('refuses %s, naming file, record and problem, and keeps the graph', async (_name, spoil, message) => {
    const before = await stored();
    const error = await seed(storyWith(spoil)).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidStory);
    expect(error.message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('accepts an explicit STATED certainty in a version-1 file: it says what version 1 means', () => {
    const dirs = storyWith(() => undefined, (v1) => (v1.entities[0].evidence[0].certainty = 'STATED'));
    expect(readStory(dirs).fileVersions?.['story.json']).toBe(1);
  });

  it('refuses the Group kind in a version-1 file, telling how to fix it', () => {
    const dirs = storyWith(() => undefined, (v1) => (v1.entities[4].kind = 'Group'));
    expect(() => readStory(dirs)).toThrow(/story\.json: uses the kind Group \(at entities\[4\]\.kind\), which only version 2 of the format knows/);
  });

  (isRelationType('HOLDS') ? it : it.skip)('refuses HOLDS into something that is not a Position', () => {
    const good = storyWith((d) => d.relations.push({ from: 'marta-zelazna', type: 'HOLDS', to: 'guild-leader', evidence: [{ article: 'h001', quote: 'Guild leader Marta Żelazná said' }] }));
    expect(readStory(good).relations.some((r) => r.type === 'HOLDS')).toBe(true);
    const bad = storyWith((d) => d.relations.push({ from: 'marta-zelazna', type: 'HOLDS', to: 'ferryworkers-guild', evidence: [{ article: 'h001', quote: 'Guild leader Marta Żelazná said' }] }));
    expect(() => readStory(bad)).toThrow(/v2\.json relation marta-zelazna -HOLDS-> ferryworkers-guild: "to" is an Organisation, but HOLDS joins a holder to the office \(a Position\) it holds/);
  });

  it('runs as a command: npm run seed -- --check prints which version each file was read as', async () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const { stdout } = await run(tsx, ['seed/seed.ts', '--check', '--data', storyWith().data], { cwd: PROJECT_ROOT });
    expect(stdout).toMatch(/Story format read: +version 2 \(v2\.json\); version 1 \(story\.json: every evidence STATED, SAID relations read as statements\)/);
    expect(stdout).toMatch(/Statements: +3/);
  });
});

describe('the rules of one record', () => {
  it('refuse HOLDS into anything but a Position, whatever holds it', () => {
    expect(endKindProblem('HOLDS', 'Person', 'Position')).toBeNull();
    expect(endKindProblem('HOLDS', 'Person', 'Organisation')).toMatch(/"to" is an Organisation, but HOLDS joins a holder to the office \(a Position\)/);
  });

  it('refuse a MEMBER_OF into a Group from anything but a Person or a Group, and leave other MEMBER_OF alone', () => {
    expect(endKindProblem('MEMBER_OF', 'Person', 'Group')).toBeNull();
    expect(endKindProblem('MEMBER_OF', 'Group', 'Group')).toBeNull();
    expect(endKindProblem('MEMBER_OF', 'Country', 'Group')).toMatch(/"from" is a Country/);
    expect(endKindProblem('MEMBER_OF', 'Country', 'Organisation')).toBeNull();
  });

  it('refuse a span only when its end is surely before its start, dates being as precise as the text allows', () => {
    expect(spanProblem('2025-09-11', '2025-09')).toBeNull();
    expect(spanProblem('2025-09', '2025-09-01')).toBeNull();
    expect(spanProblem('2023-07', undefined)).toBeNull();
    expect(spanProblem('2025-09-11', '2025-08')).toMatch(/ends \(endDate 2025-08\) before it starts \(date 2025-09-11\)/);
    expect(spanProblem('2025', '2024-12-31')).toMatch(/before it starts/);
    expect(spanProblem(undefined, '2025')).toMatch(/no date/);
    expect(spanProblem(undefined, undefined, '"on the eve of" the release')).toMatch(/dateDerived but no date/);
  });

  it('find statement words folded as quotes are: whitespace, typographic quotes and dashes', () => {
    const text = normaliseQuote('She said it was “a fair day\'s wage  at last” — and left.');
    expect(wordsFound('a fair day’s wage\nat last', text)).toBe(true);
    expect(wordsFound('"a fair day\'s wage at last" - and left', text)).toBe(true);
    expect(wordsFound('a fair days wage at last', text)).toBe(false);
  });
});
