/**
 * HTTP status codes by the GraphQL-over-HTTP spec, for both
 * application/graphql-response+json and legacy application/json:
 *
 * - Once a query has started the answer carries `data` (possibly null, or
 *   with some fields null) and is 200, whatever went wrong in a field: a
 *   client then reads the errors and keeps the partial data. The errors keep
 *   their `extensions.code`; the per-error HTTP status the domain mask set is
 *   dropped.
 * - A request refused before execution has no `data`. Documents that do not
 *   parse, do not validate, have bad variables or cost too much answer 400
 *   under application/graphql-response+json and 200 under application/json
 *   (the spec's SHOULDs; Yoga honours `http.spec`). Malformed requests (bad
 *   JSON, a missing query, a form-like POST without a preflight header, a
 *   mutation over GET) keep the 4xx they were given.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { getOperationAST, type GraphQLError } from 'graphql';

type Http = { status?: number; spec?: boolean; headers?: Record<string, string> };

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions,
  });
}

/** An error of a request that ran: its code stays, its HTTP status goes. */
function executed(error: GraphQLError): GraphQLError {
  if (!error.extensions?.http) return error;
  const { http, ...rest } = error.extensions as { http: Http };
  return withExtensions(error, http.headers ? { ...rest, http: { headers: http.headers } } : rest);
}

/** An error of a request refused before execution. */
function refused(error: GraphQLError): GraphQLError {
  const http = (error.extensions?.http ?? {}) as Http;
  const code = codeFor(error.message, error.extensions?.code);
  if (http.status && code === error.extensions?.code) return error;
  return withExtensions(error, { ...error.extensions, code, http: http.status ? http : { ...http, status: 400, spec: true } });
}

export function useStatusCodes(): Plugin {
  // Mutations keep their refusals' statuses (401, 403, 409 ...): a refused change wrote nothing, and the
  // curator's tools read the status. The 200-with-data rule is for reads, whose partial data a client keeps.
  const mutations = new WeakSet<Request>();
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (request && operation?.operation === 'mutation') mutations.add(request);
    },
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      if (mutations.has(request)) return;
      const ran = 'data' in result && result.data !== undefined;
      setResult({ ...result, errors: result.errors.map((e) => (ran ? executed(e as GraphQLError) : refused(e as GraphQLError))) });
    },
  };
}

/** graphql-armor reports its limits as syntax errors; they deserve their own code. */
function codeFor(message: string, existing: unknown): unknown {
  if (/limit of \d+ exceeded|too many/i.test(message)) return 'QUERY_TOO_COMPLEX';
  if (existing) return existing;
  if (/syntax error/i.test(message)) return 'GRAPHQL_PARSE_FAILED';
  return 'GRAPHQL_VALIDATION_FAILED';
}
