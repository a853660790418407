/**
 * The Neo4j seam of CypherStore, through neo4j-driver. Reads and writes run
 * as managed transactions (executeRead/executeWrite) on the named database;
 * driver errors are translated by code at this boundary (errors.ts).
 */
import neo4j, { type Driver, type ManagedTransaction, type Path } from 'neo4j-driver';
import { fold } from '../../domain/text.js';
import type { Entity, EntityKind, Story } from '../../domain/types.js';
import { readStatements, statementsOf } from '../cypher-files.js';
import type { CypherEngine, Params, PathRows, Row, Run } from '../cypher-engine.js';
import { entityFromProps } from '../decode.js';
import { rankByName } from '../ranking.js';
import { storyRecords } from '../records.js';
import type { GraphSummary } from '../summary.js';
import { pathRows, propertiesOf, toNative } from './driver-values.js';
import { isUnreachable, translateError } from './errors.js';
import { fulltextQuery } from './fulltext.js';

type Mode = 'READ' | 'WRITE';

const cypher = statementsOf('neo4j');
/** Every schema-*.cypher file: constraints and indexes, each idempotent (IF NOT EXISTS). */
const SCHEMA = Object.keys(readStatements('neo4j')).filter((name) => name.startsWith('schema-'));
const CANDIDATES = 1000;
const INDEX_WAIT_SECONDS = 300;
const SUMMARY_KEY = 'graph';

export interface Neo4jEngineOptions {
  /** Named on every session, so the driver never has to ask which is the default. @default 'neo4j' */
  database?: string;
  /** Server-side timeout of each read transaction. @default 10000 */
  queryTimeoutMs?: number;
  /** Rows per UNWIND batch in load. @default 5000 */
  batchSize?: number;
}

export class Neo4jEngine implements CypherEngine {
  readonly name = 'neo4j';
  /** Several server replicas may share one Neo4j: the summary is read with every page. */
  readonly soleWriter = false;
  readonly filterTwins = false;
  private schemaReady = false;
  /**
   * False until the server has answered, and again after it was found
   * unreachable. While false, a call first makes one connection attempt
   * (milliseconds when the port is closed) and fails at once with
   * GraphUnavailable, instead of letting the driver retry for a second or
   * more on every request while Neo4j is down.
   */
  private reachable = false;
  private readonly database: string;
  private readonly queryTimeoutMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly driver: Driver,
    { database = 'neo4j', queryTimeoutMs = 10000, batchSize = 5000 }: Neo4jEngineOptions = {},
  ) {
    this.database = database;
    this.queryTimeoutMs = queryTimeoutMs;
    this.batchSize = Math.max(1, batchSize);
  }

  /** One read transaction; its statements run one after another, as a transaction is one connection. */
  read<T>(work: (run: Run) => Promise<T>): Promise<T> {
    return this.transact('READ', (tx) => {
      let queue: Promise<unknown> = Promise.resolve();
      const run: Run = (name, params) => {
        const next = queue.then(() => runIn(tx, name, params));
        queue = next.catch(() => undefined);
        return next;
      };
      return work(run);
    });
  }

  int(n: number): unknown {
    return neo4j.int(n);
  }

  record(row: Row, column: string): Row {
    return propertiesOf(row[column]);
  }

  path(row: Row): PathRows {
    return pathRows(row.p as Path);
  }

  async search(text: string, kinds: readonly EntityKind[], first: number): Promise<Entity[]> {
    const q = fold(text);
    if (!q) return [];
    let rows: Row[];
    try {
      rows = await this.read((run) => run('search', { q, lucene: fulltextQuery(q), kinds: [...kinds], limit: neo4j.int(CANDIDATES) }));
    } catch (err) {
      // The full-text index is made by the first load: before it, nothing to find.
      if (/no such fulltext schema index/i.test(String((err as Error)?.message))) return [];
      throw err;
    }
    return rankByName(text, rows.map((r) => entityFromProps(this.record(r, 'e'))), first);
  }

  /**
   * All or nothing: one write transaction clears the graph and writes every
   * batch; any failure (or a batch that wrote fewer rows than it was given)
   * rolls the whole load back and readers keep the graph they had. No
   * client-side timeout: a large story may take a while.
   */
  async write(story: Story, summary: GraphSummary): Promise<void> {
    await this.ensureSchema();
    const records = storyRecords(story);
    const entities = records.entities.map((e) => ({ ...e, degree: neo4j.int(e.degree) }));
    await this.transact(
      'WRITE',
      async (tx) => {
        for (const name of ['clear-statements', 'clear-entities', 'clear-articles', 'clear-meta']) await runIn(tx, name);
        await writeBatches(tx, 'write-entities', entities, this.batchSize);
        await writeBatches(tx, 'write-articles', records.articles, this.batchSize);
        await writeBatches(tx, 'write-relations', records.relations, this.batchSize);
        await writeBatches(tx, 'write-mentions', records.mentions, this.batchSize);
        await writeBatches(tx, 'write-statements', records.statements, this.batchSize);
        await writeBatches(tx, 'write-statement-about', records.about, this.batchSize);
        await runIn(tx, 'write-meta', { key: SUMMARY_KEY, value: JSON.stringify(summary) });
      },
      null,
    );
  }

  /** Constraints and indexes, each in its own transaction (Neo4j does not mix schema and data writes). */
  private async ensureSchema(): Promise<void> {
    if (this.schemaReady) return;
    for (const name of SCHEMA) await this.transact('WRITE', (tx) => runIn(tx, name));
    await this.transact('WRITE', (tx) => runIn(tx, 'await-indexes', { seconds: neo4j.int(INDEX_WAIT_SECONDS) }), null);
    this.schemaReady = true;
  }

  /**
   * One attempt, no retry: this is the readiness probe, and it must say how
   * things are now. An auto-commit query rather than a managed transaction,
   * because managed transactions retry.
   */
  async ping(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(cypher('ping'), {}, { timeout: this.queryTimeoutMs });
      this.reachable = true;
    } catch (err) {
      throw this.translated(err);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * One managed transaction on the named database, errors translated.
   * `timeoutMs` null: no client-side timeout (the load, the index wait).
   */
  private async transact<T>(mode: Mode, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs: number | null = this.queryTimeoutMs): Promise<T> {
    if (!this.reachable) await this.probe();
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      const config = timeoutMs === null ? {} : { timeout: timeoutMs };
      const result = mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      this.reachable = true;
      return result;
    } catch (err) {
      throw this.translated(err);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async probe(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      this.reachable = true;
    } catch (err) {
      throw this.translated(err);
    }
  }

  private translated(err: unknown): Error {
    const out = translateError(err);
    if (isUnreachable(err)) this.reachable = false;
    return out;
  }
}

async function runIn(tx: ManagedTransaction, name: string, params: Params = {}): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((r) => r.toObject() as Row);
}

/** UNWIND batches inside the caller's transaction; a short count aborts (and so rolls back) the load. */
async function writeBatches(tx: ManagedTransaction, name: string, rows: readonly object[], size: number): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const [row] = await runIn(tx, name, { rows: batch });
    const written = toNative(row?.written);
    if (written !== batch.length) {
      throw new Error(`${name}: wrote ${String(written)} of ${batch.length} rows (a relation, mention or statement names an entity or article that is not in the story); nothing was loaded.`);
    }
  }
}
