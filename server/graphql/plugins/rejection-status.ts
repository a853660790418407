/**
 * Documents rejected before execution (syntax errors, failed validation,
 * graphql-armor limits) answer 400 with a code, whatever the Accept header,
 * so a hostile or broken query never looks like a success. (Yoga answers 200
 * to such errors under the legacy application/json, as the spec allows.)
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

function rejected(error: GraphQLError): GraphQLError {
  const http = (error.extensions?.http ?? {}) as { status?: number };
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: {
      ...error.extensions,
      code: codeFor(error.message, error.extensions?.code),
      http: { status: Math.max(http.status ?? 400, 400) },
    },
  });
}

export function useRejectionStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      // No "data" at all means nothing ran: the document itself was refused.
      if ('data' in result && result.data !== undefined) return;
      setResult({ ...result, errors: result.errors.map((e) => rejected(e as GraphQLError)) });
    },
  };
}

/** graphql-armor reports its limits as syntax errors; they deserve their own code. */
function codeFor(message: string, existing: unknown): unknown {
  if (/limit of \d+ exceeded|query cost|too many/i.test(message)) return 'QUERY_TOO_COMPLEX';
  if (existing) return existing;
  if (/syntax error/i.test(message)) return 'GRAPHQL_PARSE_FAILED';
  return 'GRAPHQL_VALIDATION_FAILED';
}
