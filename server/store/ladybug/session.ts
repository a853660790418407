/** One LadybugDB connection with its prepared statements, and the database's opening. */
import fs from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { openError } from './errors.js';

type Row = Record<string, unknown>;
type Params = Record<string, unknown>;

/**
 * The default maximum size (8 TiB) is reserved as address space at open; a
 * few such databases in one process exhaust it. 64 GiB is plenty here.
 */
const MAX_DB_BYTES = 2 ** 36;

export interface LadybugOptions {
  /** Database file; its folder is created. ":memory:" for a throwaway graph. */
  path: string;
  /** Open read-only (another process may hold the write lock). @default false */
  readOnly?: boolean;
  /** Connections used for reads in parallel. @default 4 */
  readers?: number;
  /** Per-query timeout in milliseconds. @default 30000 */
  queryTimeoutMs?: number;
  /**
   * The most memory, in MiB, the engine keeps database pages in (LADYBUG_BUFFER_POOL_MB).
   * LadybugDB's own default is 80% of the machine's memory, which it fills as a
   * graph is read and never gives back. 128 MiB was too little for the full-text
   * index's scan of a million relations (passage-relations.cypher) in one statement;
   * read in ranges it completes in 128 too, but the other reads at that size were
   * checked with 256 only. @default 256
   */
  bufferPoolMb?: number;
  /**
   * The same for the database a whole new graph is built in (replaceAll, npm run seed): a COPY
   * holds its uncommitted rows in the pool, and a million relations need about 1 GiB
   * (LADYBUG_LOAD_BUFFER_POOL_MB; 384 MiB failed with "buffer pool is full"). Released when the
   * build closes. A load in place (load()) has bufferPoolMb only. @default 1024
   */
  loadBufferPoolMb?: number;
  /**
   * A scan of every relation (the full-text index's, after open) reads the relations of
   * about this many sources at a time (LadybugEngine.scan); tests make it small. @default 100000
   */
  scanRangeRelations?: number;
}

export const DEFAULT_BUFFER_POOL_MB = 256;
export const DEFAULT_LOAD_BUFFER_POOL_MB = 1024;

/**
 * Rows of a finished query are converted on this thread, a batch at a time
 * with a yield between batches. Not the binding's getAll(): it awaits one
 * worker-pool round trip per row, about 0.35 ms each on this 2-core machine
 * (1,000 rows: 350 ms through getAll, 10 ms through getNextSync; 100,000
 * rows: 13 s against 0.4 s; bench scripts, 2026-12-01).
 */
const RUN_BATCH = 2000;

async function drain(result: lbug.QueryResult, onRow: (row: Row) => void, batch: number): Promise<void> {
  while (result.hasNext()) {
    for (let i = 0; i < batch && result.hasNext(); i++) onRow(result.getNextSync() as Row);
    if (result.hasNext()) await new Promise((resolve) => setImmediate(resolve));
  }
}

export class Session {
  private readonly prepared = new Map<string, Promise<lbug.PreparedStatement>>();
  constructor(readonly conn: lbug.Connection) {}

  async run(statement: string, params: Params = {}): Promise<Row[]> {
    let ps = this.prepared.get(statement);
    if (!ps) {
      ps = this.conn.prepare(statement);
      this.prepared.set(statement, ps);
    }
    const prepared = await ps;
    if (!prepared.isSuccess()) {
      this.prepared.delete(statement);
      throw new Error(prepared.getErrorMessage());
    }
    const result = await this.conn.execute(prepared, params as Record<string, lbug.LbugValue>);
    const results = Array.isArray(result) ? result : [result];
    try {
      const rows: Row[] = [];
      await drain(results[results.length - 1]!, (row) => rows.push(row), RUN_BATCH);
      return rows;
    } finally {
      // Open results keep the database (and its file lock) alive after close().
      for (const r of results) r.close();
    }
  }

  /**
   * Runs a statement and hands each row to `onRow` as it is read, a batch at a
   * time with a yield between batches: a scan of a million rows is never held
   * whole, and requests are served meanwhile.
   */
  async each(statement: string, params: Params, onRow: (row: Row) => void, batch = 20000): Promise<void> {
    const prepared = await this.conn.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await this.conn.execute(prepared, params as Record<string, lbug.LbugValue>);
    const results = Array.isArray(result) ? result : [result];
    try {
      await drain(results[results.length - 1]!, onRow, batch);
    } finally {
      for (const r of results) r.close();
    }
  }

  /** Runs a statement that cannot be prepared (COPY, transaction control, schema). */
  async raw(statement: string): Promise<void> {
    const result = await this.conn.query(statement);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }

  close(): Promise<void> {
    return this.conn.close().catch(() => undefined);
  }
}

/** Opens (creating when absent) the database file; ":memory:" for a throwaway one. */
export async function openDatabase(file: string, readOnly: boolean, bufferPoolMb = DEFAULT_BUFFER_POOL_MB): Promise<lbug.Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    const db = new lbug.Database(file, bufferPoolMb * 2 ** 20, true, readOnly, MAX_DB_BYTES);
    await db.init();
    return db;
  } catch (err) {
    throw openError(file, err);
  }
}

export async function connect(db: lbug.Database, queryTimeoutMs: number): Promise<Session> {
  const conn = new lbug.Connection(db);
  await conn.init();
  conn.setQueryTimeout(queryTimeoutMs);
  return new Session(conn);
}
