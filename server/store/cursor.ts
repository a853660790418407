/** Opaque cursors for keyset paging: base64url of the last item's sort key. */
import { BadInput } from '../domain/errors.js';

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor == null || cursor === '') return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('k:')) throw new BadInput(`"after" is not a cursor this API gave out: pass the endCursor of a previous page.`);
  return raw.slice(2);
}
