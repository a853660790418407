/**
 * Apollo Client 3 and 4, each with its normalising InMemoryCache (global ids,
 * __typename added to every selection), relay-style pagination, errorPolicy
 * "all" for partial data, and the automatic persisted queries link.
 */
import { createHash } from 'node:crypto';
import * as AC3 from 'apollo-client-3/core/index.js';
import { createPersistedQueryLink as persisted3 } from 'apollo-client-3/link/persisted-queries/index.js';
import { relayStylePagination as relay3 } from 'apollo-client-3/utilities/index.js';
import * as AC4 from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination as relay4 } from '@apollo/client/utilities';
import { describeClient, type ClientError, type Driver } from '../support/client-suite.js';
import { seededServer } from '../support/graph.js';

const PAGE = `query AllRelations($after: String) { relations(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type from { id name } to { id name } } } } }`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Flavour {
  name: string;
  gql: (s: string) => any;
  client: (url: string, fetchFn?: typeof fetch, persistedQueries?: boolean) => any;
  /** The GraphQL errors of a result (errorPolicy "all") or of a thrown error (errorPolicy "none"). */
  errorsOf: (resultOrError: any) => ClientError[];
}

const codes = (errors: readonly any[] | undefined): ClientError[] => (errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }));
// Stats is the graph's one set of counts: merged, as Apollo's docs advise for singletons without an id.
const typePolicies = (relay: (keyArgs: string[]) => any) => ({ Query: { fields: { relations: relay(['types', 'where', 'orderBy']) } }, Stats: { merge: true } });

const FLAVOURS: Flavour[] = [
  {
    name: 'Apollo Client 3',
    gql: AC3.gql,
    client: (url, fetchFn = fetch, pq = false) => {
      const http = new AC3.HttpLink({ uri: url, fetch: fetchFn });
      return new AC3.ApolloClient({
        link: pq ? persisted3({ sha256, useGETForHashedQueries: true }).concat(http) : http,
        cache: new AC3.InMemoryCache({ typePolicies: typePolicies(relay3) }),
      });
    },
    errorsOf: (r) => codes(r.errors ?? r.graphQLErrors),
  },
  {
    name: 'Apollo Client 4',
    gql: AC4.gql,
    client: (url, fetchFn = fetch, pq = false) => {
      const http = new AC4.HttpLink({ uri: url, fetch: fetchFn });
      return new AC4.ApolloClient({
        link: pq ? new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(http) : http,
        cache: new AC4.InMemoryCache({ typePolicies: typePolicies(relay4) }),
      });
    },
    errorsOf: (r) => codes(r.error?.errors ?? r.errors),
  },
];

for (const flavour of FLAVOURS) {
  describeClient(flavour.name, (url): Driver => {
    const client = flavour.client(url);
    return {
      async query(document, variables) {
        const result = await client.query({ query: flavour.gql(document), variables, errorPolicy: 'all', fetchPolicy: 'network-only' });
        return { data: result.data, errors: flavour.errorsOf(result) };
      },
      async allRelations() {
        const query = flavour.gql(PAGE);
        const watched = client.watchQuery({ query });
        const first = await client.query({ query });
        let pageInfo = first.data.relations.pageInfo;
        while (pageInfo.hasNextPage) {
          const next = await watched.fetchMore({ variables: { after: pageInfo.endCursor } });
          pageInfo = next.data.relations.pageInfo;
        }
        // relayStylePagination merged every page into one list in the normalised cache.
        const merged = client.readQuery({ query });
        return { ids: merged.relations.edges.map((e: any) => e.node.id), totalCount: merged.relations.totalCount };
      },
      close: () => client.stop(),
    };
  });

  describe(`${flavour.name}: what its users do by default`, () => {
    let server: Awaited<ReturnType<typeof seededServer>>;
    beforeAll(async () => {
      server = await seededServer();
    });
    afterAll(() => server.cleanup());

    it('throws, with errorPolicy "none", an error that carries the GraphQL errors and their codes', async () => {
      const client = flavour.client(`${server.url}/graphql`);
      const thrown = await client.query({ query: flavour.gql('{ stats { entities } entity(id: "donald-trump") { relations(first: 501) { id } } }') }).then(() => null, (e: unknown) => e);
      expect(flavour.errorsOf(thrown).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
      client.stop();
    });

    it('normalises entities by their global id: the same entity reached twice is one cache record', async () => {
      const client = flavour.client(`${server.url}/graphql`);
      await client.query({ query: flavour.gql('{ entity(id: "ihar-losik") { id name } relations(types: ["RELEASED_IN"], first: 500) { edges { node { id from { id name } } } } }') });
      const cached = client.cache.extract();
      expect(cached['Entity:ihar-losik']).toMatchObject({ __typename: 'Entity', id: 'ihar-losik', name: 'Ihar Losik' });
      expect(Object.keys(cached).filter((k) => k.startsWith('Entity:ihar-losik'))).toHaveLength(1);
      client.stop();
    });

    it('sends a query by its hash with the persisted-queries link, falling back to the full text once', async () => {
      const sent: string[] = [];
      const recording: typeof fetch = (input, init) => {
        const url = String(input);
        sent.push(`${init?.method ?? 'GET'} ${url.includes('query=') || String(init?.body ?? '').includes('"query"') ? 'full' : 'hash'}`);
        return fetch(input, init);
      };
      const query = '{ entity(id: "mikalai-statkevich") { id name kind } }';
      const first = flavour.client(`${server.url}/graphql`, recording, true);
      const a = await first.query({ query: flavour.gql(query) });
      expect(a.data.entity.name).toBe('Mikalai Statkevich');
      expect(sent[0]).toBe('GET hash');
      expect(sent.slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/full$/)]));
      sent.length = 0;
      const second = flavour.client(`${server.url}/graphql`, recording, true);
      const b = await second.query({ query: flavour.gql(query) });
      expect(b.data.entity.name).toBe('Mikalai Statkevich');
      expect(sent).toEqual(['GET hash']);
      first.stop();
      second.stop();
    });
  });
}
