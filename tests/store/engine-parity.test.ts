/**
 * Parity, whole answers: the seed story loaded into LadybugDB and into Neo4j
 * answers every read and every question identically, compared as whole
 * objects (not counts). Runs in npm run test:neo4j, where both engines are at
 * hand; skipped in the embedded run.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../server/config.js';
import { readStory } from '../../server/domain/story/read-story.js';
import type { Story } from '../../server/domain/types.js';
import { createQuestionEngine } from '../../server/questions/index.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { openStore } from '../../server/store/open-store.js';
import { ON_NEO4J, SEED, seededStore, tempDir } from '../support/graph.js';

const describeBoth = ON_NEO4J ? describe : describe.skip;

const QUESTIONS = [
  'who negotiated what?',
  'Who negotiated the release?',
  'who released whom?',
  'how is Trump connected to Ihar Losik?',
  'who is Tsikhanouskaya?',
  'what happened on 11 September 2025?',
  'who was released?',
  'where did the prisoners go?',
  'who refused to cross?',
  'what did Lukashenko say?',
  'who is Napoleon?',
  'asdf',
];

describeBoth('the same answers from LadybugDB and Neo4j on the seed story', () => {
  let story: Story;
  let ladybug: GraphStore;
  let neo4j: GraphStore;
  let cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    story = readStory(SEED);
    const config = readConfig({ NODE_ENV: 'test', GRAPH_STORE: 'embedded', DB_PATH: path.join(tempDir('parity-'), 'graph.lbug') });
    ladybug = await openStore(config.store);
    await ladybug.load(story);
    const seeded = await seededStore(SEED);
    neo4j = seeded.store;
    cleanups = [() => ladybug.close(), seeded.cleanup];
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  /** The same call on both engines, whole answers compared. */
  async function same<T>(call: (s: GraphStore) => Promise<T>): Promise<T> {
    const [a, b] = await Promise.all([call(ladybug), call(neo4j)]);
    expect(b).toEqual(a);
    return a;
  }

  it('gives every entity, relation and article alike', async () => {
    await same((s) => s.entitiesByIds(story.entities.map((e) => e.id)));
    await same((s) => s.relationsByIds(story.relations.map((r) => r.id)));
    await same((s) => s.articles());
    await same((s) => s.mentionedIn(story.entities.map((e) => e.id)));
    await same((s) => s.articleEntities(story.articles.map((a) => a.id)));
  });

  it('pages entities and relations alike, to the last page', async () => {
    for (const kind of [null, 'Person'] as const) {
      let after: string | null | undefined = null;
      do {
        const page = await same((s) => s.entities(kind, { first: 17, after }));
        after = page.hasNextPage ? page.endCursor : undefined;
      } while (after);
    }
    let after: string | null | undefined = null;
    do {
      const page = await same((s) => s.relations(null, { first: 40, after }));
      after = page.hasNextPage ? page.endCursor : undefined;
    } while (after);
  });

  it('searches alike, typos and diacritics included', async () => {
    const texts = [...story.entities.slice(0, 25).map((e) => e.name), 'Tikhanovskaya', 'Nausėda', 'lukashenka', 'Statkevic', 'vilnius', 'zz'];
    for (const text of texts) await same((s) => s.search(text, { first: 10 }));
    await same((s) => s.search('a', { kinds: ['Person'], first: 20 }));
  });

  it('draws the overview, neighbourhoods and shortest paths alike', async () => {
    await same((s) => s.graph({ limit: 40 }));
    await same((s) => s.graph({ limit: 500, kinds: ['Person', 'Organisation'] }));
    const ids = story.entities.filter((_, i) => i % 9 === 0).map((e) => e.id);
    for (const id of ids) {
      await same((s) => s.neighbourhood(id, 1, { limit: 500 }));
      await same((s) => s.neighbourhood(id, 2, { limit: 60 }));
    }
    for (let i = 0; i + 1 < ids.length; i++) await same((s) => s.shortestPath(ids[i]!, ids[i + 1]!, 8));
    await same((s) => s.relationsOf(ids, { direction: 'BOTH' }));
  });

  it('gives the timeline, the statistics and the relation types alike', async () => {
    await same((s) => s.timeline());
    await same((s) => s.stats());
    await same((s) => s.relationTypes());
  });

  it.each(QUESTIONS)('answers "%s" alike, word for word', async (question) => {
    const [a, b] = await Promise.all([createQuestionEngine(ladybug).ask(question), createQuestionEngine(neo4j).ask(question)]);
    expect(b).toEqual(a);
  });
});
