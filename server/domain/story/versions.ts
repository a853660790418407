/**
 * Which version of the format a file is written in. A file says `"version": 2`
 * at its top; a file without it is version 1, read as the first format was:
 * every evidence STATED, SAID relations as statements. A version-1 file that
 * uses a version-2 field is refused rather than half-read: a "certainty" or a
 * Group read under version-1 rules would be silently dropped or overstated.
 */
import type { FormatVersion } from './format.js';

/** Fields only version 2 knows, wherever they appear in a file. */
const V2_FIELDS = new Set(['certainty', 'accordingTo', 'endDate', 'dateDerived', 'standsFor', 'valueMax', 'role', 'published', 'publishedDerived', 'statements']);
const V2_KINDS = new Set(['Group', 'Position']);

export function versionOf(raw: unknown): FormatVersion {
  return isObject(raw) && raw.version === 2 ? 2 : 1;
}

/** Problems of a version-1 file that uses version-2 fields or kinds: one per field, naming where it first appears. */
export function versionTwoFieldsIn(file: string, raw: unknown): string[] {
  const first = new Map<string, string>();
  const walk = (node: unknown, trail: string) => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${trail}[${i}]`));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = trail ? `${trail}.${key}` : key;
      // An explicit "certainty": "STATED" says what version 1 means anyway (a Story written back to files carries it).
      const v1Meaning = key === 'certainty' && value === 'STATED';
      if (V2_FIELDS.has(key) && !v1Meaning && !first.has(key)) first.set(key, at);
      if (key === 'kind' && typeof value === 'string' && V2_KINDS.has(value) && !first.has(value)) first.set(`kind ${value}`, at);
      walk(value, at);
    }
  };
  walk(raw, '');
  return [...first].map(
    ([field, at]) => `${file}: uses ${field.startsWith('kind ') ? `the ${field}` : `"${field}"`} (at ${at}), which only version 2 of the format knows: put "version": 2 at the top of the file (docs/story-format.md)`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
