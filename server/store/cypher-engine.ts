/**
 * The seam between CypherStore and one Cypher engine: only what truly differs
 * between LadybugDB and Neo4j. The store names a statement (a file of
 * cypher/<dialect>/), the engine runs it and hands back rows whose node and
 * relationship values it can turn into plain properties. Everything else
 * (the algorithms, paging, ordering, decoding of properties) is written once,
 * in cypher-store.ts.
 */
import type { Entity, EntityKind, Story } from '../domain/types.js';
import type { GraphIndex } from './graph-index.js';
import type { GraphSummary } from './summary.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Runs one named statement of the engine's dialect folder and returns its rows. */
export type Run = (name: string, params?: Params) => Promise<Row[]>;

/** A path as the engine returned it: its nodes' properties, and each relation's with the ids of its stored ends. */
export interface PathRows {
  nodes: Row[];
  relations: { properties: Row; from: string; to: string }[];
}

export interface CypherEngine {
  /** 'ladybug' or 'neo4j': shown by /ready and the stats. */
  readonly name: string;
  /**
   * True when only this process writes the database (LadybugDB holds its
   * file's lock): the graph summary is then read once and kept, instead of
   * read with every page (Neo4j: another replica may have loaded a story).
   */
  readonly soleWriter: boolean;
  /**
   * True when the dialect has a faster twin `<name>-typed` of a statement for
   * the filtered case (LadybugDB scans every relation when even an
   * always-true filter on a list parameter is present); false when one
   * statement takes an empty list for "no filter" (Neo4j).
   */
  readonly filterTwins: boolean;
  /**
   * True when the engine's own bounded shortest path (`shortest-path`) runs
   * in bounded memory and one round trip (Neo4j's bidirectional search);
   * false when the store walks it statement by statement (LadybugDB:
   * shortest-walk.ts says why).
   */
  readonly nativeShortestPath: boolean;

  /**
   * Runs `work` as one read. Neo4j: one managed read transaction, its
   * statements one after another. LadybugDB: each statement on the next
   * connection of the reader pool, so statements `work` starts together run
   * in parallel. `timeoutMs` replaces the per-query timeout for a read that
   * is not a reader's request (the full-text index's scan of a big graph
   * takes longer than any request may).
   */
  read<T>(work: (run: Run) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** An integer parameter as the engine needs it (a JS number reaches Neo4j as a float, which LIMIT refuses). */
  int(n: number): unknown;
  /**
   * The stored properties of the record in `column` of a row (e, r, a or s),
   * as plain JS values: a node or relationship value, or the row itself
   * where the statement returns the properties as columns (LadybugDB's
   * faster shape, see cypher/ladybug/entities-by-ids.cypher).
   */
  record(row: Row, column: string): Row;
  /**
   * The graph's shape in memory (graph-index.ts), for an engine that cannot
   * expand a set of ids through its index (LadybugDB): the neighbourhood and
   * the shortest path then walk it, and ask the engine only for records.
   * Absent where the engine walks well itself (Neo4j); null when it could
   * not be built, and the store then asks statement by statement.
   */
  graphIndex?(): Promise<GraphIndex | null>;
  /**
   * Runs a statement and hands its rows to `onRow` a batch at a time, for a scan of the whole graph that
   * should not be held as rows (LadybugDB). Absent where `read` is the way (Neo4j: the scan belongs in
   * the read transaction of the statements beside it, for one generation).
   */
  scan?(name: string, onRow: (row: Row) => void): Promise<void>;
  /** The path of a shortest-path row. */
  path(row: Row): PathRows;
  /** Entities matching a name or alias, best first (LadybugDB: an in-memory index; Neo4j: its full-text index). */
  search(text: string, kinds: readonly EntityKind[], first: number): Promise<Entity[]>;
  /**
   * Replaces the whole graph with this story, all or nothing for readers (LadybugDB: one write transaction;
   * Neo4j: a new generation written in batches and switched to in one transaction); nothing changes when it fails.
   * `meanwhile`: the caller's own work for this thread (the full-text index), run once while the engine works
   * without it (LadybugDB: during the relations' COPY; Neo4j, whose batches need this thread: first). When it
   * throws, nothing is written and its error is the write's.
   */
  write(story: Story, summary: GraphSummary, meanwhile?: () => void): Promise<void>;
  /** One trivial query; throws GraphUnavailable when the database does not answer. */
  ping(): Promise<void>;
  /** The in-memory indexes still being built (see GraphStore.warming), or null. */
  warming?(): Promise<void> | null;
  close(): Promise<void>;
}
