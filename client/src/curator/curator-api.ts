/**
 * The curator's door to the server: the same POST /graphql as the page, with
 * the token from this tab's sessionStorage as a bearer token (never in the
 * URL), and the error code kept so the panel can tell CONFLICT from the rest.
 */
const TOKEN_KEY = 'curator-token';

export class CuratorError extends Error {
  /** For INVALID_STORY: each problem the seed's validation found, naming file, record and field. */
  readonly problems: string[];
  constructor(message: string, readonly code: string | undefined, problems: string[] = []) {
    super(message);
    this.problems = problems;
  }
}

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function curatorCall<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' };
  const t = token.get();
  if (t) headers.authorization = `Bearer ${t}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new CuratorError('The server does not answer.', 'NETWORK');
  }
  if (response.status === 413) throw new CuratorError('Too large for one request: add this article with npm run story -- add-article.', 'PAYLOAD_TOO_LARGE');
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string; problems?: string[] } }[] } | null;
  const error = body?.errors?.[0];
  if (error) throw new CuratorError(error.message, error.extensions?.code, error.extensions?.problems ?? []);
  if (!body?.data) throw new CuratorError(`The server answered ${response.status}.`, undefined);
  return body.data;
}
