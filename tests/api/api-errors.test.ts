/** Limits, hostile input and errors: codes and statuses, never a 500 or a stack trace. */
import { jest } from '@jest/globals';
import { GraphUnavailable } from '../../server/domain/errors.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { seededStore, startServer, type RunningServer } from '../support/graph.js';

describe('limits and errors', () => {
  let server: RunningServer;
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const seeded = await seededStore();
    store = seeded.store;
    server = await startServer(store);
    cleanup = async () => {
      await server.close();
      await seeded.cleanup();
    };
  });
  afterAll(() => cleanup());

  const expectError = async (query: string, status: number, code: string, message?: RegExp) => {
    const res = await server.gql(query);
    expect(res.status).toBe(status);
    expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
    if (message) expect(res.body.errors[0].message).toMatch(message);
    return res.body;
  };

  it.each([
    ['{ entities(first: 501) { totalCount } }', /"first" must be a whole number from 0 to 500 \(got 501\)/],
    ['{ relations(first: -1) { totalCount } }', /"first" must be a whole number from 0 to 500/],
    ['{ search(text: "a", first: 501) { id } }', /"first" must be a whole number from 0 to 500/],
    ['{ neighbourhood(id: "ihar-losik", depth: 4) { truncated } }', /"depth" must be a whole number from 1 to 3 \(got 4\)/],
    ['{ shortestPath(from: "a", to: "b", maxLength: 9) { truncated } }', /"maxLength" must be a whole number from 1 to 8 \(got 9\)/],
    ['{ graph(limit: 5001) { truncated } }', /"limit" must be a whole number from 0 to 5000 \(got 5001\)/],
    [`{ ask(question: "${'why '.repeat(126)}") { text } }`, /"question" must be at most 500 characters \(got 504\)/],
    ['{ search(text: "' + 'x'.repeat(201) + '") { id } }', /"text" must be at most 200 characters/],
    ['{ entities(after: "not-a-cursor") { totalCount } }', /"after" is not a cursor this API gave out/],
  ])('bounds arguments: %s', async (query, message) => {
    // Execution started, so the answer carries data (null up to the nearest nullable field) and is 200.
    const body = await expectError(query, 200, 'BAD_USER_INPUT', message);
    expect('data' in body).toBe(true);
    expect(Object.values(body.data ?? {}).every((v) => v === null)).toBe(true);
  });

  it.each(['application/json', 'application/graphql-response+json'])('answers a bad argument inside a good query with 200 and the partial data (%s)', async (accept) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query: '{ stats { entities } entity(id: "donald-trump") { relations(first: 501) { id } } }' }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.stats.entities).toBeGreaterThan(0);
    expect(body.data.entity).toBeNull();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.http).toBeUndefined();
  });

  it('answers a refused document with 400 under application/graphql-response+json and 200 under application/json', async () => {
    const send = (accept: string) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ stats { entitie } }' }) });
    const modern = await send('application/graphql-response+json');
    expect(modern.status).toBe(400);
    const legacy = await send('application/json');
    expect(legacy.status).toBe(200);
    const body = await legacy.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses queries deeper than 10', async () => {
    const deep = 'relations { from { '.repeat(5) + 'id' + ' } }'.repeat(5);
    await expectError(`{ search(text: "a") { ${deep} } }`, 400, 'QUERY_TOO_COMPLEX', /depth limit of 10/);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    await expectError(`{ ${aliases} }`, 400, 'QUERY_TOO_COMPLEX', /Aliases limit of 15/);
  });

  it('refuses a small document of nested lists by its cost, before it runs, saying what was counted and how to ask for less', async () => {
    // The stress suite's amplification probe: 1.4 kB asking for article texts in nested lists, 15 times.
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: articles { entities { mentionedIn { text } relations { evidence { article { text } } } } }`).join(' ')} }`;
    const res = await server.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    const [error] = res.body.errors;
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions.cost).toBeGreaterThan(error.extensions.maxCost);
    expect(error.message).toMatch(/may return about [\d,]+ objects, more than the 100,000/);
    expect(error.message).toMatch(/first\/last\/limit/);
    expect(error.message).toMatch(/__typename is free/);
    expect(error.message).toMatch(/Ask for less/);
    expect(res.body.errors).toHaveLength(1);
  });

  it('refuses a costly query without a warning from the response cache (the cache is on here)', async () => {
    expect(server.config.responseCache.enabled).toBe(true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: articles { entities { mentionedIn { text } } }`).join(' ')} }`;
      const res = await server.gql(query);
      expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('prices the same document anew when a variable that sizes a list changes, and not when an id does', async () => {
    const query = 'query($n: Int, $text: String!) { search(text: $text, first: $n) { relations(first: $n) { evidence { article { text } } } } }';
    const small = await server.gql(query, { n: 1, text: 'a' });
    expect(small.body.errors).toBeUndefined();
    const large = await server.gql(query, { n: 500, text: 'b' });
    expect(large.status).toBe(400);
    expect(large.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const largeAgain = await server.gql(query, { n: 500, text: 'c' });
    expect(largeAgain.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const smallAgain = await server.gql(query, { n: 1, text: 'd' });
    expect(smallAgain.body.errors).toBeUndefined();
  });

  it('answers a bad argument without logging it as a server error (it is the caller\'s, and the answer says so)', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await server.gql('{ entities(first: 501) { totalCount } }');
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it('refuses ten aliases of deeply nested relations by their cost', async () => {
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: graph { nodes { relations { from { relations { from { relations { id } } } } } } }`).join(' ')} }`;
    const res = await server.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it.each([
    ['written', '{ entity(id: "belarus") { relations(first: 500) { from { name } to { name } evidence { quote article { id title } } } } }', undefined],
    ['a variable', 'query($first: Int) { entity(id: "belarus") { relations(first: $first) { __typename from { __typename name } to { name } evidence { quote article { id title __typename } } } } }', { first: 500 }],
    ['the overview with everything', '{ graph { nodes { id evidence { quote } relations { id } mentionedIn { id } } edges { id evidence { quote article { id } } } } }', undefined],
  ])('runs an ordinary query with first up to 500 (%s)', async (_, query, variables) => {
    const res = await server.gql(query, variables);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('refuses a flood of directives and of tokens', async () => {
    await expectError(`{ stats { entities ${'@include(if: true) '.repeat(11)} } }`, 400, 'QUERY_TOO_COMPLEX');
    await expectError(`{ stats { ${'entities '.repeat(1600)} } }`, 400, 'QUERY_TOO_COMPLEX', /Token limit/);
  });

  it('refuses syntax errors and unknown fields with 400, without suggesting field names', async () => {
    await expectError('{ stats { entities ', 400, 'GRAPHQL_PARSE_FAILED');
    const body = await expectError('{ stats { entitie } }', 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: '{"query": "{ stats { entities } }"' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].message).toMatch(/invalid JSON/i);
  });

  it('never runs a mutation over GET', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'x-graphql-csrf': '1', accept: 'application/json' } });
    expect(res.status).toBe(405);
  });

  it('masks unexpected errors as "Unexpected error." with no stack or path, and stays up', async () => {
    const broken = Object.create(store) as GraphStore;
    broken.timeline = async () => {
      throw new Error('ENOENT /secret/internal/path.db');
    };
    const other = await startServer(broken);
    try {
      const res = await other.gql('{ timeline { id } }');
      expect(res.body.errors[0].message).toBe('Unexpected error.');
      expect(JSON.stringify(res.body)).not.toMatch(/secret|ENOENT|at .*\.ts/);
      expect((await other.gql('{ stats { entities } }')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('maps an unavailable graph to GRAPH_UNAVAILABLE (200: the request ran, data is null), and /ready to 503', async () => {
    const down = Object.create(store) as GraphStore;
    down.search = async () => {
      throw new GraphUnavailable('The graph database does not answer; try again shortly.');
    };
    down.ping = down.search as unknown as GraphStore['ping'];
    const other = await startServer(down);
    try {
      const res = await other.gql('{ search(text: "losik") { id } }');
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('GRAPH_UNAVAILABLE');
      const ready = await fetch(`${other.url}/ready`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).status).toBe('unavailable');
    } finally {
      await other.close();
    }
  });

  it('answers unknown paths with a 404 in JSON', async () => {
    const res = await fetch(`${server.url}/nowhere`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('sends security headers', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends the same security headers on GraphQL answers, which skip express', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ stats { entities } }')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the direct GraphQL route (no rate limit)', () => {
  it('refuses bodies over BODY_LIMIT, declared or chunked, and answers CORS only for the configured origin', async () => {
    const seeded = await seededStore();
    const server = await startServer(seeded.store, { BODY_LIMIT: '1kb', CORS_ORIGINS: 'https://newsroom.example' });
    try {
      const headers = { 'content-type': 'application/json', 'x-graphql-csrf': '1' };
      const body = JSON.stringify({ query: `{ search(text: "${'x'.repeat(2000)}") { id } }` });
      const big = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
      expect(big.status).toBe(413);
      expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const chunked = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: new Blob([body]).stream(), duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
      const small = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...headers, origin: 'https://newsroom.example' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
      expect(small.status).toBe(200);
      expect(small.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
      const other = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
      await seeded.cleanup();
    }
  });
});

describe('configurable protections', () => {
  it('refuses a body over BODY_LIMIT with 413, rate-limits when asked, and keeps CORS closed unless opened', async () => {
    const seeded = await seededStore();
    const server = await startServer(seeded.store, { BODY_LIMIT: '1kb', RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGINS: 'https://newsroom.example' });
    try {
      const big = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query: `{ search(text: "${'x'.repeat(2000)}") { id } }` }) });
      expect(big.status).toBe(413);
      const allowed = await fetch(`${server.url}/health`, { headers: { origin: 'https://newsroom.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
      const other = await fetch(`${server.url}/health`, { headers: { origin: 'https://elsewhere.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await fetch(`${server.url}/health`)).status);
      // Three requests above already counted: two more pass, then 429.
      expect(statuses.slice(0, 3)).toEqual([200, 200, 429]);
      expect(statuses[statuses.length - 1]).toBe(429);
    } finally {
      await server.close();
      await seeded.cleanup();
    }
  });
});
