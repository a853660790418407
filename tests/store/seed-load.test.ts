/**
 * The seed: every kind of bad input is refused with a message naming file,
 * record and problem, and the database keeps exactly the graph it had.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT, readConfig } from '../../server/config.js';
import { InvalidStory } from '../../server/domain/errors.js';
import { openStore } from '../../server/store/open-store.js';
import { seedStory } from '../../seed/load.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { clearNeo4j, HARBOUR, ON_NEO4J, storeEnv, tempDir } from '../support/graph.js';

const run = promisify(execFile);

/** Copies the harbour story to a temp folder and lets a test spoil one file. */
function spoiledStory(spoil: (doc: any) => void): { data: string; articles: string } {
  const dir = tempDir('story-');
  fs.cpSync(path.dirname(HARBOUR.data), dir, { recursive: true });
  const file = path.join(dir, 'data', 'story.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  spoil(doc);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return { data: path.join(dir, 'data'), articles: path.join(dir, 'articles') };
}

describe('seeding', () => {
  let dbPath: string;
  const config = () => readConfig({ NODE_ENV: 'test', ...storeEnv(dbPath) });
  const seed = (dirs = HARBOUR) => seedStory({ config: config(), dirs, open: openStore });
  const counts = async () => {
    const store = await openStore(config().store);
    try {
      const stats = await store.stats();
      const entities = await store.entities(null, { first: 500 });
      const relations = await store.relations(null, { first: 500 });
      return { stats, entityIds: entities.items.map((e) => e.id), relationIds: relations.items.map((r) => r.id) };
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dbPath = path.join(tempDir(), 'graph.lbug');
    if (ON_NEO4J) await clearNeo4j();
    await seed();
  });
  afterAll(async () => {
    if (ON_NEO4J) await clearNeo4j();
  });

  it('loads the story and reports counts by kind and type', async () => {
    const { stats } = await counts();
    expect(stats.entities).toBe(12);
    expect(stats.relations).toBe(13);
    expect(stats.articles).toBe(2);
    expect(stats.byKind).toContainEqual({ kind: 'Person', count: 4 });
    expect(stats.byRelationType).toContainEqual({ type: 'LEADS', count: 2 });
  });

  it('is idempotent: seeding twice leaves the same graph', async () => {
    const before = await counts();
    const result = await seed();
    expect(result.loaded?.entities).toBe(12);
    expect(await counts()).toEqual(before);
  });

  const badInputs: [string, (doc: any) => void, RegExp][] = [
    ['an unknown entity in a relation', (d) => (d.relations[0].to = 'nobody-at-all'), /story\.json relation strike-deal -BROKERED_BY-> nobody-at-all: unknown entity "nobody-at-all" in "to"/],
    ['a duplicate id', (d) => d.entities.push({ ...d.entities[0] }), /story\.json entity "idris-okonkwo-lind": duplicate id, already defined in story\.json/],
    ['an unknown kind', (d) => (d.entities[1].kind = 'Wizard'), /story\.json: entity 2 "marta-zelazna" field kind: must be one of Person, Group, Organisation, Position, Country, Place, Event/],
    ['an unknown relation type', (d) => (d.relations[1].type = 'HAUNTED'), /story\.json: relation 2 ferryworkers-guild -HAUNTED-> strike-deal field type: is not a known relation type/],
    ['a quote not found in its article', (d) => (d.relations[2].evidence[0].quote = 'Calloway said the company had lied.'), /story\.json relation calloway-shipping -NEGOTIATED-> strike-deal: quote not found in article h001: "Calloway said the company had lied\."/],
    ['a malformed date', (d) => (d.entities[10].date = '2031-13-45'), /story\.json: entity 11 "strike-deal" field date: must be an ISO date/],
    ['an impossible calendar date', (d) => (d.entities[10].date = '2031-02-30'), /entity 11 "strike-deal" field date: is not a real calendar date/],
    ['a missing evidence list', (d) => (d.relations[0].evidence = []), /relation 1 strike-deal -BROKERED_BY-> idris-okonkwo-lind field evidence: needs at least one evidence quote/],
    ['an unknown article', (d) => (d.entities[0].evidence[0].article = 'h999'), /entity "idris-okonkwo-lind": cites unknown article "h999"/],
    ['an id that is not a slug', (d) => (d.entities[0].id = 'Idris Okonkwo'), /entity 1 "Idris Okonkwo" field id: must be a lower-case ASCII slug/],
  ];

  it.each(badInputs)('refuses %s, naming file, record and problem, and keeps the graph', async (_name, spoil, message) => {
    const before = await counts();
    const dirs = spoiledStory(spoil);
    const error = await seed(dirs).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidStory);
    expect(error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    const dirs = spoiledStory(() => undefined);
    fs.writeFileSync(path.join(dirs.data, 'broken.json'), '{ "entities": [ ');
    const error = await seed(dirs).catch((e) => e);
    expect(error.message).toMatch(/broken\.json: is not valid JSON/);
  });

  it('leaves the previous graph intact when the database refuses a load half-way', async () => {
    const before = await counts();
    const story = readStory(HARBOUR);
    // Bypass validation: a relation to an entity that does not exist fails inside the transaction.
    story.relations.push({ ...story.relations[0]!, id: 'dangling', to: 'ghost' });
    story.entities = story.entities.slice(0, 5);
    const store = await openStore(config().store);
    try {
      await expect(store.load(story)).rejects.toThrow();
      expect(await store.stats()).toEqual(before.stats);
    } finally {
      await store.close();
    }
    expect(await counts()).toEqual(before);
  });

  it('leaves the previous graph intact when the story\'s full-text index cannot be built', async () => {
    const before = await counts();
    // A smaller valid story: committed, it would change every count.
    const story = readStory(HARBOUR);
    story.entities = story.entities.slice(0, 3);
    story.relations = [];
    story.mentions = [];
    story.statements = [];
    const store = await openStore(config().store);
    try {
      // The index is built while the engine writes (during LadybugDB's COPY); its failure must undo the write.
      (store as unknown as { fullText: { prepare(): never } }).fullText.prepare = () => {
        throw new Error('index refused');
      };
      await expect(store.load(story)).rejects.toThrow('index refused');
      expect(await store.stats()).toEqual(before.stats);
    } finally {
      await store.close();
    }
    expect(await counts()).toEqual(before);
  });

  it('runs as a command: npm run seed prints the summary; a bad story exits 1 with the reason', async () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    // The engine comes from the environment, as for npm run seed; --db names the embedded file.
    const db = ON_NEO4J ? [] : ['--db', dbPath];
    const options = { cwd: PROJECT_ROOT, env: { ...process.env, ...storeEnv(dbPath) } };
    const ok = await run(tsx, ['seed/seed.ts', '--data', HARBOUR.data, ...db], options);
    expect(ok.stdout).toMatch(/Loaded 12 entities, 13 relations, 2 articles and \d+ article mentions/);
    expect(ok.stdout).toMatch(/Entities by kind: +Person 4/);
    const dirs = spoiledStory((d) => (d.relations[0].from = 'nobody'));
    const bad = await run(tsx, ['seed/seed.ts', '--data', dirs.data, ...db], options).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown entity "nobody" in "from"/);
    expect(bad.stderr).toMatch(/Nothing was loaded; the database keeps the graph it had/);
  });

  it('loads another story with --data and --reset', async () => {
    const other = path.join(tempDir(), 'other.lbug');
    const result = await seedStory({ config: readConfig({ NODE_ENV: 'test', ...storeEnv(other) }), dirs: readStoryDirs(), reset: true, open: openStore });
    expect(result.stats.entities).toBe(12);
  });
});

function readStoryDirs() {
  readStory(HARBOUR); // valid
  return HARBOUR;
}
