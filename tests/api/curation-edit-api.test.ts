/**
 * Editing and deleting what a story holds, over HTTP against the real server
 * and a real LadybugDB: aliases, relations, claims and statements change in
 * the files and the graph at once; a wrong field is refused naming it and
 * writes nothing; entity(id) follows a merge to the survivor, for readers
 * without a token too.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readStory } from '../../server/domain/story/read-story.js';
import { curationServer, type CurationServer } from '../support/curation-server.js';
import { NEW_ARTICLE, snapshot } from '../support/story-folder.js';

jest.setTimeout(60_000);
let s: CurationServer;
let article: string;
beforeAll(async () => {
  s = await curationServer();
  const res = await s.call('mutation($t: String!) { addArticle(title: "Pilots join", text: $t, source: "Portvale Gazette", published: "2031-03-05") { id } }', { t: NEW_ARTICLE });
  article = res.body.data.addArticle.id;
});
afterAll(() => s?.cleanup());

const story = () => readStory({ data: path.join(s.root, 'data'), articles: path.join(s.root, 'articles') });
const error = (res: { body: any }) => res.body.errors?.[0] as { message: string; extensions: { code: string } } | undefined;

describe('editing records', () => {
  it('removeAlias takes a spelling out of the entity and the graph', async () => {
    const res = await s.call('mutation { removeAlias(id: "ferryworkers-guild", alias: "the Guild") { aliases } }');
    expect(res.body.data.removeAlias.aliases).toEqual([]);
    expect(story().entities.find((e) => e.id === 'ferryworkers-guild')!.aliases).toEqual([]);
  });

  it('updateRelation changes a date and replaces the evidence; an empty string clears the date again', async () => {
    const id = 'marta-zelazna.met.edwin-calloway';
    const quote = 'Marta Zelazna met Edwin Calloway at the harbour office';
    await s.call('mutation($a: ID!) { createRelation(from: "marta-zelazna", type: "MET", to: "edwin-calloway", evidence: [{ article: $a, quote: "Marta Zelazna met Edwin Calloway" }]) { id } }', { a: article });
    const res = await s.call('mutation($id: ID!, $a: ID!, $q: String!) { updateRelation(id: $id, date: "2031-03", evidence: [{ article: $a, quote: $q, certainty: ATTRIBUTED, accordingTo: "ferryworkers-guild" }]) { id date certainty evidence { quote } } }', { id, a: article, q: quote });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateRelation).toEqual({ id, date: '2031-03', certainty: 'ATTRIBUTED', evidence: [{ quote }] });
    const cleared = await s.call('mutation($id: ID!) { updateRelation(id: $id, date: "") { date } }', { id });
    expect(cleared.body.data.updateRelation.date).toBeNull();
    expect(story().relations.find((r) => r.id === id)!.date ?? null).toBeNull();
  });

  it('updateClaim edits a claim found by its place; deleteClaim removes it; Claim.id names claims that have one', async () => {
    const edited = await s.call('mutation { updateClaim(entity: "ferry-strike", claim: "#1", value: 310, qualifier: "") { op what } }');
    expect(edited.body.data.updateClaim.what).toMatch(/value, qualifier/);
    const claims = story().entities.find((e) => e.id === 'ferry-strike')!.claims!;
    expect(claims[0]).toMatchObject({ value: 310, measure: 'workers on strike' });
    expect(claims[0]!.qualifier ?? null).toBeNull();
    expect((await s.call('mutation { deleteClaim(entity: "ferry-strike", claim: "#2") }')).body.data.deleteClaim).toBe(true);
    const read = await s.call('{ entity(id: "ferry-strike") { claims { id value } } }', {}, { token: null });
    expect(read.body.data.entity.claims).toEqual([{ id: null, value: 310 }]);
  });

  it('updateStatement changes the words, channel and subjects of a statement', async () => {
    const made = await s.call('mutation($a: ID!) { createStatement(speaker: "ferryworkers-guild", words: "Marta Zelazna met Edwin Calloway", evidence: [{ article: $a, quote: "Marta Zelazna met Edwin Calloway at the harbour office" }]) { id } }', { a: article });
    const id = made.body.data.createStatement.id;
    const res = await s.call('mutation($id: ID!) { updateStatement(id: $id, words: "met Edwin Calloway at the harbour office", channel: "statement", about: ["edwin-calloway", "marta-zelazna"]) { op } }', { id });
    expect(res.body.data.updateStatement.op).toBe('updateStatement');
    expect(story().statements!.find((x) => x.id === id)).toMatchObject({ words: 'met Edwin Calloway at the harbour office', channel: 'statement', about: ['edwin-calloway', 'marta-zelazna'] });
    const read = await s.call('{ statements(speaker: "ferryworkers-guild") { id channel about { id } } }', {}, { token: null });
    expect(read.body.data.statements).toEqual(expect.arrayContaining([{ id, channel: 'statement', about: [{ id: 'edwin-calloway' }, { id: 'marta-zelazna' }] }]));
  });
});

describe('refused edits write nothing', () => {
  it('words found in no evidence article: INVALID_STORY naming the statement', async () => {
    const made = await s.call('mutation($a: ID!) { createStatement(speaker: "ferryworkers-guild", words: "Rosa Quell, a spokesperson", evidence: [{ article: $a, quote: "Rosa Quell, a spokesperson for the Harbour Pilots Association" }]) { id } }', { a: article });
    const before = snapshot(s.root);
    const res = await s.call('mutation($id: ID!) { updateStatement(id: $id, words: "words nobody wrote anywhere") { op } }', { id: made.body.data.createStatement.id });
    expect(error(res)?.extensions.code).toBe('INVALID_STORY');
    expect(error(res)?.message).toMatch(/words/);
    expect(snapshot(s.root)).toEqual(before);
  });

  it('an unknown claim, relation or statement: NOT_FOUND saying how to name it', async () => {
    const before = snapshot(s.root);
    const claim = await s.call('mutation { deleteClaim(entity: "ferry-strike", claim: "#9") }');
    expect(error(claim)?.extensions.code).toBe('NOT_FOUND');
    expect(error(claim)?.message).toMatch(/#N/);
    expect(error(await s.call('mutation { updateRelation(id: "nobody.met.nobody", note: "x") { id } }'))?.message).toMatch(/from\.type\.to/);
    expect(error(await s.call('mutation { updateStatement(id: "no-such-statement", channel: "X") { op } }'))?.extensions.code).toBe('NOT_FOUND');
    expect(snapshot(s.root)).toEqual(before);
  });

  it('a malformed date or an unknown role: BAD_USER_INPUT naming the field', async () => {
    const before = snapshot(s.root);
    const date = await s.call('mutation { updateRelation(id: "marta-zelazna.leads.ferryworkers-guild", date: "March") { id } }');
    expect(error(date)?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error(date)?.message).toMatch(/relation\.date/);
    expect(error(await s.call('mutation { updateRelation(id: "marta-zelazna.leads.ferryworkers-guild", role: "hero") { id } }'))?.message).toMatch(/relation\.role: must be one of/);
    expect(snapshot(s.root)).toEqual(before);
  });

  it('a version-2 field in a version-1 file: INVALID_STORY saying to mark the file version 2', async () => {
    const before = snapshot(s.root);
    const res = await s.call('mutation($a: ID!) { updateRelation(id: "marta-zelazna.leads.ferryworkers-guild", evidence: [{ article: $a, quote: "Marta Zelazna met Edwin Calloway", certainty: ATTRIBUTED, accordingTo: "ferryworkers-guild" }]) { id } }', { a: article });
    expect(error(res)?.extensions.code).toBe('INVALID_STORY');
    expect(error(res)?.message).toMatch(/put "version": 2 at the top of the file/);
    expect(snapshot(s.root)).toEqual(before);
  });

  it('needs the token like every change', async () => {
    const res = await s.call('mutation { deleteClaim(entity: "ferry-strike", claim: "#1") }', {}, { token: null });
    expect(res.status).toBe(401);
  });
});

describe('entity(id) follows merges', () => {
  it('answers the survivor for a merged-away id, names the redirect, and stops answering once the merge is undone', async () => {
    await s.call('mutation { mergeEntities(keep: "calloway-shipping", remove: "portvale-gazette") { id } }');
    const read = await s.call('{ entity(id: "portvale-gazette") { id name redirectedFrom } }', {}, { token: null });
    expect(read.body.data.entity).toEqual({ id: 'calloway-shipping', name: 'Calloway Shipping Company', redirectedFrom: 'portvale-gazette' });
    expect((await s.call('{ entity(id: "calloway-shipping") { redirectedFrom } }', {}, { token: null })).body.data.entity.redirectedFrom).toBeNull();
    await s.call('mutation { undo }');
    expect((await s.call('{ entity(id: "portvale-gazette") { id redirectedFrom } }', {}, { token: null })).body.data.entity).toEqual({ id: 'portvale-gazette', redirectedFrom: null });
  });

  it('follows a chain of merges to its end', async () => {
    await s.call('mutation { mergeEntities(keep: "calloway-shipping", remove: "portvale-gazette") { id } }');
    await s.call('mutation { mergeEntities(keep: "ferryworkers-guild", remove: "calloway-shipping") { id } }');
    const read = await s.call('{ entity(id: "portvale-gazette") { id redirectedFrom } redirect(id: "portvale-gazette") }', {}, { token: null });
    expect(read.body.data).toEqual({ entity: { id: 'ferryworkers-guild', redirectedFrom: 'portvale-gazette' }, redirect: 'ferryworkers-guild' });
    expect((await s.call('{ entity(id: "never-existed") { id } }', {}, { token: null })).body.data.entity).toBeNull();
  });
});
