/**
 * The domain objects every layer speaks: plain data, no engine or GraphQL types.
 *
 * Story format version 2 (docs/story-format.md) adds: how sure each piece of
 * evidence is and who says so (certainty, accordingTo), the kinds Group and
 * Position, statements as records of their own, spans and derived dates,
 * roles on participation, and article publication data. A version-1 story
 * reads into the same objects (every evidence STATED, SAID edges as statements).
 */

/** The single list of entity kinds, in the order the page's legend shows them. */
export const ENTITY_KINDS = ['Person', 'Group', 'Organisation', 'Position', 'Country', 'Place', 'Event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How an article supports a fact, strongest first. */
export const CERTAINTIES = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export interface Evidence {
  article: string;
  quote: string;
  /** STATED when the story file says nothing (every version-1 story). */
  certainty: Certainty;
  /** Entity id of whom the article attributes the fact to (required when ATTRIBUTED). */
  accordingTo?: string | null;
}

/** A figure an article states, e.g. 52 "political prisoners released". */
export interface Claim {
  /** Optional id (version 2), unique across every record of the story. */
  id?: string | null;
  measure: string;
  value: number;
  /** Upper end when the text gives a range ("six or seven"). */
  valueMax?: number | null;
  qualifier?: string | null;
  evidence: Evidence[];
}

/** A date worked out from relative wording ("on the eve of", "said Friday"): the one-line reason. */
export type DateDerived = string | null;

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  summary: string | null;
  /** ISO date as precise as the text allows (events); the start of a span. */
  date: string | null;
  /** The end of a span ("since July 2023" has a date and no end). */
  endDate?: string | null;
  dateDerived?: DateDerived;
  /** For a Place used for a government ("Minsk" for Belarus): the entity it stands for. */
  standsFor?: string | null;
  evidence: Evidence[];
  claims: Claim[];
  degree: number;
}

/** Roles on participation, where the article says so. */
export const ROLES = ['participant', 'organiser', 'target', 'defendant', 'beneficiary', 'host', 'mediator'] as const;
export type Role = (typeof ROLES)[number];

export interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  date: string | null;
  endDate?: string | null;
  dateDerived?: DateDerived;
  /** Role of `from` in `to` (PARTICIPATED_IN and the like). */
  role?: Role | null;
  note: string | null;
  evidence: Evidence[];
}

/** What someone said, as a record of its own. */
export interface Statement {
  id: string;
  speaker: string;
  /** Verbatim from the article: the quotation or the reported speech. */
  words: string;
  date: string | null;
  dateDerived?: DateDerived;
  /** Where it was said: "news conference", "X", "Telegram", "statement to Reuters". */
  channel: string | null;
  /** Entity ids the statement is about. */
  about: string[];
  /** Entity ids of who relayed it (BelTA, AP, Reuters). */
  reportedBy: string[];
  evidence: Evidence[];
}

export interface Article {
  id: string;
  title: string;
  text: string;
  url?: string | null;
  /** The outlet, where the text or the curator's record names it. */
  source?: string | null;
  /** ISO date of publication where the text allows. */
  published?: string | null;
  publishedDerived?: DateDerived;
}

export interface Subgraph {
  nodes: Entity[];
  edges: Relation[];
  /** True when a limit cut the result short. */
  truncated: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of each item (cursors[i] is items[i]'s), to pass as `after`. */
  cursors: string[];
  /** Opaque cursor of the last item, to pass as `after`. */
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface Stats {
  entities: number;
  relations: number;
  articles: number;
  statements?: number;
  byKind: { kind: EntityKind; count: number }[];
  byRelationType: { type: string; count: number }[];
}

/** A whole validated story, ready to load: what the seed hands the store. */
export interface Story {
  /** The newest format version among the files read (1 or 2). */
  version?: 1 | 2;
  /** Data file name -> the format version it was read as. */
  fileVersions?: Record<string, 1 | 2>;
  entities: Omit<Entity, 'degree'>[];
  /**
   * The relations of the files, plus one SAID edge per speaker and subject
   * derived from the statements (so the page draws who spoke about whom); a
   * version-1 file's SAID relations are read as statements first.
   */
  relations: Relation[];
  statements?: Statement[];
  articles: Article[];
  /** article id -> ids of the entities it mentions */
  mentions: { article: string; entity: string }[];
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** The strongest certainty among a record's evidence (STATED > ATTRIBUTED > UNCONFIRMED > PLANNED). */
export function strongestCertainty(evidence: readonly { certainty?: Certainty | null }[]): Certainty {
  let best = CERTAINTIES.length - 1;
  for (const e of evidence) best = Math.min(best, CERTAINTIES.indexOf(e.certainty ?? 'STATED'));
  return CERTAINTIES[best]!;
}
