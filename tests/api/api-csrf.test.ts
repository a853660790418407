/** CSRF prevention for a public read-only API: GET needs no header, a form-like POST needs one and is told which. */
import { PREFLIGHT_HEADERS } from '../../server/graphql/plugins/csrf.js';
import { seededServer } from '../support/graph.js';

describe('CSRF prevention', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  const query = encodeURIComponent('{ stats { entities } }');

  it('runs a GET query sent with no extra header, as urql sends it by default', async () => {
    const res = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/graphql-response+json, application/json' } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.stats.entities).toBeGreaterThan(0);
  });

  it.each(PREFLIGHT_HEADERS)('runs a GET query that carries the preflight header %s', async (header) => {
    const res = await fetch(`${server.url}/graphql?query=${query}`, { headers: { [header]: '1', accept: 'application/json' } });
    expect(res.status).toBe(200);
  });

  it('runs a JSON POST with no extra header: a browser preflights that content type', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
    expect(res.status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])('refuses a %s POST without a preflight header with 403, naming the header it wants', async (type) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('CSRF_PREFLIGHT_REQUIRED');
    expect(body.errors[0].message).toMatch(/x-graphql-csrf: 1/);
    expect(body.errors[0].message).toMatch(/application\/json/);
  });

  it('lets a form-like POST through the check when it carries a preflight header', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query: '{ stats { entities } }' }) });
    expect(res.status).not.toBe(403);
  });
});
