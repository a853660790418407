/** urql 6 (@urql/core) with its defaults: GET for queries within the URL limit, no CSRF header, the document cache. */
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { describeClient, type ClientResult } from '../support/client-suite.js';
import { seededServer } from '../support/graph.js';

const PAGE = gql`query Page($first: Int, $after: String) { relations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

function urqlClient(url: string) {
  return new Client({ url, exchanges: [cacheExchange, fetchExchange] });
}

describeClient('urql 6 with its defaults', (url) => {
  const client = urqlClient(url);
  return {
    async query(document, variables): Promise<ClientResult> {
      const result = await client.query(gql(document), variables ?? {}).toPromise();
      if (result.error?.networkError) throw result.error.networkError;
      return { data: result.data, errors: (result.error?.graphQLErrors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code as string | undefined })) };
    },
    async allRelations(first) {
      const ids: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      do {
        const { data, error } = await client.query(PAGE, { first, after }).toPromise();
        if (error) throw error;
        totalCount = data.relations.totalCount;
        ids.push(...data.relations.edges.map((e: any) => e.node.id));
        after = data.relations.pageInfo.hasNextPage ? data.relations.pageInfo.endCursor : null;
      } while (after);
      return { ids, totalCount };
    },
  };
});

describe('urql on the wire', () => {
  it('sends its queries as GET with no CSRF header, and gets data (it used to get 403)', async () => {
    const server = await seededServer();
    const seen: { method: string; headers: Headers }[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers) });
      return fetch(input, init);
    };
    try {
      const client = new Client({ url: `${server.url}/graphql`, exchanges: [cacheExchange, fetchExchange], fetch: recording });
      const result = await client.query(gql`{ stats { entities } }`, {}).toPromise();
      expect(result.error).toBeUndefined();
      expect(result.data.stats.entities).toBeGreaterThan(0);
      expect(seen[0]!.method).toBe('GET');
      expect([...seen[0]!.headers.keys()].filter((h) => /csrf|preflight|apollo/.test(h))).toEqual([]);
    } finally {
      await server.cleanup();
    }
  });
});
