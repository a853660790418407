/**
 * What the LadybugDB store knows about its file: replaceAll swaps a whole new
 * file in by rename, a file made before story format 2 gains the new columns
 * and tables on open and keeps its graph, and a damaged file is refused
 * unless a reset asks to replace it.
 */
import fs from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { HARBOUR, tempDir } from '../support/graph.js';
import { TINY_STORY } from '../support/story-format-2-contract.js';

/** The schema as it was before story format 2, to make an old file with. */
const VERSION_1_SCHEMA = [
  'CREATE NODE TABLE Entity(id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING, summary STRING, date STRING, evidence STRING, claims STRING, keys STRING, degree INT64)',
  'CREATE NODE TABLE Article(id STRING PRIMARY KEY, title STRING, text STRING, url STRING, source STRING)',
  'CREATE NODE TABLE Meta(key STRING PRIMARY KEY, value STRING)',
  'CREATE REL TABLE Relation(FROM Entity TO Entity, id STRING, type STRING, date STRING, note STRING, evidence STRING)',
  'CREATE REL TABLE MENTIONS(FROM Article TO Entity)',
  `CREATE (:Entity {id: 'old-timer', kind: 'Person', name: 'Old Timer', aliases: '[]', evidence: '[{"article":"a1","quote":"an old timer said so"}]', claims: '[]', keys: 'old timer', degree: 0})`,
  `CREATE (:Meta {key: 'graph', value: '{"entities":1,"relations":0,"articles":0,"byKind":{"Person":1},"byType":{},"loadedAt":""}'})`,
];

async function makeVersion1File(file: string): Promise<void> {
  const db = new lbug.Database(file, 0, true, false, 2 ** 36);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  for (const statement of VERSION_1_SCHEMA) {
    const result = await conn.query(statement);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }
  await conn.close();
  await db.close();
}

describe('the LadybugDB file', () => {
  it('replaceAll builds the new graph in a new file, renames it over the old one and serves it', async () => {
    const file = path.join(tempDir(), 'graph.lbug');
    const store = await LadybugStore.open({ path: file });
    try {
      await store.replaceAll(readStory(HARBOUR));
      expect((await store.stats()).entities).toBe(12);
      const loaded = await store.replaceAll(TINY_STORY);
      expect(loaded).toMatchObject({ entities: 6, relations: 3, articles: 1 });
      expect(await store.stats()).toMatchObject({ entities: 6, statements: 3 });
      expect((await store.search('night shift'))[0]?.id).toBe('night-shift-dockers');
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.next'))).toEqual([]);
    } finally {
      await store.close();
    }
    const again = await LadybugStore.open({ path: file });
    try {
      expect((await again.statementsByIds(['brook-early']))[0]?.words).toBe('Talks have failed');
    } finally {
      await again.close();
    }
  });

  it('opens a file made before story format 2: its graph reads as before, with STATED evidence, and a new story loads into it', async () => {
    const file = path.join(tempDir(), 'old.lbug');
    await makeVersion1File(file);
    const store = await LadybugStore.open({ path: file });
    try {
      expect(await store.entity('old-timer')).toMatchObject({ endDate: null, standsFor: null, evidence: [{ article: 'a1', quote: 'an old timer said so', certainty: 'STATED' }] });
      expect(await store.stats()).toMatchObject({ entities: 1, statements: 0 });
      expect(await store.statements({ first: 10 })).toEqual([]);
      await store.load(TINY_STORY);
      expect((await store.entity('portvale-city'))?.standsFor).toBe('harbour-council');
      expect((await store.relationsByIds(['night-shift-dockers.participated_in.walkout']))[0]?.role).toBe('organiser');
      expect((await store.articlesByIds(['n001']))[0]?.published).toBe('2031-05-02');
      expect((await store.statements({ speaker: 'ada-brook', first: 10 })).map((s) => s.id)).toEqual(['brook-early', 'brook-no-return']);
    } finally {
      await store.close();
    }
  });

  it('refuses a damaged file with what to do, and replaces it with an empty graph when asked to reset', async () => {
    const file = path.join(tempDir(), 'damaged.lbug');
    fs.writeFileSync(file, 'this is not a database');
    await expect(LadybugStore.open({ path: file })).rejects.toThrow(/Could not open the database .*move it aside \(or run "npm run seed -- --reset"\)/);
    const store = await LadybugStore.open({ path: file, discardDamaged: true });
    try {
      expect((await store.stats()).entities).toBe(0);
    } finally {
      await store.close();
    }
  });
});
