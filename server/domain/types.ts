/** The domain objects every layer speaks: plain data, no engine or GraphQL types. */
export type EntityKind = 'Person' | 'Organisation' | 'Country' | 'Event' | 'Place';

export interface Evidence {
  article: string;
  quote: string;
}

/** A figure an article states, e.g. 52 "political prisoners released". */
export interface Claim {
  measure: string;
  value: number;
  qualifier?: string | null;
  evidence: Evidence[];
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  summary: string | null;
  date: string | null;
  evidence: Evidence[];
  claims: Claim[];
  degree: number;
}

export interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  date: string | null;
  note: string | null;
  evidence: Evidence[];
}

export interface Article {
  id: string;
  title: string;
  text: string;
  url?: string | null;
  source?: string | null;
}

export interface Subgraph {
  nodes: Entity[];
  edges: Relation[];
  /** True when a limit cut the result short. */
  truncated: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the last item, to pass as `after`. */
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface Stats {
  entities: number;
  relations: number;
  articles: number;
  byKind: { kind: EntityKind; count: number }[];
  byRelationType: { type: string; count: number }[];
}

/** A whole validated story, ready to load: what the seed hands the store. */
export interface Story {
  entities: Omit<Entity, 'degree'>[];
  relations: Relation[];
  articles: Article[];
  /** article id -> ids of the entities it mentions */
  mentions: { article: string; entity: string }[];
}

export type Direction = 'OUT' | 'IN' | 'BOTH';
