import { fold, foldedNameScore } from '../../server/domain/text.js';
import type { EntityKind } from '../../server/domain/types.js';
import { NameIndex, type NameRow } from '../../server/store/name-index.js';

const folds = new WeakMap<NameRow, [string, string[]]>();
function folded(r: NameRow): [string, string[]] {
  let f = folds.get(r);
  if (!f) folds.set(r, (f = [fold(r.name), r.aliases.map(fold)]));
  return f;
}

/** The plain scan the index replaces: every name scored, a stable sort, the best first. */
function scan(rows: NameRow[], text: string, kinds: EntityKind[], first: number): string[] {
  const q = fold(text);
  if (!q || first === 0) return [];
  const sorted = (typos: boolean) => {
    const key = JSON.stringify([rows.length, q, kinds, typos]);
    let ids = scans.get(key);
    if (!ids) {
      const pool = rows.filter((r) => !kinds.length || kinds.includes(r.kind));
      const hits = pool.map((r) => ({ r, s: foldedNameScore(q, ...folded(r), typos) })).filter((h) => h.s > 0);
      ids = hits.sort((a, b) => b.s - a.s || b.r.degree - a.r.degree || a.r.name.localeCompare(b.r.name)).map((h) => h.r.id);
      scans.set(key, ids);
    }
    return ids;
  };
  let found = sorted(false);
  if (found.length < first) found = sorted(true);
  return found.slice(0, first);
}
const scans = new Map<string, string[]>();

const SYLLABLES = ['ka', 'lo', 'mi', 'sha', 'vel', 'dor', 'ne', 'ri', 'nau', 'ė'];
function names(count: number): NameRow[] {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = (parts: number) => Array.from({ length: parts }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  const kinds: EntityKind[] = ['Person', 'Place', 'Organisation'];
  return Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: kinds[i % 3]!, name: `${word(2)} ${word(3)}`, aliases: i % 4 ? [] : [`${word(2)}-${word(1)}`], degree: i % 7 }));
}

describe('the in-memory name index', () => {
  const rows: NameRow[] = [
    { id: 'nauseda', kind: 'Person', name: 'Gitanas Nausėda', aliases: ['President Nausėda'], degree: 5 },
    { id: 'vilnius', kind: 'Place', name: 'Vilnius', aliases: [], degree: 9 },
    { id: 'vilnius-court', kind: 'Organisation', name: 'Vilnius Regional Court', aliases: [], degree: 2 },
    { id: 'minsk', kind: 'Place', name: 'Minsk', aliases: [], degree: 4 },
  ];
  const index = new NameIndex(rows);

  it('ranks an exact name before names that start with it, then by degree', () => {
    expect(index.find('vilnius', [], 10)).toEqual(['vilnius', 'vilnius-court']);
  });

  it('finds a word inside a name, folded of accents and case, and through an alias', () => {
    expect(index.find('NAUSEDA', [], 10)).toEqual(['nauseda']);
    expect(index.find('president', [], 10)).toEqual(['nauseda']);
    expect(index.find('gional', [], 10)).toEqual(['vilnius-court']);
  });

  it('forgives a typo only when too few names match without one', () => {
    expect(index.find('nausda', [], 10)).toEqual(['nauseda']);
    expect(index.find('minsc', [], 10)).toEqual(['minsk']);
    expect(index.find('zzzzzz', [], 10)).toEqual([]);
  });

  it('keeps to the asked kinds and the asked number', () => {
    expect(index.find('vilnius', ['Organisation'], 10)).toEqual(['vilnius-court']);
    expect(index.find('vilnius', [], 1)).toEqual(['vilnius']);
    expect(index.find('vilnius', [], 0)).toEqual([]);
  });

  it('answers exactly as a scan of every name would, in the same order', () => {
    const many = names(3000);
    const built = new NameIndex(many);
    const queries = ['ka', 'k', 'sha', 'kalo', 'velmi', 'shavel', 'nau', 'kalomi', 'ka lo', 'dorne', 'dorme', 'velshadorn', 'e', 'rine', 'mika', 'lo-ka', 'xyz'];
    for (const q of queries) for (const kinds of [[], ['Place']] as EntityKind[][]) for (const first of [1, 10, 100]) expect(built.find(q, kinds, first)).toEqual(scan(many, q, kinds, first));
  });

  it('answers from the sorted keys exactly as the scan: whole names, aliases, word prefixes, several words', () => {
    const many = names(3000);
    const built = new NameIndex(many);
    // Queries taken from the rows themselves: whole names and aliases (exact), the start of a
    // name, of its second word, of an alias's second word, and two words' worth.
    const queries = many.slice(0, 16).flatMap((r) => {
      const [a, b] = r.name.split(' ') as [string, string];
      return [r.name, a.slice(0, 4), b.slice(0, 5), b.slice(0, 3), `${a} ${b.slice(0, 2)}`, ...r.aliases, ...r.aliases.map((x) => x.split('-')[1]!)];
    });
    let fromRange = 0;
    for (const q of queries) {
      for (const kinds of [[], ['Person', 'Place']] as EntityKind[][]) {
        for (const first of [1, 3, 10, 50]) {
          const expected = scan(many, q, kinds, first);
          expect([q, kinds, first, built.find(q, kinds, first)]).toEqual([q, kinds, first, expected]);
          if (expected.length === first) fromRange++;
        }
      }
    }
    expect(fromRange).toBeGreaterThan(150);
  });

  it("ranks an alias's exact match below a name's, and a name's prefix above a word's", () => {
    const rows: NameRow[] = [
      { id: 'word', kind: 'Person', name: 'Anna Kalomir', aliases: [], degree: 50 },
      { id: 'alias', kind: 'Person', name: 'Someone Else', aliases: ['Kalomir'], degree: 9 },
      { id: 'exact', kind: 'Person', name: 'Kalomir', aliases: [], degree: 1 },
      { id: 'prefix', kind: 'Person', name: 'Kalomira Vel', aliases: [], degree: 3 },
    ];
    const small = new NameIndex(rows);
    expect(small.find('kalomir', [], 1)).toEqual(['exact']);
    expect(small.find('kalomir', [], 4)).toEqual(['exact', 'alias', 'prefix', 'word']);
    expect(small.find('kalomir', [], 4)).toEqual(scan(rows, 'kalomir', [], 4));
  });
});
