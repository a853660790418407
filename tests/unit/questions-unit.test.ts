/**
 * The pure parts of the question engine: tokens and stems, dates, the verb
 * vocabulary, name matching, and reading a question into an intent. No
 * database: entity links are built by hand where a reading needs them.
 */
import { describe, expect, it } from '@jest/globals';
import type { Entity } from '../../server/domain/types.js';
import { dateWithin, formatDate, isAfter, isBefore, parseDates } from '../../server/questions/read/dates.js';
import { headWord, nameMatch, type Link } from '../../server/questions/link/entities.js';
import { classify } from '../../server/questions/intent/intent.js';
import { completeReading } from '../../server/questions/link/reading.js';
import { isPassive, readQuestion } from '../../server/questions/read/reading.js';
import { typeQuestion } from '../../server/questions/compose/suggestions.js';
import { stem, tokenise } from '../../server/questions/read/tokens.js';
import { createVocabulary } from '../../server/questions/read/vocabulary.js';
import { joinSentences, listNames, relationSentence } from '../../server/questions/compose/wording.js';
import { datesHead } from '../../server/questions/answerers/relation.js';
import { placesItsSubject } from '../../server/questions/answerers/where.js';

const vocabulary = createVocabulary(['NEGOTIATED', 'BROKERED_BY', 'SPOUSE_OF', 'LEADS', 'SAID', 'SHOT_DOWN', 'TRADED_WITH']);

function entity(id: string, name: string, kind: Entity['kind'] = 'Person', extra: Partial<Entity> = {}): Entity {
  return { id, kind, name, aliases: [], summary: null, date: null, evidence: [], claims: [], degree: 1, ...extra };
}

/** Reads a question, linking the given names by their exact words (what the store search would find). */
function read(question: string, names: Record<string, Entity> = {}) {
  const pre = readQuestion(question, vocabulary);
  const links: Link[] = [];
  for (const [words, e] of Object.entries(names)) {
    const parts = words.toLowerCase().split(' ');
    const start = pre.tokens.findIndex((_, i) => parts.every((p, k) => pre.tokens[i + k]?.folded === p));
    if (start < 0) throw new Error(`"${words}" is not in "${question}"`);
    const end = start + parts.length;
    links.push({ entity: e, start, end, matched: words, quality: 4, alternatives: [] });
  }
  links.sort((a, b) => a.start - b.start);
  return completeReading(pre, links, vocabulary);
}

const marta = entity('marta', 'Marta Żelazná');
const guild = entity('guild', 'Ferryworkers Guild', 'Organisation');
const deal = entity('deal', 'Ferry strike deal', 'Event', { date: '2031-03-03' });

