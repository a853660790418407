/**
 * Who may change the story: a request bearing `Authorization: Bearer <token>`
 * equal to CURATOR_TOKEN, compared in constant time (SHA-256 of both sides,
 * then crypto.timingSafeEqual, so neither the content nor the length leaks
 * through timing). Reads never look at the header.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';

export type CuratorCheck = { ok: true; name: string } | { ok: false; code: 'CURATION_DISABLED' | 'UNAUTHENTICATED' | 'FORBIDDEN'; status: 401 | 403; message: string };

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function checkCurator(header: string | null, token: string | null, name: string): CuratorCheck {
  if (!token) return { ok: false, code: 'CURATION_DISABLED', status: 403, message: 'Curator mode is off: this server is read-only. Start it with CURATOR_TOKEN set to change the story.' };
  if (!header) return { ok: false, code: 'UNAUTHENTICATED', status: 401, message: 'Changing the story needs the curator token: send "Authorization: Bearer <token>".' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return { ok: false, code: 'UNAUTHENTICATED', status: 401, message: 'The Authorization header must read "Bearer <token>".' };
  if (!timingSafeEqual(digest(m[1]!), digest(token))) return { ok: false, code: 'FORBIDDEN', status: 403, message: 'The curator token is wrong: the story was not changed.' };
  return { ok: true, name };
}

/** Throws the refusal as a GraphQL error with its code and HTTP status. */
export function requireCurator(check: CuratorCheck): string {
  if (check.ok) return check.name;
  throw createGraphQLError(check.message, { extensions: { code: check.code, http: { status: check.status } } });
}
