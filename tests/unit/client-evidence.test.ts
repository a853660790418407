/** Quotes in articles, claims side by side, relations by type (client/src/evidence.ts). */
import { certaintyWords, findQuote, formatFigure, groupClaims, groupRelations, quoted, splitAtQuote, splitStatements, statementCertaintyWords, strongestEvidence } from '../../client/src/evidence.js';
import type { Claim, EntityNode, Evidence, RelationDetail, Statement } from '../../client/src/queries.js';

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

describe('how sure, in words, and statements', () => {
  const article = { id: 'a1', title: 'One', source: 'AP' };
  const ev = (certainty: Evidence['certainty'], accordingTo: string | null = null): Evidence => ({ quote: 'a passage of the article', article, certainty, accordingTo: accordingTo ? { id: accordingTo.toLowerCase(), name: accordingTo } : null });
  const named = (id: string) => ({ id, kind: 'PERSON' as const, name: id });
  const statement = (id: string, speaker: string, evidence: Evidence[] = [ev('STATED')]): Statement => ({ id, words: 'we are free', date: null, channel: null, speaker: named(speaker), about: [], reportedBy: [], evidence });

  it('says a promise was not done when reported, and whose promise it was', () => {
    expect(certaintyWords('PLANNED')).toBe('promised or planned, not done when reported');
    expect(certaintyWords('PLANNED', 'The Embassy')).toBe('promised or planned (according to The Embassy), not done when reported');
    expect(certaintyWords('UNCONFIRMED', 'Viasna')).toBe('reportedly, according to Viasna');
  });

  it('takes a statement’s certainty from its strongest evidence, as the server ranks it', () => {
    expect(strongestEvidence([ev('PLANNED'), ev('ATTRIBUTED', 'BelTA'), ev('UNCONFIRMED')])!.certainty).toBe('ATTRIBUTED');
    expect(strongestEvidence([ev('UNCONFIRMED'), ev(undefined)])!.certainty).toBeUndefined();
    expect(strongestEvidence([])).toBeNull();
    expect(statementCertaintyWords({ evidence: [ev('PLANNED'), ev('ATTRIBUTED', 'BelTA')] })).toBe('according to BelTA');
    expect(statementCertaintyWords({ evidence: [ev('UNCONFIRMED'), ev('STATED')] })).toBe('reported in the article’s own voice');
  });

  it('keeps what an entity said apart from what was said about it, each statement once', () => {
    const own = statement('own', 'me');
    const split = splitStatements([own, own], [statement('theirs', 'them'), own, statement('theirs', 'them')]);
    expect(split.made.map((s) => s.id)).toEqual(['own']);
    expect(split.about.map((s) => s.id)).toEqual(['theirs']);
  });

  it('puts a passage in quotation marks unless it opens with the article’s own', () => {
    expect(quoted('Belarus freed 52')).toBe('“Belarus freed 52”');
    expect(quoted('“We do not need political prisoners,” Lukashenko said.')).toBe('“We do not need political prisoners,” Lukashenko said.');
  });
});
