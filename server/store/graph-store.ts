/**
 * The GraphStore port: the only way to the data. Methods speak the domain.
 * CypherStore (cypher-store.ts) implements it once for both Cypher engines,
 * over the small seams in ladybug/ and neo4j/ and the statements of their
 * dialect folder under cypher/; MemoryStore (memory/) implements it over
 * plain maps. Nothing above this file knows which engine runs or what Cypher is.
 */
import type { Passage, PassageSearchOptions } from '../domain/passage.js';
import type { Article, Direction, Entity, EntityKind, Page, Relation, Stats, Statement, Story, Subgraph } from '../domain/types.js';

export interface LoadSummary {
  entities: number;
  relations: number;
  articles: number;
  mentions: number;
  milliseconds: number;
}

export interface SearchOptions {
  kinds?: readonly EntityKind[];
  first?: number;
}

export interface PageOptions {
  first: number;
  /** Cursor from a previous page's endCursor. */
  after?: string | null;
}

export interface RelationFilter {
  direction?: Direction;
  types?: readonly string[] | null;
  /** At most this many relations per entity. */
  first?: number;
}

export interface SubgraphFilter {
  kinds?: readonly EntityKind[] | null;
  types?: readonly string[] | null;
  /** Node limit; the result says `truncated` when it was reached. */
  limit: number;
}

export interface StatementFilter {
  /** Entity id of who spoke. */
  speaker?: string | null;
  /** Entity id the statement is about. */
  about?: string | null;
  first: number;
}

/** Any stored record by its id (ids are unique across entities, relations, statements and articles). */
export type StoredNode =
  | { type: 'Entity'; record: Entity }
  | { type: 'Relation'; record: Relation }
  | { type: 'Statement'; record: Statement }
  | { type: 'Article'; record: Article };

export interface GraphStore {
  /** Which engine answers: shown by /ready and the stats. */
  readonly engine: string;

  /** Replaces the whole graph with this story, atomically: all or nothing. Readers keep the old graph meanwhile. */
  load(story: Story): Promise<LoadSummary>;
  /**
   * Replaces the whole graph so that even a process killed at any moment
   * leaves the old graph or the new one, whole (what the seed uses).
   * LadybugDB builds a new file and renames it over the old one, so the
   * store must not be serving reads meanwhile; the others load in one
   * transaction, as load does.
   */
  replaceAll(story: Story): Promise<LoadSummary>;
  /** Resolves when the database answers a trivial query; throws GraphUnavailable otherwise. */
  ping(): Promise<void>;
  /**
   * What the store is still building after it opened or loaded so that reads
   * run at full speed (in-memory indexes, the full-text index of a graph it
   * did not load), settling when that is done; null when there is nothing to
   * wait for. /ready waits on it, so a balancer sends no visitor to a cold
   * server. Failures are the store's own business (reads then fall back).
   */
  warming?(): Promise<void> | null;
  close(): Promise<void>;

  entity(id: string): Promise<Entity | null>;
  /** Entities in the order of `ids`, null where unknown (for batching). */
  entitiesByIds(ids: readonly string[]): Promise<(Entity | null)[]>;
  /** Names and aliases, case- and diacritics-folded, typo-tolerant, best match first. */
  search(text: string, options?: SearchOptions): Promise<Entity[]>;
  entities(kind: EntityKind | null, page: PageOptions): Promise<Page<Entity>>;
  relations(types: readonly string[] | null, page: PageOptions): Promise<Page<Relation>>;
  relationsByIds(ids: readonly string[]): Promise<(Relation | null)[]>;
  /** Relations touching each of `entityIds`, keyed by entity id (for batching). */
  relationsOf(entityIds: readonly string[], filter?: RelationFilter): Promise<Map<string, Relation[]>>;

  /** The overview: highest-degree entities first, with the relations among them. */
  graph(filter: SubgraphFilter): Promise<Subgraph>;
  /** Entities within `depth` relations of `id` (1..3), with the relations among them. */
  neighbourhood(id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph>;
  /** The shortest undirected path, or null when none of at most maxLength relations exists. */
  shortestPath(from: string, to: string, maxLength: number): Promise<Subgraph | null>;
  /** Events with a date, oldest first. */
  timeline(): Promise<Entity[]>;

  articles(): Promise<Article[]>;
  articlesByIds(ids: readonly string[]): Promise<(Article | null)[]>;
  /** Article ids mentioning each entity, keyed by entity id. */
  mentionedIn(entityIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Entity ids each article mentions, keyed by article id. */
  articleEntities(articleIds: readonly string[]): Promise<Map<string, string[]>>;

  /** Statements by speaker and/or subject (all without either), by date (undated last), then id. */
  statements(filter: StatementFilter): Promise<Statement[]>;
  statementsByIds(ids: readonly string[]): Promise<(Statement | null)[]>;
  /** Records of any type in the order of `ids`, null where unknown. */
  nodesByIds(ids: readonly string[]): Promise<(StoredNode | null)[]>;

  /**
   * Full text (server/store/full-text): the best passages (sentences, quotes
   * over a sentence break, summaries) for words or "quoted phrases", best
   * first, from an index kept in step with the graph.
   */
  passages(text: string, options?: PassageSearchOptions): Promise<Passage[]>;

  relationTypes(): Promise<string[]>;
  stats(): Promise<Stats>;
}
