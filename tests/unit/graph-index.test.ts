import { GraphIndex } from '../../server/store/graph-index.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entities = (ids: string[]) => ids.map((id, i) => ({ id, kind: i % 2 ? 'Person' : 'Place', degree: 0 }));
const relation = (from: string, to: string, type = 'MET') => ({ from, to, type });

/** Every shortest undirected path by brute force, the first by its ids joined with '|': the reference the index must agree with. */
function reference(adjacent: Map<string, Set<string>>, from: string, to: string, maxLength: number): string[] | null {
  let paths = [[from]];
  for (let length = 0; length <= maxLength; length++) {
    const done = paths.filter((p) => p.at(-1) === to);
    if (done.length) return done.map((p) => p.join('|')).sort()[0]!.split('|');
    paths = paths.flatMap((p) => [...(adjacent.get(p.at(-1)!) ?? [])].filter((n) => !p.includes(n)).map((n) => [...p, n]));
  }
  return null;
}

describe('the in-memory graph index', () => {
  const index = GraphIndex.of(entities(['a', 'b', 'c', 'd', 'e']), [relation('a', 'b'), relation('c', 'a', 'LEADS'), relation('b', 'c'), relation('d', 'e'), relation('a', 'b', 'LEADS')]);

  it('lists each neighbour once, either direction, with its kind and stored degree', () => {
    expect(index.neighbours(['a']).map((n) => n.id).sort()).toEqual(['b', 'c']);
    expect(index.neighbours(['a', 'b']).map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
    expect(index.neighbours(['d'])).toEqual([{ id: 'e', kind: 'Place', degree: 0 }]);
    expect(index.neighbours(['nobody'])).toEqual([]);
  });

  it('follows only relations of the asked types', () => {
    expect(index.neighbours(['a'], ['LEADS']).map((n) => n.id).sort()).toEqual(['b', 'c']);
    expect(index.neighbours(['b'], ['LEADS']).map((n) => n.id)).toEqual(['a']);
    expect(index.neighbours(['a'], ['UNKNOWN_TYPE'])).toEqual([]);
  });

  it('groups every directed pair among a set of entities exactly once, under one of its ends', () => {
    const groups = index.pairsAmong(['a', 'b', 'c', 'e']);
    const pairs = groups.flatMap((g) => [...g.out.map((to) => `${g.id}>${to}`), ...g.in.map((from) => `${from}>${g.id}`)]).sort();
    expect(pairs).toEqual(['a>b', 'b>c', 'c>a']);
    expect(index.pairsAmong(['a', 'b'], ['LEADS']).flatMap((g) => [...g.out, ...g.in])).toHaveLength(1);
  });

  it('finds no path between unconnected entities and the entity alone from itself', () => {
    expect(index.shortestPath('a', 'e', 6)).toBeNull();
    expect(index.shortestPath('a', 'nobody', 6)).toBeNull();
    expect(index.shortestPath('d', 'd', 6)).toEqual(['d']);
  });

  it('finds the shortest path a brute-force search finds, the first by joined ids, within the length bound', () => {
    const rand = random(11);
    for (let graph = 0; graph < 40; graph++) {
      const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
      const relations = Array.from({ length: 16 }, () => relation(ids[Math.floor(rand() * 12)]!, ids[Math.floor(rand() * 12)]!)).filter((r) => r.from !== r.to);
      const adjacent = new Map<string, Set<string>>();
      for (const r of relations) {
        adjacent.set(r.from, (adjacent.get(r.from) ?? new Set()).add(r.to));
        adjacent.set(r.to, (adjacent.get(r.to) ?? new Set()).add(r.from));
      }
      const built = GraphIndex.of(entities(ids), relations);
      for (const from of ids.slice(0, 4)) for (const to of ids.slice(6)) for (const max of [2, 8]) expect(built.shortestPath(from, to, max)).toEqual(reference(adjacent, from, to, max));
    }
  });

  it('keeps adjacency in typed arrays of about ten bytes per relation end', () => {
    expect(index.relations).toBe(5);
    expect(index.typedBytes).toBeLessThan(5 * 2 * 5 + 5 * 20 + 64);
  });
});

describe('keyRanges', () => {
  const entities = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'person', degree: 0 }));
  const relations = [
    ...Array.from({ length: 3 }, () => ({ from: 'a', to: 'b', type: 'KNOWS' })),
    ...Array.from({ length: 5 }, () => ({ from: 'b', to: 'c', type: 'KNOWS' })),
    { from: 'c', to: 'a', type: 'KNOWS' },
    { from: 'e', to: 'a', type: 'KNOWS' },
  ];
  const index = GraphIndex.of(entities, relations);

  it('covers every key once, in order, with at most the given number of sources\' relations a range unless one entity has more', () => {
    const ranges = index.keyRanges(4);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges[ranges.length - 1]![1]).toBe(5);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    // a: 3 out; b: 5 out (alone); c, d, e: 1 + 0 + 1.
    expect(ranges).toEqual([
      [0, 1],
      [1, 2],
      [2, 5],
    ]);
  });

  it('is one range when everything fits, and one over nothing for an empty graph', () => {
    expect(index.keyRanges(100)).toEqual([[0, 5]]);
    expect(GraphIndex.of([], []).keyRanges(10)).toEqual([[0, 1]]);
  });
});
