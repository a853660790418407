/**
 * Suggestions without an LLM: sentences, known names found as search folds
 * them, candidate new names from compromise, relations from the vocabulary's
 * verbs with a certainty guessed from hedge words; and the review queue,
 * where nothing enters the story unless a curator accepts it.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fold } from '../../server/domain/text.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { accept, reject, suggest } from '../../server/curation/review.js';
import { guessCertainty } from '../../server/curation/suggest/certainty.js';
import { mentionsIn } from '../../server/curation/suggest/mentions.js';
import { candidateNames } from '../../server/curation/suggest/names.js';
import { relationsIn } from '../../server/curation/suggest/relations.js';
import { sentencesOf } from '../../server/curation/suggest/sentences.js';
import { StoryWorkspace } from '../../server/curation/workspace.js';
import { copyOfHarbour, NEW_ARTICLE } from '../support/story-folder.js';

const people = [
  { id: 'ann', name: 'Ann Avery', aliases: ['Ms Avery'] },
  { id: 'bo', name: 'Bo Brandt', aliases: [] },
  { id: 'acme', name: 'Acme Freight', aliases: ['the company'] },
];
const relations = (sentence: string) => {
  const folded = fold(sentence);
  return relationsIn(folded, mentionsIn(folded, people));
};

describe('sentences', () => {
  it('are verbatim slices of the text that a title or an initial does not end', () => {
    const text = 'Mr. Brandt met Ann Avery. She said J. Doe left!\nA new line.';
    const found = sentencesOf(text);
    expect(found.map((s) => s.text)).toEqual(['Mr. Brandt met Ann Avery.', 'She said J. Doe left!', 'A new line.']);
    for (const s of found) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe('known names', () => {
  it('are found with case and diacritics folded, the longer name winning where two overlap', () => {
    const found = mentionsIn(fold('ANN AVERY and Bo Brändt spoke for Acme Freight.'), people);
    expect(found.map((m) => m.entity)).toEqual(['ann', 'bo', 'acme']);
  });
});

describe('relations guessed from a sentence', () => {
  it('read first -TYPE-> second around a verb of the vocabulary', () => {
    expect(relations('Ann Avery met Bo Brandt in the port.')).toEqual([expect.objectContaining({ from: 'ann', type: 'MET', to: 'bo' })]);
  });

  it('turn round for a passive "by" and for the *_BY types', () => {
    expect(relations('Acme Freight, led by Bo Brandt, sailed.')).toEqual([expect.objectContaining({ from: 'bo', type: 'LEADS', to: 'acme' })]);
    expect(relations('Ann Avery brokered the deal with Acme Freight.')).toEqual([expect.objectContaining({ from: 'acme', type: 'BROKERED_BY', to: 'ann' })]);
  });

  it('need two entities and a verb between them', () => {
    expect(relations('Ann Avery met nobody.')).toEqual([]);
    expect(relations('Ann Avery and Bo Brandt.')).toEqual([]);
  });
});

describe('certainty guessed from hedge words', () => {
  const guess = (sentence: string) => {
    const folded = fold(sentence);
    return guessCertainty(folded, mentionsIn(folded, people));
  };
  it('is ATTRIBUTED to the speaker for "said" and "according to"', () => {
    expect(guess('Bo Brandt met Acme Freight, Ann Avery said.')).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'ann' });
    expect(guess('Bo Brandt met the board, according to Acme Freight.')).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'acme' });
  });
  it('is UNCONFIRMED for "reportedly" and for a "said" without a known speaker', () => {
    expect(guess('Bo Brandt reportedly met Ann Avery.').certainty).toBe('UNCONFIRMED');
    expect(guess('Bo Brandt met Ann Avery, a neighbour said.').certainty).toBe('UNCONFIRMED');
  });
  it('is PLANNED for "will" and "plans", else STATED', () => {
    expect(guess('Bo Brandt will meet Ann Avery.').certainty).toBe('PLANNED');
    expect(guess('Bo Brandt plans to meet Ann Avery.').certainty).toBe('PLANNED');
    expect(guess('Bo Brandt met Ann Avery.').certainty).toBe('STATED');
  });
});

describe('candidate new names', () => {
  it('come from compromise as people and organisations, less the names already known', () => {
    const found = candidateNames('Ann Avery hired Carla Dunmore of the Northgate Shipping Company on Friday.', people);
    expect(found).toEqual(expect.arrayContaining([{ name: 'Carla Dunmore', kind: 'Person' }, { name: 'Northgate Shipping Company', kind: 'Organisation' }]));
    expect(found.map((c) => c.name)).not.toContain('Ann Avery');
  });
});

describe('the review queue over a story folder', () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  async function queued() {
    root = copyOfHarbour();
    const ws = new StoryWorkspace(root);
    const { id } = await ws.change({ op: 'addArticle', article: { text: NEW_ARTICLE, title: 'Pilots', source: 'Gazette', published: '2031-03-05' } }, { who: 'test' });
    return { ws, article: id!, items: await suggest(ws, id!) };
  }

  it('queues mentions, new names and relations without changing the story', async () => {
    const { ws, items } = await queued();
    expect(new Set(items.map((s) => s.kind))).toEqual(new Set(['mention', 'entity', 'relation']));
    expect(ws.revision()).toBe(1);
    expect(items.find((s) => s.kind === 'relation')!.change).toMatchObject({ op: 'createRelation', relation: { from: 'marta-zelazna', type: 'MET', to: 'edwin-calloway', evidence: [{ certainty: 'ATTRIBUTED', accordingTo: 'ferryworkers-guild' }] } });
  });

  it('does not queue the same suggestion twice', async () => {
    const { ws, article, items } = await queued();
    const again = await suggest(ws, article);
    expect(again.map((s) => s.id)).toEqual(items.map((s) => s.id));
  });

  it('applies an accepted suggestion as one validated, logged change and marks it accepted', async () => {
    const { ws, items } = await queued();
    const relation = items.find((s) => s.kind === 'relation')!;
    const saved = await accept(ws, relation.id, { who: 'test' });
    expect(readStory(ws.dirs).relations.some((r) => r.id === 'marta-zelazna.met.edwin-calloway')).toBe(true);
    expect(ws.reviewQueue().items.find((s) => s.id === relation.id)).toMatchObject({ status: 'accepted', revision: saved.revision });
    await expect(accept(ws, relation.id, { who: 'test' })).rejects.toThrow(/already accepted/);
  });

  it('accepts an edited suggestion of the same operation', async () => {
    const { ws, items } = await queued();
    const name = items.find((s) => s.kind === 'entity' && s.label.includes('Rosa Quell'))!;
    const change = name.change as { op: 'createEntity'; entity: Record<string, unknown> };
    await accept(ws, name.id, { who: 'test' }, { ...change, entity: { ...change.entity, id: 'rosa-quell', aliases: ['Ms Quell'] } } as never);
    expect(readStory(ws.dirs).entities.find((e) => e.id === 'rosa-quell')!.aliases).toEqual(['Ms Quell']);
  });

  it('rejects a suggestion without touching the story', async () => {
    const { ws, items } = await queued();
    await reject(ws, items[0]!.id);
    expect(ws.reviewQueue().items[0]!.status).toBe('rejected');
    expect(ws.revision()).toBe(1);
  });
});
