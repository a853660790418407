/** passages over the real server and a real embedded database: the search box's second half. */
import { readStory } from '../../server/domain/story/read-story.js';
import { HARBOUR, SEED, seededServer, type RunningServer } from '../support/graph.js';

const PASSAGES = `query($text: String!, $first: Int, $kinds: [PassageKind!]) {
  passages(text: $text, first: $first, kinds: $kinds) {
    kind text start end score article { id text } entities { id name } relations { id type } summaryOf { id }
  }
}`;

describe('passages through the API', () => {
  let server: RunningServer & { cleanup: () => Promise<void> };
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  const passages = async (text: string, variables: Record<string, unknown> = {}) => {
    const res = await server.gql(PASSAGES, { text, ...variables });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data.passages as any[];
  };

  it('finds the sentence where Kolesnikova tore up her passport for "passport", leading to her', async () => {
    const found = await passages('passport', { kinds: ['SENTENCE'] });
    const sentence = found.find((p) => p.text.includes('tore up her passport'));
    expect(sentence).toBeDefined();
    expect(sentence.entities.map((e: any) => e.id)).toContain('maria-kolesnikova');
    expect(sentence.relations.length).toBeGreaterThan(0);
  });

  it('finds the sentence that calls the detainees “hostages” for "hostages"', async () => {
    const found = await passages('hostages', { kinds: ['SENTENCE'] });
    expect(found.some((p) => p.text.includes('described as “hostages”') && p.entities.some((e: any) => e.id === 'donald-trump'))).toBe(true);
  });

  it('gives offsets that slice the passage out of its article, best passage first', async () => {
    const found = await passages('released prisoners border', { first: 20 });
    expect(found.length).toBeGreaterThan(5);
    for (const p of found.filter((p) => p.kind !== 'SUMMARY')) expect(p.article.text.slice(p.start, p.end)).toBe(p.text);
    const scores = found.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('matches a quoted phrase as written and folds accents, inflections and typos', async () => {
    const phrase = await passages('"forced deportation"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const p of phrase) expect(p.text.toLowerCase()).toMatch(/forced deportation/);
    expect((await passages('Nausėda negotiatons')).length).toBeGreaterThan(0);
  });

  it('returns a summary with the entity it summarises', async () => {
    const [summary] = await passages('passport', { kinds: ['SUMMARY'], first: 1 });
    expect(summary.kind).toBe('SUMMARY');
    expect(summary.summaryOf.id).toEqual(expect.any(String));
  });

  it('leaves name search as it was: names, not sentences', async () => {
    const res = await server.gql('{ search(text: "passport") { id } }');
    expect(res.body.data.search).toEqual([]);
  });

  it.each([
    [{ first: 101 }, /"first" must be a whole number from 0 to 100 \(got 101\)/],
    [{ first: -1 }, /"first" must be a whole number from 0 to 100/],
    [{ text: 'x'.repeat(201) }, /"text" must be at most 200 characters \(got 201\)/],
  ])('refuses out-of-bounds arguments with a message naming the bound: %o', async (variables, message) => {
    const res = await server.gql(PASSAGES, { text: 'passport', ...variables });
    // Refused while executing: 200 with the error beside no data, as the
    // GraphQL-over-HTTP spec asks once a request has run (tests/api/graphql-over-http).
    expect(res.status).toBe(200);
    expect(res.body.data?.passages ?? null).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('answers an empty search with no passages', async () => {
    expect(await passages('   ')).toEqual([]);
  });

  it('replaces the index when the graph is reloaded, and back', async () => {
    await server.app.reload(readStory(HARBOUR));
    expect(await passages('passport')).toEqual([]);
    const ferry = await passages('ferry strike');
    expect(ferry[0].article.id).toMatch(/^h00/);
    await server.app.reload(readStory(SEED));
    expect(await passages('ferry strike')).toEqual([]);
    expect((await passages('passport')).length).toBeGreaterThan(0);
  });
});
