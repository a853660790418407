/**
 * The part of the store contract that story format 2 added, over a tiny
 * story written here: certainty and accordingTo on evidence, groups and
 * positions, spans and derived dates, roles, article publication data, and
 * statements as records of their own. Every engine must store and return
 * each field as given.
 */
import type { GraphStore } from '../../server/store/graph-store.js';
import type { Story } from '../../server/domain/types.js';

export interface StoreTarget {
  name: string;
  open: () => Promise<{ store: GraphStore; cleanup: () => Promise<void> }>;
}

const ev = (quote: string, extra: object = {}) => ({ article: 'n001', quote, certainty: 'STATED' as const, ...extra });

/** Two dated statements and an undated one; a group, an office, a place standing for a state. */
export const TINY_STORY: Story = {
  version: 2,
  articles: [
    { id: 'n001', title: 'Dockers walk out', text: 'The full text of the article.', url: null, source: 'Harbour Courier', published: '2031-05-02', publishedDerived: '"said Friday" after the Thursday walkout' },
  ],
  entities: [
    { id: 'ada-brook', kind: 'Person', name: 'Ada Brook', aliases: ['A. Brook'], summary: null, date: null, evidence: [ev('Ada Brook said')], claims: [] },
    {
      id: 'night-shift-dockers',
      kind: 'Group',
      name: 'The night-shift dockers',
      aliases: [],
      summary: 'Dockers of the night shift.',
      date: null,
      evidence: [ev('the night-shift dockers')],
      claims: [
        { measure: 'dockers who walked out', value: 40, qualifier: 'about', evidence: [ev('about 40 dockers', { certainty: 'ATTRIBUTED', accordingTo: 'ada-brook' })] },
        { measure: 'dockers who walked out', value: 45, evidence: [ev('45 dockers', { certainty: 'UNCONFIRMED' })] },
      ],
    },
    { id: 'harbour-master', kind: 'Position', name: 'Harbour master of Portvale', aliases: [], summary: null, date: null, evidence: [ev('the harbour master')], claims: [] },
    { id: 'portvale-city', kind: 'Place', name: 'Portvale', aliases: [], summary: null, date: null, standsFor: 'harbour-council', evidence: [ev('Portvale said')], claims: [] },
    { id: 'harbour-council', kind: 'Organisation', name: 'Harbour Council', aliases: [], summary: null, date: null, evidence: [ev('the Harbour Council')], claims: [] },
    {
      id: 'walkout',
      kind: 'Event',
      name: 'The walkout',
      aliases: [],
      summary: null,
      date: '2031-05-01',
      endDate: '2031-05-03',
      dateDerived: '"on Thursday", the day before publication',
      evidence: [ev('walked out on Thursday')],
      claims: [],
    },
  ],
  relations: [
    { id: 'ada-brook.member_of.night-shift-dockers', type: 'MEMBER_OF', from: 'ada-brook', to: 'night-shift-dockers', date: null, note: null, evidence: [ev('Ada Brook, one of the night-shift dockers')] },
    {
      id: 'ada-brook.holds.harbour-master',
      type: 'HOLDS',
      from: 'ada-brook',
      to: 'harbour-master',
      date: '2029',
      endDate: '2031-04',
      note: null,
      evidence: [ev('Brook was harbour master until April', { certainty: 'ATTRIBUTED', accordingTo: 'harbour-council' })],
    },
    {
      id: 'night-shift-dockers.participated_in.walkout',
      type: 'PARTICIPATED_IN',
      from: 'night-shift-dockers',
      to: 'walkout',
      role: 'organiser',
      date: '2031-05-01',
      dateDerived: '"on Thursday"',
      note: null,
      evidence: [ev('the dockers will walk out again', { certainty: 'PLANNED' })],
    },
  ],
  statements: [
    { id: 'brook-no-return', speaker: 'ada-brook', words: 'We will not go back', date: '2031-05-02', channel: 'news conference', about: ['walkout', 'harbour-council'], reportedBy: ['harbour-council'], evidence: [ev('We will not go back')] },
    { id: 'brook-early', speaker: 'ada-brook', words: 'Talks have failed', date: '2031-04-30', dateDerived: '"on the eve of" the walkout', channel: null, about: ['harbour-council'], reportedBy: [], evidence: [ev('Talks have failed', { certainty: 'UNCONFIRMED' })] },
    { id: 'master-undated', speaker: 'harbour-master', words: 'The harbour stays open', date: null, channel: 'X', about: ['walkout'], reportedBy: [], evidence: [ev('The harbour stays open', { certainty: 'ATTRIBUTED', accordingTo: 'harbour-council' })] },
  ],
  mentions: [
    { article: 'n001', entity: 'ada-brook' },
    { article: 'n001', entity: 'walkout' },
  ],
};