describe('tokens', () => {
  it('folds case and diacritics and keeps where each word was', () => {
    const tokens = tokenise('Who is Marta Żelazná?');
    expect(tokens.map((t) => t.folded)).toEqual(['who', 'is', 'marta', 'zelazna']);
    expect(tokens[3]).toMatchObject({ raw: 'Żelazná', start: 13, capitalised: true });
  });

  it('strips a possessive and remembers it', () => {
    const [name, noun] = tokenise("Tsikhanouskaya's husband");
    expect(name).toMatchObject({ raw: 'Tsikhanouskaya', possessive: true });
    expect(noun?.possessive).toBe(false);
  });

  it('splits hyphenated names but keeps ISO dates whole', () => {
    expect(tokenise('Okonkwo-Lind on 2031-03-03').map((t) => t.raw)).toEqual(['Okonkwo', 'Lind', 'on', '2031-03-03']);
  });

  it('marks acronyms, which are never function words', () => {
    const tokens = tokenise('did the US negotiate with us');
    expect(tokens[2]).toMatchObject({ folded: 'us', acronym: true });
    expect(tokens[5]).toMatchObject({ folded: 'us', acronym: false });
  });

  it.each([
    ['negotiated', 'negotiations'],
    ['negotiate', 'negotiator'],
    ['mediated', 'mediation'],
    ['brokered', 'broker'],
    ['released', 'releases'],
    ['prisoners', 'prisoner'],
    ['crossed', 'crossing'],
    ['countries', 'country'],
    ['leads', 'leader'],
  ])('stems %s and %s alike', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('does not stem short words to nothing', () => {
    expect(stem('cross')).toBe('cross');
    expect(stem('says')).toBe('says');
  });
});

describe('dates', () => {
  const iso = (q: string) => parseDates(tokenise(q)).map((d) => d.iso);

  it.each([
    ['what happened on 11 September 2025?', ['2025-09-11']],
    ['what happened on September 11, 2025?', ['2025-09-11']],
    ['what happened on 11th Sept 2025', ['2025-09-11']],
    ['what happened on Sept. 11?', ['--09-11']],
    ['what happened in June 2025?', ['2025-06']],
    ['what happened in june?', ['--06']],
    ['what happened in 2020?', ['2020']],
    ['events of 2025-09-11', ['2025-09-11']],
    ['between 2020 and March 2031', ['2020', '2031-03']],
  ])('reads "%s"', (question, expected) => {
    expect(iso(question)).toEqual(expected);
  });

  it('does not take "may" or "march" as months without a number or preposition', () => {
    expect(iso('who may march with the guild?')).toEqual([]);
    expect(iso('what happened in March?')).toEqual(['--03']);
    expect(iso('strike of May 2031')).toEqual(['2031-05']);
  });

  it('says where each date is in the question', () => {
    expect(parseDates(tokenise('what happened on 11 September 2025?'))[0]).toMatchObject({ start: 3, end: 6 });
  });

  it('matches data dates within an asked date, a month of any year included', () => {
    expect(dateWithin('2025-09-11', '2025-09')).toBe(true);
    expect(dateWithin('2025-09', '2025-09-11')).toBe(false);
    expect(dateWithin('2025-06', '--06')).toBe(true);
    expect(dateWithin('2025-06-14', '--06-14')).toBe(true);
    expect(dateWithin('2025', '--06')).toBe(false);
    expect(dateWithin(null, '2025')).toBe(false);
  });

  it('orders dates strictly, leaving overlapping ones neither before nor after', () => {
    expect(isBefore('2025-06', '2025-09-11')).toBe(true);
    expect(isBefore('2025-09', '2025-09-11')).toBe(false);
    expect(isAfter('2025-09-12', '2025-09-11')).toBe(true);
    expect(isAfter('2025-09-11', '2025-09')).toBe(false);
    expect(isBefore('2020', '2021-01-01')).toBe(true);
  });

  it('writes dates as people read them', () => {
    expect(formatDate('2025-09-11')).toBe('11 September 2025');
    expect(formatDate('2025-06')).toBe('June 2025');
    expect(formatDate('2020')).toBe('2020');
    expect(formatDate('--06')).toBe('June (any year)');
  });
});

describe('vocabulary', () => {
  const typesOf = (q: string) => vocabulary.match(tokenise(q)).flatMap((m) => m.types);

  it.each([
    ['who negotiated what?', ['NEGOTIATED']],
    ['who was negotiating?', ['NEGOTIATED']],
    ['who brokered the release?', ['BROKERED_BY', 'RELEASED_BY', 'RELEASED_IN']],
    ['who mediated?', ['BROKERED_BY']],
    ['who helped secure it', ['BROKERED_BY']],
    ['who is her husband?', ['SPOUSE_OF']],
    ['who called for sanctions?', ['CALLED_FOR', 'GRANTED_SANCTIONS_RELIEF_TO']],
  ])('reads the verbs of "%s"', (question, types) => {
    expect(new Set(typesOf(question))).toEqual(new Set(types));
  });

  it('prefers the longest phrase: "called for" is not "called"', () => {
    const [m] = vocabulary.match(tokenise('who called for it'));
    expect(m).toMatchObject({ start: 1, end: 3, types: ['CALLED_FOR'] });
  });

  it('ignores a lone function word even where a table lists it ("in")', () => {
    expect(typesOf('what is in it')).toEqual([]);
  });

  it('knows graph types the table does not document by the words of their name', () => {
    expect(typesOf('who traded with whom')).toContain('TRADED_WITH');
    expect(vocabulary.label('TRADED_WITH')).toBe('traded with');
  });

  it('reads verbs with a typo', () => {
    const [negociated] = tokenise('negociated');
    expect(vocabulary.matchFuzzy(negociated!)).toEqual(['NEGOTIATED']);
    const [about] = tokenise('about');
    expect(vocabulary.matchFuzzy(about!)).toEqual([]);
  });

  it('reads roles off the labels', () => {
    expect(vocabulary.roles('BROKERED_BY')).toEqual({ agent: 'to', patient: 'from' });
    expect(vocabulary.roles('RELEASED_IN')).toEqual({ agent: null, patient: 'from' });
    expect(vocabulary.roles('NEGOTIATED')).toEqual({ agent: 'from', patient: 'to' });
    expect(vocabulary.roles('CROSSED_INTO')).toEqual({ agent: 'from', patient: 'to' });
    expect(vocabulary.roles('SPOUSE_OF')).toEqual({ agent: null, patient: null });
  });

  it('widens a verb to every stem of its types (synonyms for claim measures)', () => {
    const stems = vocabulary.stemsOf(['RELEASED_BY']);
    expect(stems.has(stem('released'))).toBe(true);
    expect(stems.has(stem('freed'))).toBe(true);
  });
});

describe('name matching', () => {
  it('grades exact, whole words, prefix and typo matches', () => {
    expect(nameMatch('marta zelazna', ['Marta Żelazná'])?.quality).toBe(4);
    expect(nameMatch('zelazna', ['Marta Żelazná'])).toEqual({ quality: 3, head: true });
    expect(nameMatch('statkev', ['Mikalai Statkevich'])?.quality).toBe(2);
    expect(nameMatch('statkevitch', ['Mikalai Statkevich'])?.quality).toBe(1);
    expect(nameMatch('guild', ['the Guild'])?.quality).toBe(4);
  });

  it('prefers the head noun of a name: the strike of "ferry strike", not of "strike deal"', () => {
    expect(headWord('portvale ferry strike')).toBe('strike');
    expect(headWord('release of 52 political prisoners')).toBe('release');
    expect(nameMatch('strike', ['Portvale ferry strike'])?.head).toBe(true);
    expect(nameMatch('strike', ['Ferry strike deal'])?.head).toBe(false);
    expect(nameMatch('calloway', ['Edwin Calloway'])?.head).toBe(true);
    expect(nameMatch('calloway', ['Calloway Shipping Company'])?.head).toBe(false);
  });

  it('does not match short or unrelated words', () => {
    expect(nameMatch('port', ['Portvale'])).toBeNull();
    expect(nameMatch('weather', ['Marta Żelazná'])).toBeNull();
  });
});

describe('reading a question', () => {
  it('reads open relation questions', () => {
    const intent = classify(read('who negotiated what?'));
    expect(intent).toMatchObject({ name: 'relation', types: ['NEGOTIATED'], links: [] });
  });

  it('reads a relation about a named entity, with the entity', () => {
    const intent = classify(read('who leads the Ferryworkers Guild?', { 'ferryworkers guild': guild }));
    expect(intent).toMatchObject({ name: 'relation', types: ['LEADS'] });
    expect(intent.name === 'relation' && intent.links.map((l) => l.entity.id)).toEqual(['guild']);
  });

  it('reads "who was released?" as passive and "who released X?" as active', () => {
    const passive = read('who was released?');
    const active = read('who released them?');
    expect(isPassive(passive, passive.verbs[0]!)).toBe(true);
    expect(isPassive(active, active.verbs[0]!)).toBe(false);
  });

  it('reads profiles in several phrasings', () => {
    for (const q of ['who is marta?', 'tell me about marta', 'marta?', "who's marta"]) {
      expect(classify(read(q, { marta }))).toMatchObject({ name: 'profile' });
    }
  });

  it('reads paths and yes/no relation checks between two entities', () => {
    expect(classify(read('how is marta connected to the guild?', { marta, guild }))).toMatchObject({ name: 'path' });
    expect(classify(read('marta and guild', { marta, guild }))).toMatchObject({ name: 'path' });
    expect(classify(read('did marta negotiate with the guild?', { marta, guild }))).toMatchObject({ name: 'relation-check', types: ['NEGOTIATED'] });
  });

  it('reads questions about time', () => {
    expect(classify(read('what happened on 3 March 2031?'))).toMatchObject({ name: 'on-date', date: { iso: '2031-03-03' } });
    expect(classify(read('what happened before the deal?', { deal }))).toMatchObject({ name: 'before' });
    expect(classify(read('what happened after 2020?'))).toMatchObject({ name: 'after', reference: { date: { iso: '2020' } } });
    expect(classify(read('when did the deal happen?', { deal }))).toMatchObject({ name: 'when' });
    expect(classify(read('when did the guild negotiate?', { guild }))).toMatchObject({ name: 'relation', types: ['NEGOTIATED'], asksWhen: true });
    expect(classify(read('who negotiated?'))).not.toHaveProperty('asksWhen');
  });

  it('reads a label as putting its subject at a place, unless it says the subject did not get there', () => {
    expect(['took place in', 'crossed into', 'deported to', 'located in', 'remained in'].map(placesItsSubject)).toEqual([true, true, true, true, true]);
    expect(['refused to cross into', 'expelled by', 'negotiated', 'blocked from entering'].map(placesItsSubject)).toEqual([false, false, false, false]);
    expect(classify(read('where was the deal?', { deal }))).toMatchObject({ name: 'where', link: { entity: { id: 'deal' } } });
    expect(classify(read('where is marta from?', { marta }))).toMatchObject({ name: 'origin' });
  });

  it('reads questions about how sure the articles are', () => {
    expect(classify(read('what do the sources disagree on?'))).toMatchObject({ name: 'certainty', certainty: 'disagree' });
    expect(classify(read('which figures are disputed?'))).toMatchObject({ name: 'certainty', certainty: 'disagree' });
    expect(classify(read('what is unconfirmed about the guild?', { guild }))).toMatchObject({ name: 'certainty', certainty: 'UNCONFIRMED', links: [{ entity: { id: 'guild' } }] });
    expect(classify(read('what is reported but not confirmed?'))).toMatchObject({ name: 'certainty', certainty: 'UNCONFIRMED' });
    expect(classify(read('what was promised?'))).toMatchObject({ name: 'certainty', certainty: 'PLANNED' });
    // A relation verb asks who: the relation question, whose answer is worded as firmly as its evidence.
    expect(classify(read('who promised to negotiate?'))).toMatchObject({ name: 'relation' });
    expect(classify(read('who negotiated?'))).toMatchObject({ name: 'relation' });
  });

  it('puts a date on a relation question as a filter', () => {
    expect(classify(read('who negotiated in March 2031?'))).toMatchObject({ name: 'relation', time: { iso: '2031-03', mode: 'within' } });
    expect(classify(read('who negotiated before 2031?'))).toMatchObject({ name: 'relation', time: { iso: '2031', mode: 'before' } });
  });

  it('reads counts and lists', () => {
    expect(classify(read('how many workers were on strike?'))).toMatchObject({ name: 'count' });
    expect(classify(read('what number of people crossed?'))).toMatchObject({ name: 'count' });
    expect(classify(read('which countries are involved?'))).toMatchObject({ name: 'list', kind: 'Country' });
    expect(classify(read('list the organisations'))).toMatchObject({ name: 'list', kind: 'Organisation' });
  });

  it('refuses names it cannot find, in capitals, after "with", or as the whole question', () => {
    for (const q of ['who is Napoleon?', 'who negotiated with napoleon?', 'who is napoleon', "what did the king's spouse say?"]) {
      const intent = classify(read(q));
      expect(intent.name).toBe('unknown');
      expect(intent.name === 'unknown' && intent.reason).toMatch(/could not find/);
    }
  });

  it('refuses what it cannot read at all, saying which words it did not know', () => {
    const intent = classify(read('asdf qwer'));
    expect(intent).toMatchObject({ name: 'unknown' });
    expect(intent.name === 'unknown' && intent.reason).toContain('"asdf"');
    expect(classify(read('   ?! '))).toMatchObject({ name: 'unknown', reason: 'The question is empty.' });
  });

  it('lists the words it ignored', () => {
    expect(read('who negotiated the weather?').ignored).toEqual(['weather']);
  });
});

describe('wording', () => {
  it('lists names in English', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'A'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C', 'D'], 2)).toBe('A, B and 2 more');
  });

  it('writes a relation as a sentence in the right voice', () => {
    const r = { id: 'r', type: 'BROKERED_BY', from: 'deal', to: 'mayor', date: '2031-03-03', note: null, evidence: [] };
    expect(relationSentence(r, deal, entity('mayor', 'Mayor'), vocabulary)).toBe('Ferry strike deal was brokered by Mayor (3 March 2031)');
    expect(relationSentence({ ...r, type: 'SPOUSE_OF', from: 'marta', date: null }, marta, entity('t', 'Tomas'), vocabulary)).toBe('Marta Żelazná is spouse of Tomas');
    expect(relationSentence({ ...r, type: 'NEGOTIATED', from: 'guild', to: 'deal', date: null }, guild, deal, vocabulary)).toBe('Ferryworkers Guild negotiated Ferry strike deal');
  });

  it('leads a "when" answer with the dates, oldest first', () => {
    expect(datesHead([{ date: '2031-03-03' }, { date: '2031-03-03' }])).toBe('On 3 March 2031.');
    expect(datesHead([{ date: '2031-03-03' }, { date: '2030-06' }])).toBe('In June 2030 and on 3 March 2031.');
    expect(datesHead([{ date: '2031-03' }, { date: null }])).toBe('In March 2031 (some of it undated).');
    expect(datesHead([{ date: '2031-03-01', endDate: '2031-03-04' }])).toBe('From 1 March 2031 to 4 March 2031.');
    expect(datesHead([{ date: null }])).toBe('The graph gives no date for this.');
  });

  it('joins sentences, saying how many were left out', () => {
    expect(joinSentences(['a.', 'b', 'c'], 2)).toBe('a; b (and 1 more).');
  });

  it('suggests questions the engine reads back as the same type', () => {
    expect(typeQuestion(vocabulary, 'NEGOTIATED', 'Organisation')).toBe('Who negotiated what?');
    expect(typeQuestion(vocabulary, 'RELEASED_IN', 'Person')).toBe('Who was released?');
    expect(typeQuestion(vocabulary, 'SPOUSE_OF', 'Person')).toBe('Who married whom?');
    expect(typeQuestion(vocabulary, 'PRECEDED', 'Event')).toBe('What preceded what?');
    expect(typeQuestion(vocabulary, 'MEMBER_OF', 'Person')).toBe('Who is member of what?');
    expect(typeQuestion(vocabulary, 'ADVISES', 'Person')).toBe('Who advises what?');
  });
});
