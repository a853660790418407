import { editDistance, fold, matchScore, normaliseQuote } from '../../server/domain/text.js';
import { deriveTitle } from '../../server/domain/story/articles.js';
import { findMentions } from '../../server/domain/story/mentions.js';
import { searchKeys } from '../../server/store/records.js';
import { decodeCursor, encodeCursor } from '../../server/store/cursor.js';

describe('folding names', () => {
  it('drops case and diacritics', () => {
    expect(fold('Nausėda')).toBe('nauseda');
    expect(fold('Marta Żelazná')).toBe('marta zelazna');
    expect(fold('Łukasz')).toBe('lukasz');
  });
  it('turns punctuation into single spaces', () => {
    expect(fold("no man’s land")).toBe('no man s land');
    expect(fold('RFE/RL')).toBe('rfe rl');
  });
  it('normalises typographic quotes and whitespace the way quotes are compared', () => {
    expect(normaliseQuote('“Our  mission”\n is — ok')).toBe('"Our mission" is - ok');
  });
});

describe('matching a query against a name', () => {
  it('ranks exact above prefix above word prefix above substring above a typo', () => {
    const exact = matchScore('losik', 'losik');
    const prefix = matchScore('los', 'losik');
    const word = matchScore('losik', 'ihar losik');
    const sub = matchScore('osik', 'ihar losik');
    const typo = matchScore('losyk', 'ihar losik');
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(sub);
    expect(sub).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });
  it('allows no typos in very short queries', () => {
    expect(matchScore('abc', 'abd')).toBe(0);
  });
  it('counts edits and stops early past the maximum', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
  it('keeps names, aliases and their words as search keys', () => {
    expect(searchKeys('Ihar Losik', ['Igor Losik'])).toBe('ihar losik|ihar|losik|igor losik|igor');
  });
});

describe('article titles', () => {
  it('prefers a headline line near the top', () => {
    expect(deriveTitle('Skip to main content\n\nSecret Deal\n\nBREAKING: Big Deal Secures Release of Prisoners\n\nBody text.')).toBe('BREAKING: Big Deal Secures Release of Prisoners');
  });
  it('falls back to the first sentence, shortened', () => {
    expect(deriveTitle('Belarus freed 52 prisoners on Thursday. More followed.')).toBe('Belarus freed 52 prisoners on Thursday.');
    expect(deriveTitle(`${'word '.repeat(60)}end.`).length).toBeLessThanOrEqual(140);
  });
});

describe('article mentions', () => {
  const entity = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, evidence: [] });
  it('finds names and aliases as whole words, diacritics folded', () => {
    const articles = [{ id: 'a1', title: 't', text: 'President Nauseda thanked the Losik family.' }];
    const found = findMentions(articles, [entity('n', 'Gitanas Nausėda', ['Nausėda']), entity('l', 'Ihar Losik', ['Losik']), entity('o', 'Los')]);
    expect(found).toEqual([{ article: 'a1', entity: 'n' }, { article: 'a1', entity: 'l' }]);
  });
});

describe('cursors', () => {
  it('round-trip and refuse what this API did not give out', () => {
    expect(decodeCursor(encodeCursor('abc'))).toBe('abc');
    expect(decodeCursor(null)).toBeNull();
    expect(() => decodeCursor('bm9wZQ')).toThrow(/not a cursor this API gave out/);
  });
});
