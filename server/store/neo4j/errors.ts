/** Driver errors translated by code, once, here. */
import { GraphUnavailable } from '../../domain/errors.js';

/** Codes that mean "the database cannot be reached or is not ready": GraphUnavailable, HTTP 503. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
/** The connection-level subset: the server itself is gone, so probe before the next call. */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUnreachable(err: unknown): boolean {
  return UNREACHABLE.has(codeOf(err) ?? '');
}

/**
 * Driver errors to domain errors by code: unreachable or unavailable ->
 * GraphUnavailable (503); a transaction timeout -> GraphUnavailable with a
 * hint, as the embedded adapter does; anything else is passed on unchanged,
 * for the GraphQL layer to mask and log.
 */
export function translateError(err: unknown): Error {
  if (err instanceof GraphUnavailable) return err;
  const code = codeOf(err);
  if (code && UNAVAILABLE.has(code)) {
    return new GraphUnavailable('The graph database (Neo4j) cannot be reached or is not ready; try again shortly.', { cause: err });
  }
  if (code && TIMED_OUT.has(code)) {
    return new GraphUnavailable('The database took too long to answer; try a smaller request.', { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
