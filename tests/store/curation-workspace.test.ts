/**
 * The curation workspace over a copy of the harbour story: every change is
 * validated as the seed validates, written so the seed reads it back, logged,
 * and can be undone; bad changes and stale revisions write nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { InvalidStory } from '../../server/domain/errors.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { Conflict } from '../../server/curation/errors.js';
import { StoryWorkspace } from '../../server/curation/workspace.js';
import { copyOfHarbour, NEW_ARTICLE, snapshot } from '../support/story-folder.js';

const who = 'test';
let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The same data (as JSON: the first save writes a hand-formatted file in two-space form) and the same article texts. */
function expectSameStory(before: Record<string, string>, after: Record<string, string>) {
  const story = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([f]) => !f.startsWith('curation/')).map(([f, t]) => [f, f.endsWith('.json') ? JSON.parse(t) : t]));
  expect(story(after)).toEqual(story(before));
}

async function withArticle() {
  root = copyOfHarbour();
  const ws = new StoryWorkspace(root);
  const added = await ws.change({ op: 'addArticle', article: { text: NEW_ARTICLE, title: 'Harbour pilots join ferry talks', source: 'Portvale Gazette', published: '2031-03-05' } }, { who });
  return { ws, article: added.id! };
}

describe('a story folder under curation', () => {
  it('adds an article under a stable id, with its text file and its record, at revision 1', async () => {
    const { ws, article } = await withArticle();
    expect(article).toMatch(/^002_[0-9a-f]{16}$/);
    expect(fs.readFileSync(path.join(root, 'articles', `${article}.txt`), 'utf8')).toBe(NEW_ARTICLE);
    const story = readStory(ws.dirs);
    expect(story.articles.find((a) => a.id === article)).toMatchObject({ title: 'Harbour pilots join ferry talks', source: 'Portvale Gazette', published: '2031-03-05' });
    expect(ws.revision()).toBe(1);
  });

  it('refuses the same article text twice', async () => {
    const { ws, article } = await withArticle();
    await expect(ws.change({ op: 'addArticle', article: { text: NEW_ARTICLE, title: 'Again', source: 'X', published: '2031' } }, { who })).rejects.toThrow(article);
  });

  it('creates an entity and a relation citing the new article, and the seed reads them back', async () => {
    const { ws, article } = await withArticle();
    const created = await ws.change({ op: 'createEntity', entity: { kind: 'Organisation', name: 'Harbour Pilots Association', evidence: [{ article, quote: 'The Harbour Pilots Association joined the talks' }] } }, { who });
    expect(created.id).toBe('harbour-pilots-association');
    await ws.change(
      { op: 'createRelation', relation: { from: 'harbour-pilots-association', type: 'NEGOTIATED', to: 'strike-deal', evidence: [{ article, quote: 'joined the talks on Wednesday, according to the Portvale Gazette', certainty: 'ATTRIBUTED', accordingTo: 'portvale-gazette' }] } },
      { who },
    );
    const story = readStory(ws.dirs);
    expect(story.relations.find((r) => r.id === 'harbour-pilots-association.negotiated.strike-deal')?.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'portvale-gazette' });
    expect(ws.revision()).toBe(3);
    const text = fs.readFileSync(path.join(root, 'data', 'curated.json'), 'utf8');
    expect(text).toMatch(/^\{\n {2}"version": 2,\n {2}"articles": \[/);
  });

  it('writes files so that a diff shows the change and nothing else', async () => {
    const { ws } = await withArticle();
    const file = path.join(root, 'data', 'story.json');
    await ws.change({ op: 'addAlias', entity: 'portvale', alias: 'the port' }, { who }); // the first save writes the hand-formatted file in two-space form
    const before = fs.readFileSync(file, 'utf8').split('\n');
    await ws.change({ op: 'addAlias', entity: 'port-ansel', alias: 'Ansel' }, { who });
    const after = fs.readFileSync(file, 'utf8').split('\n');
    const added = after.filter((line, i) => line !== before[i - (after.length - before.length)] && line !== before[i]);
    expect(after.length - before.length).toBe(2); // "aliases": [] became a list of one: two lines more
    expect(added.join('\n')).toMatch(/"Ansel"/);
    expect(added.length).toBeLessThanOrEqual(3);
  });

  it('refuses a quote that is not in its article and writes nothing', async () => {
    const { ws, article } = await withArticle();
    const before = snapshot(root);
    const err = await ws.change({ op: 'createEntity', entity: { kind: 'Person', name: 'Rosa Quell', evidence: [{ article, quote: 'Rosa Quell is the harbour master' }] } }, { who }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidStory);
    expect(String(err.message)).toMatch(/quote not found in article/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a field in the wrong format, naming it', async () => {
    const { ws } = await withArticle();
    await expect(ws.change({ op: 'createEntity', entity: { kind: 'Ship', name: 'x', evidence: [] } }, { who })).rejects.toThrow(/entity\.kind: must be one of .*entity\.evidence: needs at least one/);
  });

  it('refuses a change made against an older revision with a Conflict, writing nothing', async () => {
    const { ws } = await withArticle();
    const before = snapshot(root);
    const err = await ws.change({ op: 'addAlias', entity: 'portvale', alias: 'the port' }, { who, revision: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(snapshot(root)).toEqual(before);
  });

  it('merges an entity into another: aliases, evidence and relations move, the id redirects, and undo puts every file back', async () => {
    const { ws } = await withArticle();
    const before = snapshot(root);
    await ws.change({ op: 'mergeEntities', from: 'tomas-zelazny', into: 'edwin-calloway' }, { who });
    const story = readStory(ws.dirs);
    const survivor = story.entities.find((e) => e.id === 'edwin-calloway')!;
    expect(story.entities.some((e) => e.id === 'tomas-zelazny')).toBe(false);
    expect(survivor.aliases).toContain('Tomas Zelazny');
    expect(survivor.evidence.map((e) => e.quote)).toContain('Tomas Zelazny, a deckhand, was among the strikers');
    expect(story.relations.filter((r) => r.from === 'edwin-calloway').map((r) => r.type)).toEqual(expect.arrayContaining(['SPOUSE_OF', 'CROSSED_INTO', 'PARTICIPATED_IN']));
    expect(JSON.parse(fs.readFileSync(path.join(root, 'curation', 'redirects.json'), 'utf8'))).toEqual({ 'tomas-zelazny': 'edwin-calloway' });

    const undone = await ws.undo({ who });
    expect(undone.entry.undoes).toBe(2);
    const after = snapshot(root);
    expectSameStory(before, after);
    expect(readStory(ws.dirs).entities.some((e) => e.id === 'tomas-zelazny')).toBe(true);
  });

  it('makes one relation of two that a merge made the same, even across files, with both evidence lists', async () => {
    const { ws, article } = await withArticle();
    await ws.change({ op: 'createEntity', entity: { kind: 'Person', name: 'Rosa Quell', evidence: [{ article, quote: 'Rosa Quell, a spokesperson' }] } }, { who });
    await ws.change({ op: 'createRelation', relation: { from: 'rosa-quell', type: 'LEADS', to: 'ferryworkers-guild', evidence: [{ article, quote: 'Rosa Quell, a spokesperson for the Harbour Pilots Association' }] } }, { who });
    await ws.change({ op: 'mergeEntities', from: 'rosa-quell', into: 'marta-zelazna' }, { who });
    const leads = readStory(ws.dirs).relations.filter((r) => r.id === 'marta-zelazna.leads.ferryworkers-guild');
    expect(leads).toHaveLength(1);
    expect(leads[0]!.evidence.map((e) => e.article).sort()).toEqual([article, 'h001', 'h002'].sort());
  });

  it('refuses to merge an entity into itself', async () => {
    const { ws } = await withArticle();
    await expect(ws.change({ op: 'mergeEntities', from: 'portvale', into: 'portvale' }, { who })).rejects.toThrow(/cannot be merged into itself/);
  });

  it('undoes the last changes one by one, newest first, and says when nothing is left', async () => {
    const { ws } = await withArticle();
    await ws.change({ op: 'addAlias', entity: 'portvale', alias: 'the port' }, { who });
    await ws.undo({ who });
    await ws.undo({ who });
    expect(fs.readdirSync(path.join(root, 'articles')).sort()).toEqual(['h001.txt', 'h002.txt']);
    await expect(ws.undo({ who })).rejects.toThrow(/no change left to undo/);
    expect(ws.log().map((e) => e.op)).toEqual(['addArticle', 'addAlias', 'undo', 'undo']);
  });

  it('keeps a change log of who, when, what, before and after', async () => {
    const { ws } = await withArticle();
    await ws.change({ op: 'addAlias', entity: 'portvale', alias: 'the port' }, { who: 'alice' });
    const entry = ws.log().at(-1)!;
    expect(entry).toMatchObject({ revision: 2, who: 'alice', op: 'addAlias' });
    expect(Date.parse(entry.at)).not.toBeNaN();
    expect(entry.diff.records).toEqual([expect.objectContaining({ key: 'portvale', before: expect.objectContaining({ aliases: [] }), after: expect.objectContaining({ aliases: ['the port'] }) })]);
  });

  it('refuses an article text change that would orphan a quote, and allows one that keeps every quote', async () => {
    root = copyOfHarbour();
    const ws = new StoryWorkspace(root);
    const text = fs.readFileSync(path.join(root, 'articles', 'h002.txt'), 'utf8');
    await expect(ws.change({ op: 'updateArticleText', article: 'h002', text: 'Nothing of the old article is left here at all.' }, { who })).rejects.toThrow(/would no longer be found/);
    await ws.change({ op: 'updateArticleText', article: 'h002', text: `${text}\nCorrection: an earlier version misspelt a name.\n` }, { who });
    expect(readStory(ws.dirs).articles.find((a) => a.id === 'h002')!.text).toContain('Correction');
  });

  it('refuses to delete an entity that records still name', async () => {
    root = copyOfHarbour();
    const ws = new StoryWorkspace(root);
    await expect(ws.change({ op: 'deleteEntity', id: 'portvale' }, { who })).rejects.toThrow(/still named by 1 record \(relation ferry-strike\.occurred_in\.portvale\)/);
  });

  it('restores the files when the reload of the graph fails', async () => {
    const { ws } = await withArticle();
    const before = snapshot(root);
    await expect(ws.change({ op: 'addAlias', entity: 'portvale', alias: 'the port' }, { who, reload: async () => { throw new Error('engine down'); } })).rejects.toThrow('engine down');
    const after = snapshot(root);
    expectSameStory(before, after);
    expect(ws.log().map((e) => e.op)).toEqual(['addArticle', 'addAlias', 'restore']);
  });
});
