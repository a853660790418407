/**
 * The pure parts of questions version 2, without a database: the synonym
 * table read through the vocabulary, the cues of the reading (superlatives,
 * origins, reasons, exchanges, attributes, the words said), the intents
 * they lead to, the description an attribute is matched against, and the
 * hedged wording of evidence.
 */
import { describe, expect, it } from '@jest/globals';
import type { Entity, Evidence, Relation } from '../../server/domain/types.js';
import { measureHead } from '../../server/questions/answerers/count.js';
import { hedged } from '../../server/questions/compose/wording.js';
import { classify } from '../../server/questions/intent/intent.js';
import { attributeStems, descriptionStems } from '../../server/questions/link/attributes.js';
import type { Link } from '../../server/questions/link/entities.js';
import { completeReading } from '../../server/questions/link/reading.js';
import { readQuestion } from '../../server/questions/read/reading.js';
import { SYNONYMS } from '../../server/questions/read/synonyms.js';
import { tokenise } from '../../server/questions/read/tokens.js';
import { createVocabulary } from '../../server/questions/read/vocabulary.js';

const vocabulary = createVocabulary(['CROSSED_INTO', 'REFUSED_TO_CROSS', 'NEGOTIATED', 'MET', 'SAID', 'IN_EXCHANGE_FOR', 'CITIZEN_OF', 'RELEASED_BY']);

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'Person', name, aliases: [], summary: null, date: null, evidence: [], claims: [], degree: 1, ...extra };
}

/** Reads a question, linking the given names by their exact words. */
function read(question: string, names: Record<string, Entity> = {}) {
  const pre = readQuestion(question, vocabulary);
  const links: Link[] = Object.entries(names).map(([words, e]) => {
    const parts = words.toLowerCase().split(' ');
    const start = pre.tokens.findIndex((_, i) => parts.every((p, k) => pre.tokens[i + k]?.folded === p));
    if (start < 0) throw new Error(`"${words}" is not in "${question}"`);
    return { entity: e, start, end: start + parts.length, matched: words, quality: 4, alternatives: [] };
  });
  return completeReading(pre, links, vocabulary);
}

describe('the synonym table', () => {
  it('maps every word to a word the vocabulary reads', () => {
    const everything = createVocabulary();
    for (const [word, { means }] of Object.entries(SYNONYMS)) {
      expect({ word, types: everything.match(tokenise(means)).flatMap((v) => v.types).length > 0 }).toEqual({ word, types: true });
    }
  });

  it('reads "leave" as "cross", with its object as the starting point', () => {
    const [verb] = vocabulary.match(tokenise('who refused to leave it'));
    expect(verb).toMatchObject({ types: ['REFUSED_TO_CROSS'], origin: true });
    expect(vocabulary.match(tokenise('who bargained'))[0]).toMatchObject({ types: ['NEGOTIATED'] });
    expect(vocabulary.match(tokenise('who crossed'))[0]?.origin).toBeUndefined();
  });

  it('keeps an origin out of the relation filter', () => {
    const place = entity('p', 'Portvale', { kind: 'Place' });
    const intent = classify(read('who left Portvale?', { Portvale: place }));
    expect(intent).toMatchObject({ name: 'relation', links: [], origins: [{ entity: { id: 'p' } }] });
  });
});

