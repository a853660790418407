import { fold, foldedNameScore } from '../../server/domain/text.js';
import type { EntityKind } from '../../server/domain/types.js';
import { NameIndex, type NameRow } from '../../server/store/name-index.js';

/** The plain scan the index replaces: every name scored, a stable sort, the best first. */
function scan(rows: NameRow[], text: string, kinds: EntityKind[], first: number): string[] {
  const q = fold(text);
  if (!q || first === 0) return [];
  const pool = rows.filter((r) => !kinds.length || kinds.includes(r.kind));
  const hits = (typos: boolean) => pool.map((r) => ({ r, s: foldedNameScore(q, fold(r.name), r.aliases.map(fold), typos) })).filter((h) => h.s > 0);
  let found = hits(false);
  if (found.length < first) found = hits(true);
  return found.sort((a, b) => b.s - a.s || b.r.degree - a.r.degree || a.r.name.localeCompare(b.r.name)).slice(0, first).map((h) => h.r.id);
}

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
});
