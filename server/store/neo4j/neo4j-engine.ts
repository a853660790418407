/**
 * The Neo4j seam of CypherStore, through neo4j-driver. Reads and writes run
 * as managed transactions (executeRead/executeWrite) on the named database;
 * driver errors are translated by code at this boundary (errors.ts).
 */
import os from 'node:os';
import neo4j, { type Driver, type ManagedTransaction, type Path } from 'neo4j-driver';
import { GraphUnavailable } from '../../domain/errors.js';
import { fold } from '../../domain/text.js';
import type { Entity, EntityKind, Story } from '../../domain/types.js';
import { readStatements, statementsOf } from '../cypher-files.js';
import type { CypherEngine, Params, PathRows, Row, Run } from '../cypher-engine.js';
import { entityFromProps } from '../decode.js';
import { rankByName } from '../ranking.js';
import { storyRecords } from '../records.js';
import { SUMMARY_KEY, type GraphSummary } from '../summary.js';
import { pathRows, propertiesOf, toNative } from './driver-values.js';
import { isUnreachable, translateError } from './errors.js';
import { loadGeneration } from './load-generation.js';
import { fulltextQuery } from './fulltext.js';
import { APP, describeEnded, processAlive, staleLoads, type LoadTag, type RunningLoad } from './stale-loads.js';

type Mode = 'READ' | 'WRITE';

const cypher = statementsOf('neo4j');
/** Every schema-*.cypher file: constraints and indexes, each idempotent (IF NOT EXISTS). */
const SCHEMA = Object.keys(readStatements('neo4j')).filter((name) => name.startsWith('schema-'));
const CANDIDATES = 1000;
/** Reads of one transaction, each on the generation then current, before a read gives up (read). */
const MAX_READ_ATTEMPTS = 3;
const INDEX_WAIT_SECONDS = 300;

export interface Neo4jEngineOptions {
  /** Named on every session, so the driver never has to ask which is the default. @default 'neo4j' */
  database?: string;
  /** Server-side timeout of each read transaction. @default 10000 */
  queryTimeoutMs?: number;
  /** Rows per UNWIND batch of a load, each batch its own transaction: what bounds a load's memory in Neo4j. @default 5000 */
  batchSize?: number;
  /**
   * Longest a load may run: Neo4j ends a load transaction older than this,
   * and the next load ends one (a dead process's) older than this. @default 3600000
   */
  loadTimeoutMs?: number;
  /**
   * How long a load waits after making its generation current before it
   * deletes the one it replaced. It is stored beside the current generation,
   * and a read that ends within half of it needs no check that its graph is
   * still whole (read). @default 1000
   */
  retireGraceMs?: number;
  /** Where the ending of an unfinished load is reported. @default console.warn */
  log?: (line: string) => void;
}

export class Neo4jEngine implements CypherEngine {
  readonly name = 'neo4j';
  /** Several server replicas may share one Neo4j: the summary is read with every page. */
  readonly soleWriter = false;
  readonly filterTwins = false;
  readonly nativeShortestPath = true;
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
  private readonly loadTimeoutMs: number;
  private readonly retireGraceMs: number;
  private readonly log: (line: string) => void;
  /** The reads in flight (each settles, never rejects). */
  private readonly reads = new Set<Promise<void>>();
  /** The last load's deletion of the generation it replaced. */
  private retiring: Promise<void> = Promise.resolve();

  constructor(
    private readonly driver: Driver,
    { database = 'neo4j', queryTimeoutMs = 10000, batchSize = 5000, loadTimeoutMs = 3_600_000, retireGraceMs = 1000, log = (line) => console.warn(line) }: Neo4jEngineOptions = {},
  ) {
    this.retireGraceMs = Math.max(0, retireGraceMs);
    this.database = database;
    this.queryTimeoutMs = queryTimeoutMs;
    this.batchSize = Math.max(1, batchSize);
    this.loadTimeoutMs = loadTimeoutMs;
    this.log = log;
  }

