/**
 * Maps the domain's errors to GraphQL errors a user can read, once, at the
 * boundary: BadInput -> BAD_USER_INPUT (400), NotFound -> NOT_FOUND (404),
 * GraphUnavailable -> GRAPH_UNAVAILABLE (503). Anything else is masked as
 * "Unexpected error." and logged with its cause, in every environment: Yoga's
 * development mode would otherwise put the original message and stack trace
 * (with the server's file paths) in the response whenever NODE_ENV=development.
 * quietLogger keeps Yoga from logging those errors once more.
 */
import { createGraphQLError, createLogger, maskError as defaultMaskError, type LogLevel, type YogaLogger, type YogaServerOptions } from 'graphql-yoga';
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
        if (typeof error === 'object' && error !== null) handled.add(error);
        return createGraphQLError(original.message, {
          nodes: error instanceof GraphQLError ? error.nodes : undefined,
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code, http: { status } },
        });
      }
    }
    const masked = defaultMaskError(error, message, false);
    if (masked !== error) {
      if (typeof error === 'object' && error !== null) handled.add(error);
      log('unexpected error', original ?? error);
    }
    return masked;
  };
}

/** Errors the mask answered: a domain error (an expected answer) or an unexpected one it logged itself. */
const handled = new WeakSet<object>();

/**
 * Yoga's logger at `level`, except that it does not log again an error the mask answered: Yoga logs every
 * error a mask replaces, with its stack trace, so each bad argument or unknown id (BAD_USER_INPUT,
 * NOT_FOUND) printed an ERR line and each unexpected error was logged twice.
 */
export function quietLogger(level: LogLevel): YogaLogger {
  const logger = createLogger(level);
  return {
    ...logger,
    error: (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && handled.has(args[0])) return;
      logger.error(...args);
    },
  };
}
