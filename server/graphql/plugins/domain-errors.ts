/**
 * Maps the domain's errors to GraphQL errors a user can read, once, at the
 * boundary: BadInput -> BAD_USER_INPUT (400), NotFound -> NOT_FOUND (404),
 * GraphUnavailable -> GRAPH_UNAVAILABLE (503). Anything else is masked as
 * "Unexpected error." and logged with its cause, in every environment: Yoga's
 * development mode would otherwise put the original message and stack trace
 * (with the server's file paths) in the response whenever NODE_ENV=development.
 */
import { createGraphQLError, maskError as defaultMaskError, type YogaServerOptions } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { BadInput, GraphUnavailable, NotFound, TooComplex } from '../../domain/errors.js';

const CODES = [
  [TooComplex, 'QUERY_TOO_COMPLEX', 400],
  [BadInput, 'BAD_USER_INPUT', 400],
  [NotFound, 'NOT_FOUND', 404],
  [GraphUnavailable, 'GRAPH_UNAVAILABLE', 503],
] as const;

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

export function domainErrorMask(log: (message: string, error: unknown) => void): MaskError {
  return (error, message) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    for (const [Type, code, status] of CODES) {
      if (original instanceof Type) {
        return createGraphQLError(original.message, {
          nodes: error instanceof GraphQLError ? error.nodes : undefined,
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code, http: { status } },
        });
      }
    }
    const masked = defaultMaskError(error, message, false);
    if (masked !== error) log('unexpected error', original ?? error);
    return masked;
  };
}
