/**
 * The only door to the server: POST /graphql with the CSRF header, and errors
 * a journalist can read ("The server does not answer") instead of stack traces.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    /** network: no answer; http: a non-2xx status; graphql: the API refused. */
    readonly kind: 'network' | 'http' | 'graphql',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GraphQLClientOptions {
  /** @default '/graphql' */
  endpoint?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Abandon a request after this many milliseconds. @default 20000 */
  timeoutMs?: number;
}

export type GraphQLClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createGraphQLClient({ endpoint = '/graphql', fetch: doFetch = globalThis.fetch.bind(globalThis), timeoutMs = 20000 }: GraphQLClientOptions = {}): GraphQLClient {
  return async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
    } catch (err) {
      const timedOut = (err as Error)?.name === 'AbortError';
      throw new ApiError(timedOut ? `The server took longer than ${Math.round(timeoutMs / 1000)} s to answer. Try again.` : 'The server does not answer. Is it running? (npm start)', 'network');
    } finally {
      clearTimeout(timer);
    }
    const body = await readBody<T>(response);
    if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join(' '), 'graphql');
    if (!response.ok) throw new ApiError(describeStatus(response.status), 'http');
    if (!body || body.data == null) throw new ApiError('The server sent an answer the page cannot read.', 'http');
    return body.data;
  };
}

async function readBody<T>(response: Response): Promise<{ data?: T | null; errors?: { message: string }[] } | null> {
  try {
    return (await response.json()) as { data?: T | null; errors?: { message: string }[] };
  } catch {
    return null;
  }
}

function describeStatus(status: number): string {
  if (status === 429) return 'Too many requests: wait a moment and try again.';
  if (status === 503) return 'The graph database is not available right now.';
  if (status >= 500) return `The server failed (HTTP ${status}). Try again in a moment.`;
  return `The server refused the request (HTTP ${status}).`;
}

/** An error as a sentence for the page. */
export function describe(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
}
