/**
 * Request parameters a client can malform before any GraphQL runs, refused
 * with a 400 and a message instead of "Unexpected error.":
 * - GET `variables` and `extensions` that are not JSON (Yoga's GET parser lets
 *   the SyntaxError escape, and it would be masked);
 * - variables or extensions nested deeper than any input of the schema needs
 *   (the response cache builds its key by walking them recursively, and a
 *   payload nested thousands deep overflows the stack).
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface RequestParamsOptions {
  /**
   * Deepest nesting of objects and lists in `variables` or `extensions`.
   * The schema's inputs are lists of scalars at most.
   * @default 16
   */
  maxDepth?: number;
}

const JSON_PARAMS = ['variables', 'extensions'] as const;

export function useRequestParams({ maxDepth = 16 }: RequestParamsOptions = {}): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of JSON_PARAMS) {
        const raw = url.searchParams.get(name);
        if (raw === null || raw === '') continue;
        try {
          JSON.parse(raw);
        } catch {
          throw refused(`The "${name}" parameter must be a JSON object.`, 'BAD_REQUEST');
        }
      }
    },
    onParams({ params }) {
      for (const name of JSON_PARAMS) {
        if (nestedDeeperThan(params[name], maxDepth)) throw refused(`The "${name}" value is nested deeper than ${maxDepth} levels.`, 'BAD_USER_INPUT');
      }
    },
  };
}

function refused(message: string, code: string) {
  return createGraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Iterative, so that measuring a hostile value cannot overflow the stack itself. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) pending.push([child, depth + 1]);
  }
  return false;
}
