/** Caching the ecosystem's way: automatic persisted queries, ETag and Cache-Control on GET reads, 304 on revalidation. */
import { createHash } from 'node:crypto';
import { seededServer } from '../support/graph.js';

describe('HTTP caching and persisted queries', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json', ...headers } });

  it('answers a GET read with an ETag and a public Cache-Control, and a revalidation with 304', async () => {
    const query = '{ entity(id: "ihar-losik") { name } }';
    await get(query);
    const res = await get(query);
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await get(query, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('changes the ETag when the graph is reloaded, so no cache serves the old graph', async () => {
    const query = '{ stats { entities } }';
    await get(query);
    const before = (await get(query)).headers.get('etag');
    server.app.graphChanged();
    await get(query);
    const after = (await get(query)).headers.get('etag');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('marks a GET answer with errors as not to be stored, and leaves POST answers without a public Cache-Control', async () => {
    const bad = await get('{ entity(id: "ihar-losik") { relations(first: 501) { id } } }');
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const post = await server.gql('{ stats { entities } }');
    expect(post.status).toBe(200);
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });

  it('runs a query by its hash once it was sent in full, over GET, and asks for the full text of an unknown hash', async () => {
    const query = '{ entity(id: "mikalai-statkevich") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const unknown = await fetch(`${server.url}/graphql?extensions=${extensions}`, { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(200);
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const full = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`, { headers: { accept: 'application/json' } });
    expect((await full.json()).data.entity.name).toBe('Mikalai Statkevich');
    const byHash = await fetch(`${server.url}/graphql?extensions=${extensions}`, { headers: { accept: 'application/json' } });
    expect(byHash.status).toBe(200);
    expect((await byHash.json()).data.entity.name).toBe('Mikalai Statkevich');
  });

  it('refuses a hash that does not match the query text', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    });
    expect((await res.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_MISMATCH');
  });
});
