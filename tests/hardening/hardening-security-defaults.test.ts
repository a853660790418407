/**
 * Security defaults as a deployment gets them (docs/security.md): a content
 * security policy the page works under over plain HTTP, GraphiQL and
 * introspection off in production unless asked for, CORS closed unless opened.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphStore } from '../../server/store/graph-store.js';
import { seededStore, startServer, type RunningServer } from '../support/graph.js';

describe('security defaults', () => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  const servers: RunningServer[] = [];
  const serve = async (env: Record<string, string>) => {
    const s = await startServer(store, env);
    servers.push(s);
    return s;
  };
  beforeAll(async () => {
    const seeded = await seededStore();
    store = seeded.store;
    cleanup = seeded.cleanup;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await cleanup();
  });

  it('gives the page a policy that allows only its own scripts, and does not upgrade it to an HTTPS the server does not speak', async () => {
    const server = await serve({});
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    // A page opened at http://newsroom-host:4000/ would fetch its scripts from https://newsroom-host:4000/ and never load.
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
  });

  it('serves no GraphiQL and refuses introspection in production, unless asked for', async () => {
    const production = await serve({ NODE_ENV: 'production' });
    const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/GraphiQL/);
    const introspection = await production.gql('{ __schema { queryType { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors[0].message).toMatch(/introspection/i);

    const opened = await serve({ NODE_ENV: 'production', INTROSPECTION: 'true', GRAPHIQL: 'true' });
    expect((await opened.gql('{ __schema { queryType { name } } }')).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(await (await fetch(`${opened.url}/graphql`, { headers: { accept: 'text/html' } })).text()).toMatch(/GraphiQL/);
  });

  it('lets no other origin read /graphql from a browser, unless CORS_ORIGINS names it', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const closed = await serve({});
    expect((await preflight(closed.url)).headers.get('access-control-allow-origin')).toBeNull();
    // Yoga's own CORS used to answer any origin, with credentials, on /graphql.
    const read = await fetch(`${closed.url}/graphql`, { method: 'POST', headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' }, body: '{"query":"{ stats { entities } }"}' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    const opened = await serve({ CORS_ORIGINS: 'https://elsewhere.example' });
    expect((await preflight(opened.url)).headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
  });
});
