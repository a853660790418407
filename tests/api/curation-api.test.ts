/**
 * The curation mutations over HTTP, against the real server and a real
 * LadybugDB: each one changes the files and the graph; bad input, unknown
 * ids, stale revisions and wrong tokens are refused with a code and write
 * nothing; two saves at once: one succeeds, the other gets CONFLICT.
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
  const res = await s.call('mutation($t: String!) { addArticle(title: "Pilots join", text: $t, source: "Portvale Gazette", published: "2031-03-05") { id title source } }', { t: NEW_ARTICLE });
  article = res.body.data.addArticle.id;
});
afterAll(() => s?.cleanup());

const story = () => readStory({ data: path.join(s.root, 'data'), articles: path.join(s.root, 'articles') });
const revision = async () => (await s.call('{ curator { name revision } }')).body.data.curator.revision as number;
const code = (res: { body: any }) => res.body.errors?.[0]?.extensions?.code;

describe('authorisation', () => {
  const mutation = 'mutation { addAlias(id: "portvale", alias: "the port") { id } }';
  it('answers 401 UNAUTHENTICATED without a token, and writes nothing', async () => {
    const before = snapshot(s.root);
    const res = await s.call(mutation, {}, { token: null });
    expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(snapshot(s.root)).toEqual(before);
  });
  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const res = await s.call(mutation, {}, { auth: `Basic ${Buffer.from('a:b').toString('base64')}` });
    expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
  });
  it('answers 403 FORBIDDEN for a wrong token, of any length', async () => {
    for (const token of ['x', 'test-curator-token-0123456788', `${'y'.repeat(500)}`]) {
      const res = await s.call(mutation, {}, { token });
      expect([res.status, code(res)]).toEqual([403, 'FORBIDDEN']);
    }
  });
  it('keeps reads public: a query needs no token', async () => {
    const res = await s.call('{ entity(id: "portvale") { name } }', {}, { token: null });
    expect(res.body.data.entity.name).toBe('Portvale');
  });
  it('keeps the review queue and the change log to the curator', async () => {
    for (const q of ['{ curator { name } }', '{ suggestions { id } }', '{ changes { revision } }']) expect(code(await s.call(q, {}, { token: null }))).toBe('UNAUTHENTICATED');
    expect((await s.call('{ curator { name } }')).body.data.curator.name).toBe('Test Curator');
  });
  it('answers 403 CURATION_DISABLED on a server started without a token', async () => {
    const other = await curationServer({ CURATOR_TOKEN: '' }, s.store);
    try {
      const res = await other.call(mutation);
      expect([res.status, code(res)]).toEqual([403, 'CURATION_DISABLED']);
    } finally {
      await other.cleanup();
    }
  });
});

describe('each mutation changes the files and the graph', () => {
  it('addArticle stores the text under a stable id with its outlet and date', async () => {
    expect(article).toMatch(/^002_[0-9a-f]{16}$/);
    expect(story().articles.find((a) => a.id === article)).toMatchObject({ source: 'Portvale Gazette', published: '2031-03-05' });
    const res = await s.call('query($id: ID!) { article(id: $id) { title source } }', { id: article }, { token: null });
    expect(res.body.data.article).toEqual({ title: 'Pilots join', source: 'Portvale Gazette' });
  });

  it('createEntity, addAlias, addEvidence and updateEntity show at once in the graph (the response cache is emptied)', async () => {
    const read = '{ search(text: "Harbour Pilots") { id name aliases summary } }';
    expect((await s.call(read, {}, { token: null })).body.data.search).toEqual([]);
    const created = await s.call('mutation($a: ID!) { createEntity(kind: ORGANISATION, name: "Harbour Pilots Association", evidence: [{ article: $a, quote: "The Harbour Pilots Association joined the talks" }]) { id name } }', { a: article });
    expect(created.body.data.createEntity).toEqual({ id: 'harbour-pilots-association', name: 'Harbour Pilots Association' });
    await s.call('mutation { addAlias(id: "harbour-pilots-association", alias: "the pilots") { id } }');
    await s.call('mutation($a: ID!) { addEvidence(id: "harbour-pilots-association", evidence: { article: $a, quote: "a spokesperson for the Harbour Pilots Association" }) { id } }', { a: article });
    await s.call('mutation { updateEntity(id: "harbour-pilots-association", summary: "The port\'s pilots.") { id } }');
    expect((await s.call(read, {}, { token: null })).body.data.search[0]).toEqual({ id: 'harbour-pilots-association', name: 'Harbour Pilots Association', aliases: ['the pilots'], summary: "The port's pilots." });
    expect(story().entities.find((e) => e.id === 'harbour-pilots-association')!.evidence).toHaveLength(2);
  });

  it('createRelation saves an ATTRIBUTED relation with its speaker; deleteRelation takes it out', async () => {
    const res = await s.call(
      'mutation($a: ID!) { createRelation(from: "marta-zelazna", type: "MET", to: "edwin-calloway", evidence: [{ article: $a, quote: "Marta Zelazna met Edwin Calloway at the harbour office, the Guild said.", certainty: ATTRIBUTED, accordingTo: "ferryworkers-guild" }]) { id type from { id } to { id } } }',
      { a: article },
    );
    expect(res.body.data.createRelation).toEqual({ id: 'marta-zelazna.met.edwin-calloway', type: 'MET', from: { id: 'marta-zelazna' }, to: { id: 'edwin-calloway' } });
    expect(story().relations.find((r) => r.id === 'marta-zelazna.met.edwin-calloway')!.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'ferryworkers-guild' });
    expect((await s.call('mutation { deleteRelation(id: "marta-zelazna.met.edwin-calloway") }')).body.data.deleteRelation).toBe(true);
    expect(story().relations.some((r) => r.id === 'marta-zelazna.met.edwin-calloway')).toBe(false);
  });

  it('createClaim and createStatement save version-2 records; deleteStatement removes one', async () => {
    const claim = await s.call('mutation { createClaim(entity: "ferry-strike", measure: "strikers counted by the Guild", value: 340, evidence: [{ article: "h002", quote: "The Guild counted 340 strikers" }]) { op id revision } }');
    expect(claim.body.data.createClaim).toMatchObject({ op: 'createClaim', id: 'ferry-strike-strikers-counted-by-the-guild' });
    const st = await s.call('mutation($a: ID!) { createStatement(speaker: "ferryworkers-guild", words: "Marta Zelazna met Edwin Calloway", about: ["edwin-calloway"], evidence: [{ article: $a, quote: "Marta Zelazna met Edwin Calloway at the harbour office" }]) { id } }', { a: article });
    const id = st.body.data.createStatement.id;
    expect(story().statements!.find((x) => x.id === id)).toMatchObject({ speaker: 'ferryworkers-guild', about: ['edwin-calloway'] });
    expect((await s.call('mutation($id: ID!) { deleteStatement(id: $id) }', { id })).body.data.deleteStatement).toBe(true);
  });

  it('mergeEntities moves names and relations to the survivor; undo brings the other back', async () => {
    const merged = await s.call('mutation { mergeEntities(keep: "edwin-calloway", remove: "tomas-zelazny") { id aliases relations { type } } }');
    expect(merged.body.data.mergeEntities.aliases).toContain('Tomas Zelazny');
    expect(merged.body.data.mergeEntities.relations.map((r: { type: string }) => r.type)).toContain('SPOUSE_OF');
    expect((await s.call('{ entity(id: "tomas-zelazny") { id redirectedFrom } }', {}, { token: null })).body.data.entity).toEqual({ id: "edwin-calloway", redirectedFrom: "tomas-zelazny" });
    expect((await s.call('{ redirect(id: "tomas-zelazny") }', {}, { token: null })).body.data.redirect).toBe('edwin-calloway');
    expect((await s.call('mutation { undo }')).body.data.undo).toBe(true);
    expect((await s.call('{ entity(id: "tomas-zelazny") { id } }', {}, { token: null })).body.data.entity).toEqual({ id: 'tomas-zelazny' });
  });

  it('updateArticleText keeps every quote; deleteEntity removes an entity nothing names', async () => {
    const text = story().articles.find((a) => a.id === article)!.text;
    const updated = await s.call('mutation($id: ID!, $t: String!) { updateArticleText(id: $id, text: $t) { id } }', { id: article, t: `${text}Correction appended.\n` });
    expect(updated.body.data.updateArticleText.id).toBe(article);
    await s.call('mutation($a: ID!) { createEntity(kind: PERSON, name: "Rosa Quell", evidence: [{ article: $a, quote: "Rosa Quell, a spokesperson" }]) { id } }', { a: article });
    expect((await s.call('mutation { deleteEntity(id: "rosa-quell") }')).body.data.deleteEntity).toBe(true);
  });

  it('suggest queues, acceptSuggestion applies, rejectSuggestion drops; changes lists every step', async () => {
    const queued = (await s.call('mutation($a: ID!) { suggest(article: $a) { id kind label change } }', { a: article })).body.data.suggest;
    expect(queued.map((q: { kind: string }) => q.kind)).toEqual(expect.arrayContaining(['MENTION', 'ENTITY', 'RELATION']));
    const relation = queued.find((q: { kind: string }) => q.kind === 'RELATION');
    const accepted = await s.call('mutation($id: Int!) { acceptSuggestion(id: $id) { op revision } }', { id: relation.id });
    expect(accepted.body.data.acceptSuggestion.op).toBe('createRelation');
    const other = queued.find((q: { kind: string }) => q.kind === 'MENTION');
    expect((await s.call('mutation($id: Int!) { rejectSuggestion(id: $id) { status } }', { id: other.id })).body.data.rejectSuggestion.status).toBe('REJECTED');
    const pending = (await s.call('{ suggestions { id } }')).body.data.suggestions.map((q: { id: number }) => q.id);
    expect(pending).not.toContain(relation.id);
    const log = (await s.call('{ changes(last: 3) { revision op who } }')).body.data.changes;
    expect(log[0]).toMatchObject({ op: 'createRelation', who: 'Test Curator', revision: await revision() });
  });
});

describe('refusals write nothing', () => {
  const refused = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = snapshot(s.root);
    const res = await s.call(query, { a: article, ...variables });
    expect(snapshot(s.root)).toEqual(before);
    return { status: res.status, code: code(res), message: String(res.body.errors?.[0]?.message) };
  };
  it('a quote that is not in its article: INVALID_STORY naming the problem', async () => {
    const r = await refused('mutation($a: ID!) { createEntity(kind: PERSON, name: "Nobody", evidence: [{ article: $a, quote: "This sentence is in no article" }]) { id } }');
    expect(r).toMatchObject({ status: 400, code: 'INVALID_STORY' });
    expect(r.message).toMatch(/quote not found in article/);
  });
  it('a field in the wrong format: BAD_USER_INPUT naming the field', async () => {
    const r = await refused('mutation($a: ID!) { createRelation(from: "portvale", type: "MET", to: "port-ansel", date: "31 March", evidence: [{ article: $a, quote: "short" }]) { id } }');
    expect(r).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(r.message).toMatch(/relation\.date: must be an ISO date.*relation\.evidence\.0\.quote: is too short/);
  });
  it('ATTRIBUTED without accordingTo: BAD_USER_INPUT naming accordingTo', async () => {
    const r = await refused('mutation($a: ID!) { addEvidence(id: "portvale", evidence: { article: $a, quote: "Marta Zelazna met Edwin Calloway", certainty: ATTRIBUTED }) { id } }');
    expect(r.message).toMatch(/evidence\.accordingTo: is required when certainty is ATTRIBUTED/);
  });
  it('an unknown id: NOT_FOUND', async () => {
    expect(await refused('mutation { addAlias(id: "no-such-entity", alias: "x y z") { id } }')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
  it('a merge of an entity into itself: BAD_USER_INPUT', async () => {
    const r = await refused('mutation { mergeEntities(keep: "portvale", remove: "portvale") { id } }');
    expect(r).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  });
  it('a stale revision: 409 CONFLICT', async () => {
    const stale = (await revision()) - 1;
    const r = await refused('mutation($r: Int) { addAlias(id: "portvale", alias: "old town", revision: $r) { id } }', { r: stale });
    expect(r).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(r.message).toMatch(/reload/);
  });
  it('a body over the limit: 413', async () => {
    const before = snapshot(s.root);
    const res = await s.call('mutation($t: String!) { addArticle(title: "Big", text: $t, source: "X", published: "2031") { id } }', { t: 'word '.repeat(30_000) });
    expect(res.status).toBe(413);
    expect(snapshot(s.root)).toEqual(before);
  });
});

describe('two curators saving at once', () => {
  it('one succeeds, the other gets CONFLICT', async () => {
    const r = await revision();
    const save = (alias: string) => s.call('mutation($r: Int, $alias: String!) { addAlias(id: "port-ansel", alias: $alias, revision: $r) { id } }', { r, alias });
    const results = await Promise.all([save('Ansel harbour'), save('the far port')]);
    expect(results.map((x) => (x.body.data?.addAlias ? 'saved' : code(x))).sort()).toEqual(['CONFLICT', 'saved']);
    expect(await revision()).toBe(r + 1);
  });
});
