/**
 * A passage: a span of an article that full-text search returns, with what it
 * ties to in the graph. Plain data, no engine or GraphQL types.
 */

/** Where a passage's words come from. */
export const PASSAGE_KINDS = ['sentence', 'quote', 'summary'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

export interface Passage {
  /** Stable within one load: `article:start-end`, or `summary:entity` for a summary. */
  id: string;
  /**
   * sentence: one sentence of an article. quote: an evidence quote or a
   * statement's words that run over more than one sentence, kept whole so a
   * phrase across the sentence break still matches. summary: an entity's
   * summary; `article`, `start` and `end` then point at the entity's first
   * evidence quote, the words in the article the summary rests on.
   */
  kind: PassageKind;
  article: string;
  text: string;
  /** Character offsets into the article's text: `text.slice(start, end)` (for a summary: its evidence). */
  start: number;
  end: number;
  /** Entity ids, the ones the passage is most about first (see passage-links.ts). */
  entities: string[];
  /** Ids of relations with an evidence quote overlapping the passage. */
  relations: string[];
  /** Ids of statements whose evidence overlaps the passage. */
  statements: string[];
  /** For a summary: the entity it summarises. */
  summaryOf: string | null;
  /** Relevance (BM25+ of the folded, stemmed words); comparable within one search only. */
  score: number;
  /** The query's words (folded) and "phrases" the passage holds as typed or inflected. */
  matched: string[];
  /** The query's words the passage holds only as a typo's correction or a prefix's completion. */
  corrected: string[];
}

export interface PassageSearchOptions {
  /** At most this many passages. @default 10 */
  first?: number;
  /** Only these kinds. @default all */
  kinds?: readonly PassageKind[];
  /** The last word may be one still being typed: words it begins stand in for it. @default true */
  prefix?: boolean;
}
