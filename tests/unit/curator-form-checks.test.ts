import { describe, expect, it } from '@jest/globals';
import { entityId, entityIds, evidence, fieldsNamed, isoDate, number, relationType, sentencesOf } from '../../client/src/curator/form-checks.js';

const ARTICLE = 'Helena Markov met Samuel Oduya on Thursday, the union said.\nThe keepers will return on Monday.';
const draft = (over: Partial<Parameters<typeof evidence>[0]> = {}) => ({ article: 'a1', quote: 'Helena Markov met Samuel Oduya', certainty: 'STATED', accordingTo: '', ...over });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checking evidence before it is sent', () => {
  it('accepts a quote found in the article, with typographic quotes and spacing folded', () => {
    expect(evidence(draft(), ARTICLE)).toEqual([]);
    expect(evidence(draft({ quote: 'Helena  Markov\nmet Samuel Oduya' }), ARTICLE)).toEqual([]);
  });
  it('refuses a quote the article does not contain, saying to select it', () => {
    const [p] = evidence(draft({ quote: 'Helena Markov fired Samuel Oduya' }), ARTICLE);
    expect(p).toMatchObject({ field: 'quote' });
    expect(p!.message).toMatch(/select it in the article/);
  });
  it('refuses a quote under 12 characters and a missing article', () => {
    expect(fields(evidence(draft({ quote: 'Helena', article: '' }), ARTICLE))).toEqual(['article', 'quote']);
  });
  it('leaves the containment check to the server when the article text is not known', () => {
    expect(evidence(draft({ quote: 'words the page never saw' }), null)).toEqual([]);
  });
  it('needs accordingTo with ATTRIBUTED and refuses it with STATED', () => {
    expect(fields(evidence(draft({ certainty: 'ATTRIBUTED' }), ARTICLE))).toEqual(['accordingTo']);
    expect(fields(evidence(draft({ certainty: 'STATED', accordingTo: 'union' }), ARTICLE))).toEqual(['accordingTo']);
    expect(evidence(draft({ certainty: 'ATTRIBUTED', accordingTo: 'coastal-workers-union' }), ARTICLE)).toEqual([]);
    expect(evidence(draft({ certainty: 'PLANNED', accordingTo: '' }), ARTICLE)).toEqual([]);
  });
});

describe('checking fields', () => {
  it('takes dates at the precision the format allows and nothing else', () => {
    for (const ok of ['', '2031', '2031-05', '2031-05-02']) expect(isoDate('date', ok)).toEqual([]);
    for (const bad of ['May 2031', '2031-13', '2031-05-32', '31-05-02']) expect(isoDate('date', bad)).toHaveLength(1);
  });
  it('takes entity ids as slugs, one by one in a comma list', () => {
    expect(entityId('from', 'helena-markov', 'From')).toEqual([]);
    expect(entityId('from', 'Helena Markov', 'From')[0]!.message).toMatch(/lower case with hyphens/);
    expect(entityId('from', '', 'From', true)).toEqual([]);
    expect(entityIds('about', 'a-b, c-d', 'About')).toEqual([]);
    expect(entityIds('about', 'a-b, C D', 'About')).toHaveLength(1);
  });
  it('takes numbers in digits and relation types in upper snake case, but not SAID', () => {
    expect(number('value', '6.5', 'Value')).toEqual([]);
    expect(number('value', 'six', 'Value')).toHaveLength(1);
    expect(number('valueMax', '', 'Up to', true)).toEqual([]);
    expect(relationType('type', 'MET')).toEqual([]);
    expect(relationType('type', 'met')).toHaveLength(1);
    expect(relationType('type', 'SAID')[0]!.message).toMatch(/statement/);
  });
});

describe('reading the article and the server', () => {
  it('splits an article into sentences to pick from', () => {
    expect(sentencesOf(ARTICLE)).toEqual(['Helena Markov met Samuel Oduya on Thursday, the union said.', 'The keepers will return on Monday.']);
  });
  it('finds the fields a server refusal names', () => {
    expect(fieldsNamed('The change was refused: relation.date: is not a date; relation.evidence.0.quote: is too short.', ['date', 'quote', 'note'])).toEqual(['date', 'quote']);
    expect(fieldsNamed('updateClaim: claim: ferry-strike has no claim "#9"', ['claim', 'value'])).toEqual(['claim']);
  });
});