export function storyFormat2Contract({ name, open }: StoreTarget): void {
  describe(`GraphStore contract on ${name}: story format 2`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    const story = TINY_STORY;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      await store.load(story);
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('returns a group with its disagreeing figures, each with its certainty and source', async () => {
      const group = await store.entity('night-shift-dockers');
      const { degree: _degree, ...stored } = group!;
      expect(stored).toEqual({ ...story.entities[1], endDate: null, dateDerived: null, standsFor: null });
      expect(group?.claims.map((c) => [c.value, c.evidence[0]?.certainty, c.evidence[0]?.accordingTo ?? null])).toEqual([
        [40, 'ATTRIBUTED', 'ada-brook'],
        [45, 'UNCONFIRMED', null],
      ]);
    });

    it('returns a position, a place standing for an organisation, and an event with a derived span', async () => {
      const [master, city, walkout] = await store.entitiesByIds(['harbour-master', 'portvale-city', 'walkout']);
      expect(master?.kind).toBe('Position');
      expect(city).toMatchObject({ kind: 'Place', standsFor: 'harbour-council' });
      expect(walkout).toMatchObject({ date: '2031-05-01', endDate: '2031-05-03', dateDerived: '"on Thursday", the day before publication' });
      expect(await store.timeline()).toEqual([walkout]);
    });

    it('returns relations with their span, role, and evidence certainty and accordingTo', async () => {
      const [holds, took] = await store.relationsByIds(['ada-brook.holds.harbour-master', 'night-shift-dockers.participated_in.walkout']);
      expect(holds).toEqual({ ...story.relations[1], dateDerived: null, role: null });
      expect(took).toEqual({ ...story.relations[2], endDate: null });
      const ofGroup = await store.relationsOf(['night-shift-dockers']);
      expect(ofGroup.get('night-shift-dockers')?.map((r) => [r.type, r.role ?? null])).toEqual([
        ['MEMBER_OF', null],
        ['PARTICIPATED_IN', 'organiser'],
      ]);
    });

    it('returns an article with its outlet and publication date', async () => {
      expect(await store.articlesByIds(['n001'])).toEqual([story.articles[0]]);
    });

    it('lists statements by date, undated last, filtered by speaker and subject', async () => {
      const ids = async (filter: Parameters<GraphStore['statements']>[0]) => (await store.statements(filter)).map((s) => s.id);
      expect(await ids({ first: 10 })).toEqual(['brook-early', 'brook-no-return', 'master-undated']);
      expect(await ids({ first: 2 })).toEqual(['brook-early', 'brook-no-return']);
      expect(await ids({ speaker: 'ada-brook', first: 10 })).toEqual(['brook-early', 'brook-no-return']);
      expect(await ids({ about: 'walkout', first: 10 })).toEqual(['brook-no-return', 'master-undated']);
      expect(await ids({ speaker: 'ada-brook', about: 'walkout', first: 10 })).toEqual(['brook-no-return']);
      expect(await ids({ speaker: 'nobody', first: 10 })).toEqual([]);
      expect(await ids({ first: 0 })).toEqual([]);
    });

    it('returns every field of a statement, and statements by id in the order asked', async () => {
      const [early, missing, undated] = await store.statementsByIds(['brook-early', 'no-such-statement', 'master-undated']);
      expect(early).toEqual(story.statements![1]);
      expect(missing).toBeNull();
      expect(undated).toEqual({ ...story.statements![2], dateDerived: null });
      expect(await store.statementsByIds([])).toEqual([]);
    });

    it('finds any record by its id, saying which type it is', async () => {
      const found = await store.nodesByIds(['walkout', 'ada-brook.holds.harbour-master', 'brook-early', 'n001', 'nothing-at-all']);
      expect(found.map((n) => (n ? [n.type, n.record.id] : null))).toEqual([
        ['Entity', 'walkout'],
        ['Relation', 'ada-brook.holds.harbour-master'],
        ['Statement', 'brook-early'],
        ['Article', 'n001'],
        null,
      ]);
    });

    it('counts statements, groups and positions in the stats', async () => {
      const stats = await store.stats();
      expect(stats).toMatchObject({ entities: 6, relations: 3, articles: 1, statements: 3 });
      expect(stats.byKind).toEqual(expect.arrayContaining([{ kind: 'Group', count: 1 }, { kind: 'Position', count: 1 }]));
    });

    it('loads nothing when a statement names a speaker that is not in the story', async () => {
      const broken: Story = { ...story, statements: [...story.statements!, { ...story.statements![0]!, id: 'ghost-speaks', speaker: 'ghost' }] };
      await expect(store.load(broken)).rejects.toThrow();
      expect(await store.stats()).toMatchObject({ statements: 3 });
      expect(await store.statementsByIds(['ghost-speaks'])).toEqual([null]);
    });
  });
}
