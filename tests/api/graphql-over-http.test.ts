/** The GraphQL-over-HTTP audit of the graphql-http package, against the real server. */
import { serverAudits } from 'graphql-http';
import { seededServer } from '../support/graph.js';

describe('GraphQL over HTTP', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  // The page sends the CSRF header on every request; the audit runs as it does.
  const fetchWithCsrf: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-graphql-csrf', '1');
    return fetch(input, { ...init, headers });
  };

  const audits = () => serverAudits({ url: () => `${server.url}/graphql`, fetchFn: fetchWithCsrf });

  it('has MUST audits to run', () => {
    expect(serverAudits({ url: 'http://x/graphql' }).filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('passes every MUST of the audit', async () => {
    const failures: string[] = [];
    for (const audit of audits().filter((a) => a.name.startsWith('MUST'))) {
      const result = await audit.fn();
      if (result.status !== "ok") failures.push(`${audit.name}: ${"reason" in result ? result.reason : ""}`);
    }
    expect(failures).toEqual([]);
  });

  it('passes every SHOULD of the audit', async () => {
    const shoulds = audits().filter((a) => a.name.startsWith('SHOULD'));
    expect(shoulds.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of shoulds) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${'reason' in result ? result.reason : ''}`);
    }
    expect(failures).toEqual([]);
  });

  it('passes every MUST and SHOULD without any CSRF header, as urql and graphql-request send', async () => {
    const failures: string[] = [];
    for (const audit of serverAudits({ url: () => `${server.url}/graphql` })) {
      const result = await audit.fn();
      if (result.status !== 'ok' && !audit.name.startsWith('MAY')) failures.push(audit.name);
    }
    expect(failures).toEqual([]);
  });
});
