/**
 * The scale store: CypherStore over Neo4j (server, cluster or Aura). Every
 * statement comes from cypher/neo4j/, one per file.
 *
 * Relations are stored as ONE relationship type, :RELATION, with the
 * vocabulary name (RELATION_TYPE_NAMES) in a `type` property, rather than one
 * relationship type per vocabulary name. Cypher cannot take a relationship
 * type as a parameter, so real types would mean splicing names into Cypher
 * text (one generated statement per type). With one type every statement is a
 * constant file that Neo4j's own linter checks as written, nothing from a
 * request or a data file ever becomes Cypher text, one uniqueness constraint
 * and one index on r.id serve lookups and keyset paging, and
 * `shortestPath(...-[:RELATION*..8]-...)` cannot wander through :MENTIONS,
 * :SPOKE or :ABOUT. The cost: Neo4j Browser shows "RELATION" on every edge
 * (r.type says which).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { CypherStore } from '../cypher-store.js';
import { Neo4jEngine, type Neo4jEngineOptions } from './neo4j-engine.js';

export interface Neo4jOptions extends Neo4jEngineOptions {
  /** bolt://host:7687, neo4j://host:7687 (routing), neo4j+s://xxxx.databases.neo4j.io (Aura). */
  uri: string;
  user: string;
  password: string;
  /** Longest wait for a TCP connection and its handshake. @default 3000 */
  connectionTimeoutMs?: number;
  /** How long a managed transaction is retried after a transient failure. @default 2000 */
  retryTimeoutMs?: number;
}

export class Neo4jStore extends CypherStore {
  /** Wraps a driver made elsewhere; close() closes it. Prefer Neo4jStore.open. */
  constructor(
    driver: Driver,
    options: Neo4jEngineOptions = {},
    private readonly location = 'Neo4j',
  ) {
    super(new Neo4jEngine(driver, options));
  }

  /**
   * Creates the process's one driver. Does not connect: the server starts and
   * answers /ready with 503 while Neo4j is down, and recovers when it is back.
   */
  static async open({ uri, user, password, database = 'neo4j', connectionTimeoutMs = 3000, retryTimeoutMs = 2000, queryTimeoutMs = 10000, batchSize, loadTimeoutMs, log }: Neo4jOptions): Promise<Neo4jStore> {
    let driver: Driver;
    try {
      driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
        connectionTimeout: connectionTimeoutMs,
        maxTransactionRetryTime: retryTimeoutMs,
        // Waiting for a pooled connection is bounded too (the driver's default is a minute).
        connectionAcquisitionTimeout: connectionTimeoutMs + queryTimeoutMs,
        userAgent: 'story-graph-explorer',
      });
    } catch (err) {
      throw new Error(`NEO4J_URI "${uri}" is not a Neo4j address (${err instanceof Error ? err.message : String(err)}); use bolt://host:7687, neo4j://host:7687 or neo4j+s://<id>.databases.neo4j.io`, { cause: err });
    }
    return new Neo4jStore(driver, { database, queryTimeoutMs, batchSize, loadTimeoutMs, log }, `Neo4j at ${redact(uri)} (database "${database}")`);
  }

  override toString(): string {
    return this.location;
  }
}

/** The URI without credentials, for logs and toString. */
function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}
