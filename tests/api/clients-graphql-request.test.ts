/** graphql-request 7 with its defaults (POST, application/json), as its users call it. */
import { ClientError, GraphQLClient } from 'graphql-request';
import { describeClient, type ClientResult } from '../support/client-suite.js';

const PAGE = `query Page($first: Int, $after: String) { relations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

describeClient('graphql-request 7', (url) => {
  const client = new GraphQLClient(url);
  const query = async (document: string, variables?: Record<string, unknown>): Promise<ClientResult> => {
    try {
      return { data: await client.request(document, variables), errors: [] };
    } catch (error) {
      // graphql-request throws on any error; the ClientError carries the partial data and the errors.
      if (!(error instanceof ClientError)) throw error;
      return { data: error.response.data, errors: (error.response.errors ?? []).map((e: any) => ({ message: e.message, code: e.extensions?.code })) };
    }
  };
  return {
    query,
    async allRelations(first) {
      const ids: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      do {
        const data: any = await client.request(PAGE, { first, after });
        totalCount = data.relations.totalCount;
        ids.push(...data.relations.edges.map((e: any) => e.node.id));
        after = data.relations.pageInfo.hasNextPage ? data.relations.pageInfo.endCursor : null;
      } while (after);
      return { ids, totalCount };
    },
  };
});
