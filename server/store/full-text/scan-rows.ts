/**
 * The rows of the full-text scan statements (cypher/<dialect>/passage-*.cypher)
 * as what the index reads: the same for every engine, once their values are
 * plain JS (strings, numbers, arrays).
 */
import type { Article } from '../../domain/types.js';
import type { PassageStory } from './passage-index.js';

type Row = Record<string, unknown>;
type Quoted = { article: string; quote: string };

function json<T>(value: unknown, fallback: T): T {
  return typeof value === 'string' && value !== '' ? (JSON.parse(value) as T) : fallback;
}

const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

export function passageStoryOf(rows: { articles: readonly Article[]; entities: readonly Row[]; relations: readonly Row[]; statements?: readonly Row[] }): PassageStory {
  return {
    articles: rows.articles,
    entities: rows.entities.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      aliases: json<string[]>(r.aliases, []),
      summary: typeof r.summary === 'string' && r.summary !== '' ? r.summary : null,
      evidence: json<Quoted[]>(r.evidence, []),
    })),
    // One row per distinct evidence: its relations share the parsed quotes.
    relations: rows.relations.flatMap((r) => {
      const evidence = json<Quoted[]>(r.evidence, []);
      const [from, to] = [strings(r.froms), strings(r.tos)];
      return strings(r.ids).map((id, i) => ({ id, from: from[i]!, to: to[i]!, evidence }));
    }),
    statements: (rows.statements ?? []).map((r) => ({ id: String(r.id), speaker: String(r.speaker), words: String(r.words), evidence: json<Quoted[]>(r.evidence, []) })),
  };
}
