/**
 * CSRF prevention fitted to a public, read-only, credential-free API
 * (reasoning in docs/security.md): GET runs queries only and carries no
 * credentials, so it needs no header, and urql, Apollo and graphql-request work
 * with their defaults. A POST with a content type a cross-site HTML form can
 * send (text/plain, form-urlencoded, multipart, none) must carry one of the
 * preflight headers the clients of the ecosystem use; the refusal names them.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The header the page sends; any of PREFLIGHT_HEADERS will do. */
export const CSRF_HEADER = 'x-graphql-csrf';

/** Headers that make a browser preflight a request, as sent by the clients of the ecosystem. */
export const PREFLIGHT_HEADERS = [CSRF_HEADER, 'graphql-preflight', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-graphql-yoga-csrf'] as const;

const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** True when a browser would send this request cross-site without asking the server first. */
export function formCouldSend(method: string, contentType: string | null): boolean {
  if (method !== 'POST') return false;
  if (!contentType) return true;
  const type = contentType.toLowerCase();
  return FORM_CONTENT_TYPES.some((t) => type.startsWith(t));
}

export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!formCouldSend(request.method, request.headers.get('content-type'))) return;
      if (PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return;
      throw createGraphQLError(
        `This POST has a content type a cross-site form can send (${request.headers.get('content-type') ?? 'none'}). ` +
          `Send it as content-type: application/json, or add the header "${CSRF_HEADER}: 1" (any of ${PREFLIGHT_HEADERS.join(', ')} will do). GET needs neither.`,
        { extensions: { code: 'CSRF_PREFLIGHT_REQUIRED', header: CSRF_HEADER, http: { status: 403 } } },
      );
    },
  };
}
