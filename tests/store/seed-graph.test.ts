/** The store answering concrete questions about the seeded story. */
import type { GraphStore } from '../../server/store/graph-store.js';
import { ENGINE_NAME, seededStore } from '../support/graph.js';

describe(`the seeded graph in ${ENGINE_NAME}`, () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore());
  });
  afterAll(() => cleanup());

  it.each([
    ['Tikhanovskaya', 'sviatlana-tsikhanouskaya'],
    ['tsikhanouskaya', 'sviatlana-tsikhanouskaya'],
    ['Svetlana', 'sviatlana-tsikhanouskaya'],
    ['Nauseda', 'gitanas-nauseda'],
    ['Nausėda', 'gitanas-nauseda'],
    ['Lukashenka', 'alexander-lukashenko'],
    ['Igor Losik', 'ihar-losik'],
    ['Mikola Statkevich', 'mikalai-statkevich'],
    ['Vyasna', 'viasna'],
    ['Statkevic', 'mikalai-statkevich'],
    ['Kolesnikva', 'maria-kolesnikova'],
  ])('search "%s" finds %s first', async (text, id) => {
    const results = await store.search(text);
    expect(results[0]?.id).toBe(id);
  });

  it('search ranks an exact name above a prefix and a substring', async () => {
    const names = (await store.search('Belarus', { first: 5 })).map((e) => e.id);
    expect(names[0]).toBe('belarus');
    expect(names.length).toBeGreaterThan(1);
  });

  it('search filters by kind', async () => {
    const people = await store.search('Tsikhanou', { kinds: ['Person'] });
    expect(people.map((e) => e.id).sort()).toEqual(['siarhei-tsikhanouski', 'sviatlana-tsikhanouskaya']);
    expect(await store.search('Tsikhanou', { kinds: ['Country'] })).toEqual([]);
  });

  it('holds the marriage with the quote that states it', async () => {
    const rels = (await store.relationsOf(['siarhei-tsikhanouski'], { types: ['SPOUSE_OF'] })).get('siarhei-tsikhanouski')!;
    expect(rels).toHaveLength(1);
    const [spouse] = rels;
    expect([spouse!.from, spouse!.to].sort()).toEqual(['siarhei-tsikhanouski', 'sviatlana-tsikhanouskaya']);
    expect(spouse!.evidence.map((e) => e.quote).join(' ')).toMatch(/husband/);
  });

  it('joins two people the articles connect by a shortest path', async () => {
    const path = await store.shortestPath('donald-trump', 'ihar-losik', 6);
    expect(path).not.toBeNull();
    expect(path!.nodes[0]!.id).toBe('donald-trump');
    expect(path!.nodes[path!.nodes.length - 1]!.id).toBe('ihar-losik');
    expect(path!.edges.length).toBe(path!.nodes.length - 1);
    expect(path!.edges.length).toBeLessThanOrEqual(4);
    for (const e of path!.edges) expect(e.evidence.length).toBeGreaterThan(0);
  });

  it('says there is no path when maxLength is too short', async () => {
    expect(await store.shortestPath('donald-trump', 'ihar-losik', 1)).toBeNull();
  });

  it('lists the events oldest first, with dates', async () => {
    const events = await store.timeline();
    expect(events.length).toBeGreaterThan(10);
    const dates = events.map((e) => e.date!);
    expect([...dates].sort()).toEqual(dates);
    expect(events.map((e) => e.id)).toContain('release-of-52-prisoners-2025');
  });

  it('knows who the release of the 52 was brokered by', async () => {
    const rels = (await store.relationsOf(['release-of-52-prisoners-2025'], { direction: 'OUT', types: ['BROKERED_BY'] })).get('release-of-52-prisoners-2025')!;
    expect(rels.map((r) => r.to)).toContain('united-states');
  });

  it('gives the neighbourhood of Statkevich with the relations among it', async () => {
    const g = await store.neighbourhood('mikalai-statkevich', 1, { limit: 500 });
    const ids = g.nodes.map((n) => n.id);
    expect(ids[0]).toBe('mikalai-statkevich');
    expect(ids).toEqual(expect.arrayContaining(['release-of-52-prisoners-2025']));
    for (const e of g.edges) expect(ids).toEqual(expect.arrayContaining([e.from, e.to]));
    expect(g.truncated).toBe(false);
    const capped = await store.neighbourhood('mikalai-statkevich', 2, { limit: 5 });
    expect(capped.nodes).toHaveLength(5);
    expect(capped.truncated).toBe(true);
  });

  it('counts without scanning: stats match the pages', async () => {
    const stats = await store.stats();
    let after: string | null = null;
    const seen = new Set<string>();
    do {
      const page = await store.relations(null, { first: 37, after });
      for (const r of page.items) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      expect(page.totalCount).toBe(stats.relations);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen.size).toBe(stats.relations);
  });
});