  /**
   * One read transaction on the generation that is current when it starts
   * (load-generation.ts): its first statement asks which, and every
   * statement after it gets it as $gen; they run one after another, as a
   * transaction is one connection. Tracked until it ends, so that a load
   * deletes the generation it replaced only after the reads begun on it; a
   * read that outlasts half the load's grace checks that its generation is
   * still whole, as a load of another process cannot wait for it.
   */
  read<T>(work: (run: Run) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const reading = this.transact('READ', async (tx) => {
      for (let attempt = 1; ; attempt++) {
        const began = performance.now();
        const [row] = await runIn(tx, 'generation');
        const gen = row?.gen ?? neo4j.int(-1);
        let queue: Promise<unknown> = Promise.resolve();
        const run: Run = (name, params) => {
          const next = queue.then(() => runIn(tx, name, { ...params, gen }));
          queue = next.catch(() => undefined);
          return next;
        };
        const out = await work(run);
        await queue;
        if (!(Number(toNative(gen)) >= 0)) return out;
        // The load that replaces this generation deletes it no sooner than its grace after the switch,
        // which came after this read's first statement: a read that ended well within the grace read
        // no deleted node. A longer one may have met a load of another process (or replica), which
        // cannot wait for it: it checks, and reads again on the generation now current (generation-whole.cypher).
        const grace = Number(toNative(row?.retireGraceMs) ?? 0);
        if (performance.now() - began < grace / 2) return out;
        if ((await runIn(tx, 'generation-whole', { gen, key: SUMMARY_KEY })).length > 0) return out;
        if (attempt === MAX_READ_ATTEMPTS) {
          throw new Error(`The graph was replaced ${attempt} times during one read; read again once the loads are done.`);
        }
      }
    }, options.timeoutMs ?? this.queryTimeoutMs);
    const settled = reading.then(() => undefined, () => undefined);
    this.reads.add(settled);
    void settled.then(() => this.reads.delete(settled));
    return reading;
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
   * All or nothing for readers, in memory bounded by the batch size: the
   * story is written as a new generation in committed batches, invisible to
   * readers until one small transaction makes it current; the replaced
   * generation is deleted afterwards (load-generation.ts). Any failure before
   * the switch leaves the old graph served. The load's transactions carry a
   * LoadTag and the load timeout, and an unfinished load of a process that is
   * gone is ended first (stale-loads.ts).
   */
  async write(story: Story, summary: GraphSummary, meanwhile?: () => void): Promise<void> {
    // The driver's batches need this thread, so the caller's work runs first; when it fails, nothing is written.
    meanwhile?.();
    await this.writeGeneration(story, summary);
  }

  private async writeGeneration(story: Story, summary: GraphSummary): Promise<void> {
    await this.retiring;
    await this.endStaleLoads();
    await this.ensureSchema();
    if (!this.reachable) await this.probe();
    try {
      const { retired } = await loadGeneration(storyRecords(story), JSON.stringify(summary), {
        driver: this.driver,
        database: this.database,
        timeoutMs: this.loadTimeoutMs,
        batchSize: this.batchSize,
        retireGraceMs: this.retireGraceMs,
        readsBefore: () => Promise.all([...this.reads]).then(() => undefined),
        log: this.log,
      });
      this.retiring = retired;
      this.reachable = true;
    } catch (err) {
      throw this.translated(loadError(err));
    }
  }

  /**
   * Ends the loads of this application still running in Neo4j whose process
   * is gone (or that ran past the load timeout), so that this load does not
   * wait behind their locks. On the member that takes writes (the leader of
   * a cluster), where a load runs. A refusal (no right to see or end other
   * transactions) is logged, and the load goes on.
   */
  private async endStaleLoads(): Promise<void> {
    let running: RunningLoad[];
    try {
      running = (await this.autoCommit('load-transactions', { database: this.database, app: APP })).map((r) => ({
        transactionId: String(r.transactionId),
        metaData: (toNative(r.metaData) ?? {}) as Partial<LoadTag>,
        ageSeconds: Number(toNative(r.ageSeconds)),
      }));
    } catch (err) {
      if (err instanceof GraphUnavailable) throw err;
      this.log(`Neo4j: could not list running loads (${(err as Error).message}); loading anyway.`);
      return;
    }
    const stale = staleLoads(running, { host: os.hostname(), alive: processAlive, maxAgeSeconds: Math.round(this.loadTimeoutMs / 1000) });
    if (stale.length === 0) return;
    let outcomes = new Map<string, string>();
    try {
      const rows = await this.autoCommit('terminate-transactions', { ids: stale.map((s) => s.transactionId) });
      outcomes = new Map(rows.map((r) => [String(r.transactionId), String(r.message)]));
    } catch (err) {
      if (err instanceof GraphUnavailable) throw err;
      outcomes = new Map(stale.map((s) => [s.transactionId, `could not be ended (${(err as Error).message})`]));
    }
    for (const s of stale) this.log(describeEnded(s, outcomes.get(s.transactionId) ?? 'no answer'));
  }

  /** One auto-commit statement on the member that takes writes: the transaction commands (SHOW, TERMINATE) run outside managed transactions. */
  private async autoCommit(name: string, params: Params): Promise<Row[]> {
    if (!this.reachable) await this.probe();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run(cypher(name), params, { timeout: this.queryTimeoutMs });
      return result.records.map((r) => r.toObject() as Row);
    } catch (err) {
      throw this.translated(err);
    } finally {
      await session.close().catch(() => undefined);
    }
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

  /** Lets the deletion of a replaced generation finish first (a seed process exits right after its load). */
  async close(): Promise<void> {
    await this.retiring;
    await this.driver.close();
  }

  /**
   * One managed transaction on the named database, errors translated.
   * `timeoutMs` (enforced by Neo4j) null: none (the index wait).
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

/** What a load's statements run in: a managed transaction, or the load's explicit one. */
type Tx = Pick<ManagedTransaction, 'run'>;

/** A load refused for lack of transaction memory, as an error that says what to change. */
function loadError(err: unknown): unknown {
  if ((err as { code?: unknown } | null)?.code !== 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') return err;
  return new Error(
    `Neo4j refused the load: one batch needs more memory than Neo4j allows one transaction (${(err as Error).message}). ` +
      'Each batch of 5,000 rows (or the batchSize given) is its own transaction: give Neo4j a larger heap ' +
      '(server.memory.heap.max_size; with npm run neo4j, NEO4J_HEAP) or raise db.memory.transaction.total.max. ' +
      'Nothing was loaded; the graph is unchanged.',
    { cause: err },
  );
}

async function runIn(tx: Tx, name: string, params: Params = {}): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((r) => r.toObject() as Row);
}

