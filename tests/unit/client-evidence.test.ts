/** Quotes in articles, claims side by side, relations by type (client/src/evidence.ts). */
import { findQuote, formatFigure, groupClaims, groupRelations, splitAtQuote } from '../../client/src/evidence.js';
import type { Claim, EntityNode, RelationDetail } from '../../client/src/queries.js';

const text = 'VILNIUS — Belarus freed 52 political prisoners\nThursday. “Of course, we are so happy,” she said.';

describe('findQuote', () => {
  it('finds a verbatim quote', () => {
    const at = findQuote(text, 'Belarus freed 52');
    expect(text.slice(...at!)).toBe('Belarus freed 52');
  });

  it('tolerates curly quotes, dashes, case and line breaks, as the seed compares quotes', () => {
    const at = findQuote(text, 'political prisoners Thursday. "of course, we are so happy," she said');
    expect(text.slice(...at!)).toBe('political prisoners\nThursday. “Of course, we are so happy,” she said');
    expect(findQuote('A – B', 'a - b')).toEqual([0, 5]);
  });

  it('says null when the passage is not there', () => {
    expect(findQuote(text, 'Minsk denied it')).toBeNull();
    expect(findQuote(text, '   ')).toBeNull();
    expect(splitAtQuote(text, null)).toBeNull();
  });

  it('cuts the article around the quote for highlighting', () => {
    expect(splitAtQuote('one two three', 'two')).toEqual({ before: 'one ', quote: 'two', after: ' three' });
  });
});

describe('groupClaims', () => {
  const claim = (measure: string, value: number, qualifier: string | null = null): Claim => ({ measure, value, qualifier, evidence: [] });

  it('sets conflicting figures of one measure side by side, lowest first', () => {
    const groups = groupClaims([claim('released', 52), claim('foreigners', 14), claim('released', 51, 'almost')]);
    expect(groups.map((g) => [g.measure, g.figures.map((f) => f.value), g.conflicting])).toEqual([
      ['released', [51, 52], true],
      ['foreigners', [14], false],
    ]);
  });

  it('does not flag the same figure stated twice', () => {
    expect(groupClaims([claim('released', 52), claim('released', 52)])[0]!.conflicting).toBe(false);
  });

  it('formats figures as a reader writes them', () => {
    expect(formatFigure(1000)).toBe('1,000');
    expect(formatFigure(4.5)).toBe('4.5');
  });
});

describe('groupRelations', () => {
  const ent = (id: string): EntityNode => ({ id, kind: 'PERSON', name: id, aliases: [], degree: 1, date: null });
  const rel = (from: string, type: string, to: string): RelationDetail => ({ id: `${from}.${type}.${to}`, type, label: type.toLowerCase(), date: null, note: null, from: ent(from), to: ent(to), evidence: [] });

  it('groups by type and direction, largest group first', () => {
    const groups = groupRelations('x', [rel('x', 'MET', 'a'), rel('b', 'MET', 'x'), rel('x', 'MET', 'c'), rel('x', 'LEADS', 'd')]);
    expect(groups.map((g) => [g.type, g.outgoing, g.relations.length])).toEqual([
      ['MET', true, 2],
      ['LEADS', true, 1],
      ['MET', false, 1],
    ]);
  });
});
