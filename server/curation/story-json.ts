/**
 * Story files as a person reviews them: records keep their place in the file,
 * keys come in the order of the format (docs/story-format.md), two-space
 * indentation and a final newline, so a `git diff` of the data folder shows
 * the change and nothing else.
 */

/** Key order of each kind of record; keys not listed keep their own order after these. */
const KEY_ORDER: Record<string, readonly string[]> = {
  file: ['version', 'articles', 'entities', 'relations', 'statements'],
  article: ['id', 'title', 'url', 'source', 'published', 'publishedDerived'],
  entity: ['id', 'kind', 'name', 'aliases', 'summary', 'date', 'endDate', 'dateDerived', 'standsFor', 'evidence', 'claims'],
  relation: ['id', 'from', 'type', 'to', 'date', 'endDate', 'dateDerived', 'role', 'note', 'evidence'],
  statement: ['id', 'speaker', 'words', 'date', 'dateDerived', 'channel', 'about', 'reportedBy', 'evidence'],
  claim: ['id', 'measure', 'value', 'valueMax', 'qualifier', 'evidence'],
  evidence: ['article', 'quote', 'certainty', 'accordingTo'],
};

const LIST_KIND: Record<string, string> = { articles: 'article', entities: 'entity', relations: 'relation', statements: 'statement', claims: 'claim', evidence: 'evidence' };

function ordered(value: unknown, kind: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, kind));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const order = (kind && KEY_ORDER[kind]) || [];
  const keys = [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, ordered(record[k], LIST_KIND[k])]));
}

/** The text of a data file: format key order, two-space JSON, final newline. */
export function storyFileText(doc: unknown): string {
  return `${JSON.stringify(ordered(doc, 'file'), null, 2)}\n`;
}

/** Any other JSON file of the curation folder (queue, redirects). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