describe('reading the shapes of version 2', () => {
  it('reads superlatives, by relations or by mentions', () => {
    expect(classify(read('who is the most connected person?'))).toMatchObject({ name: 'superlative', kind: 'Person', measure: 'relations' });
    expect(classify(read('which country appears most?'))).toMatchObject({ name: 'superlative', kind: 'Country', measure: 'mentions' });
    expect(classify(read('who said the most?'))).toMatchObject({ name: 'superlative', types: ['SAID'] });
  });

  it('reads where someone is from', () => {
    const x = entity('x', 'Lena Marsh');
    for (const q of ['where is Lena Marsh from?', 'where does Lena Marsh come from?', 'what nationality is Lena Marsh?']) {
      expect(classify(read(q, { 'Lena Marsh': x }))).toMatchObject({ name: 'origin', link: { entity: { id: 'x' } } });
    }
  });

  it('reads reasons and the side of an exchange', () => {
    const x = entity('x', 'Guild', { kind: 'Organisation' });
    expect(classify(read('why did Guild end it?', { Guild: x }))).toMatchObject({ name: 'why' });
    expect(classify(read('what did Guild get in return?', { Guild: x }))).toMatchObject({ name: 'exchange', side: 'get' });
    expect(classify(read('what did Guild give in exchange?', { Guild: x }))).toMatchObject({ name: 'exchange', side: 'give' });
  });

  it('reads the nouns after "which" as what the answer must be', () => {
    expect(read('which journalists were released?').attributes).toEqual(['journalists']);
    expect(classify(read('which journalists were released?'))).toMatchObject({ name: 'relation', attributes: ['journalists'] });
    expect(classify(read('who are the journalists?'))).toMatchObject({ name: 'list', kind: null, attributes: ['journalists'] });
    expect(read('which countries are involved?').attributes).toEqual([]);
  });

  it('reads the words after a verb of saying as the words said, not names', () => {
    const man = entity('m', 'No-man’s land', { kind: 'Place' });
    const reading = read('who said no man left behind?', { man });
    expect(reading.links).toEqual([]);
    expect(reading.ignored).toEqual(['man', 'left', 'behind']);
    expect(classify(reading)).toMatchObject({ name: 'relation', types: ['SAID'], words: ['man', 'left', 'behind'] });
    expect(read('who said what about it?').ignored).toEqual([]);
  });
});

describe('what an entity is described as', () => {
  it('reads the summary, its own relation notes and the groups it belongs to', () => {
    const reporter = entity('r', 'Ada', { summary: 'Journalist at the Gazette.' });
    const group = entity('g', 'Ferry captains', { kind: 'Group' });
    const rel = (type: string, to: string, note: string | null = null): Relation => ({ id: `${type}-${to}`, type, from: 'r', to, date: null, note, evidence: [] });
    const stems = descriptionStems(reporter, [rel('MEMBER_OF', 'g'), rel('CITIZEN_OF', 'c', 'Dutch national')], new Map([['g', group]]));
    for (const word of ['journalists', 'captains', 'dutch']) expect(attributeStems([word]).every((s) => stems.has(s))).toBe(true);
    expect(attributeStems(['engineers']).every((s) => stems.has(s))).toBe(false);
  });
});

describe('hedged wording', () => {
  const ev = (certainty: Evidence['certainty'], accordingTo: string | null = null, article = 'a1'): Evidence => ({ article, quote: 'a quote long enough', certainty, accordingTo });
  const names = new Map([['mayor', entity('mayor', 'The Mayor')]]);

  it('states a stated fact as it is', () => {
    expect(hedged('A met B', [ev('STATED')])).toBe('A met B');
  });

  it('names whom a fact is attributed to', () => {
    expect(hedged('A met B', [ev('ATTRIBUTED', 'mayor')], names)).toBe('According to The Mayor, A met B');
  });

  it('never states an unconfirmed or planned fact as fact', () => {
    expect(hedged('A met B', [ev('UNCONFIRMED')])).toBe('Reportedly, A met B');
    expect(hedged('A met B', [ev('PLANNED', 'mayor')], names)).toBe('Promised (according to The Mayor), not done when reported: A met B');
  });

  it('names sources that differ side by side', () => {
    const text = hedged('A met B', [ev('PLANNED', null, 'a1'), ev('ATTRIBUTED', 'mayor', 'a2')], names);
    expect(text).toBe('According to The Mayor, A met B (the sources differ: article a1: promised or planned, not done; article a2: according to The Mayor)');
  });
});

describe('what a measure counts', () => {
  it('is the words before a preposition, and keeps a relative clause', () => {
    expect(measureHead('foreigners among the released')).toBe('foreigners');
    expect(measureHead('prison sentence (years)')).toBe('prison sentence');
    expect(measureHead('prisoners pardoned and released in June')).toBe('prisoners pardoned and released');
    expect(measureHead('prisoners who crossed into Lithuania')).toBe('prisoners who crossed');
    expect(measureHead('political prisoners released')).toBe('political prisoners released');
    expect(measureHead('age')).toBe('age');
  });
});
