/**
 * The LadybugDB seam of CypherStore: LadybugDB (the maintained fork of Kuzu)
 * in process, persisted in one file. Reads spread over a pool of
 * connections, so statements started together run in parallel; loads go
 * through CSV files and COPY inside one transaction on the writer: all or
 * nothing, and fast. Names are searched in an in-memory index (LadybugDB's
 * full-text search is an extension it would download).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type lbug from '@ladybugdb/core';
import type { Entity, EntityKind, Story } from '../../domain/types.js';
import { splitStatements, statementsOf } from '../cypher-files.js';
import type { CypherEngine, Params, PathRows, Row, Run } from '../cypher-engine.js';
import { entityFromProps, parseJson } from '../decode.js';
import { GraphIndexBuilder, type GraphIndex } from '../graph-index.js';
import { lazyMap } from '../lists.js';
import { NameIndex, type NameRow } from '../name-index.js';
import { recordsBesideRelations, relationRecord } from '../records.js';
import type { GraphSummary } from '../summary.js';
import { tableRows, writeCsv, type Table } from './csv.js';
import { translate } from './errors.js';
import { connect, openDatabase, type LadybugOptions, type Session } from './session.js';

const cypher = statementsOf('ladybug');

/** A ranged scan (scan()) reads the relations of about this many sources at a time. */
const SCAN_RANGE_RELATIONS = 100_000;
/** The writer's timeout: long enough for any COPY, short enough to free a wedged writer. */
const WRITE_TIMEOUT_MS = 30 * 60 * 1000;
/** Cleared relationship tables first: LadybugDB refuses to delete a node that still has relationships. */
/** The order of the COPYs: node tables before the relationships between them, the entities right before the relations (the relations' file is written while they load), meta last. */
const COPY_ORDER: readonly Table[] = ['articles', 'statements', 'entities', 'relations', 'mentions', 'spoke', 'about', 'meta'];

const CLEAR = ['clear-relations', 'clear-mentions', 'clear-spoke', 'clear-about', 'clear-statements', 'clear-entities', 'clear-articles', 'clear-meta'];

export class LadybugEngine implements CypherEngine {
  readonly name = 'ladybug';
  readonly soleWriter = true;
  readonly filterTwins = true;
  readonly nativeShortestPath = false;
  private next = 0;
  /** The in-memory indexes of the committed graph, built from one scan (indexes() below); dropped by every load. */
  private shape: Promise<{ names: NameIndex; graph: GraphIndex }> | null = null;
  /** The builds that finished (weakly held: a replaced one is forgotten with its promise). */
  private readonly built = new WeakSet<Promise<unknown>>();
  /** Statements running now: close() waits for them (a database closed under a running query is released later, in the background, and may delete the write-ahead log of the next open of the same file). */
  private readonly running = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly db: lbug.Database,
    private readonly writer: Session,
    private readonly readers: Session[],
    private readonly scanRangeRelations: number,
  ) {}

  /** Opens (creating when absent) the database and its schema. */
  static async open({ path: file, readOnly = false, readers = 4, queryTimeoutMs = 30000, bufferPoolMb, scanRangeRelations = SCAN_RANGE_RELATIONS }: LadybugOptions): Promise<LadybugEngine> {
    const db = await openDatabase(file, readOnly, bufferPoolMb);
    // The per-query timeout protects readers; a load's COPY of a million relations runs longer than
    // a read ever should (over 10 s on the shared 2-core machine), and a load cut short is wasted.
    const writer = await connect(db, Math.max(queryTimeoutMs, WRITE_TIMEOUT_MS));
    const pool = await Promise.all(Array.from({ length: Math.max(1, readers) }, () => connect(db, queryTimeoutMs)));
    const engine = new LadybugEngine(db, writer, pool, scanRangeRelations);
    if (!readOnly) for (const statement of splitStatements(cypher('schema'))) await writer.raw(statement);
    return engine;
  }

  /**
   * No transaction: each statement runs on the next connection of the pool, so `work` may run several at once.
   * A longer `timeoutMs` is not honoured: a connection's timeout is shared by every request on it (the full-text
   * scan of a million relations finished inside the default in the benchmark runs).
   */
  read<T>(work: (run: Run) => Promise<T>): Promise<T> {
    return work((name, params) => this.runOnReader(name, params));
  }

  private runOnReader(name: string, params: Params = {}): Promise<Row[]> {
    if (this.closing) return Promise.reject(translate(new Error('Database is closed.')));
    this.next = (this.next + 1) % this.readers.length;
    const running = this.readers[this.next]!.run(cypher(name), params).catch((err) => {
      throw translate(err);
    });
    this.running.add(running);
    const done = () => this.running.delete(running);
    running.then(done, done);
    return running;
  }

  int(n: number): number {
    return n;
  }

  /** A node or relationship comes back as a plain object (with _id and _label beside the properties); the hot statements return the properties as columns. */
  record(row: Row, column: string): Row {
    const value = row[column];
    return value !== null && typeof value === 'object' ? (value as Row) : row;
  }

  path(row: Row): PathRows {
    const nodes = row.nodes as Row[];
    const idOf = new Map(nodes.map((n) => [internalId(n._id), String(n.id)]));
    const relations = (row.rels as Row[]).map((r) => ({ properties: r, from: idOf.get(internalId(r._src))!, to: idOf.get(internalId(r._dst))! }));
    return { nodes, relations };
  }

  async search(text: string, kinds: readonly EntityKind[], first: number): Promise<Entity[]> {
    const ids = (await this.nameIndex()).find(text, kinds, first);
    if (ids.length === 0) return [];
    const rows = await this.runOnReader('entities-by-ids', { ids });
    const byId = new Map(rows.map((r) => [String(r.id), entityFromProps(this.record(r, 'e'))]));
    return ids.map((id) => byId.get(id)).filter((e): e is Entity => e !== undefined);
  }

  /** Null when it cannot be built (a scan timed out on a loaded machine, say): the store then asks statement by statement, and the next call tries again. */
  graphIndex(): Promise<GraphIndex | null> {
    return this.indexes().then(
      (i) => i.graph,
      () => null,
    );
  }

  private nameIndex(): Promise<NameIndex> {
    return this.indexes().then((i) => i.names);
  }

  /** The in-memory indexes still being built, settling (never failing) when they are; null once built or failed. */
  warming(): Promise<void> | null {
    const shape = this.shape;
    return shape && !this.built.has(shape) ? shape.then(() => undefined, () => undefined) : null;
  }

  /** Starts building the in-memory indexes, so the first request need not wait for them. */
  warm(): void {
    this.indexes().catch(() => undefined); // the next request tries again
  }

  /** Built on first use from one scan of the entities and one of the relations, streamed (a million relations are never held as rows). */
  private indexes(): Promise<{ names: NameIndex; graph: GraphIndex }> {
    if (this.shape) return this.shape;
    const building = (async () => {
      const builder = new GraphIndexBuilder();
      const at = new Map<number, number>();
      const names: NameRow[] = [];
      await this.stream('graph-index-entities', (r) => {
        const [id, kind, degree] = [String(r.id), r.kind as EntityKind, Number(r.degree)];
        at.set(Number(r.at), builder.entity(id, kind, degree, Number(r.at)));
        names.push({ id, kind, name: String(r.name), aliases: parseJson<string[]>(r.aliases, []), degree });
      });
      await this.stream('graph-index-relations', (r) => {
        const [a, b] = [at.get(Number(r.a)), at.get(Number(r.b))];
        if (a !== undefined && b !== undefined) builder.relation(a, b, String(r.type)); // else a load committed between the two scans: write() drops this build
      });
      return { names: new NameIndex(names), graph: builder.build() };
    })();
    this.shape = building;
    building.then(
      () => void this.built.add(building),
      () => {
        if (this.shape === building) this.shape = null;
      },
    );
    return building;
  }

  /**
   * A scan of every row, streamed. A statement that takes `$lo` and `$hi`
   * (the range of its source entities' offsets) is read range by range, each
   * range the sources of about `scanRangeRelations` relations
   * (GraphIndex.keyRanges): LadybugDB builds a statement's whole result
   * before the first row is read, and a million relations' rows at once
   * raised the resident size by about 250 MiB (ranges: about 60 MiB).
   */
  async scan(name: string, onRow: (row: Row) => void): Promise<void> {
    if (!/\$lo\b/.test(cypher(name))) return this.stream(name, onRow);
    const index = await this.graphIndex();
    const ranges = index ? index.keyRanges(this.scanRangeRelations) : await this.offsetWindows();
    for (const [lo, hi] of ranges) await this.stream(name, onRow, { lo, hi });
  }

  /** Without the graph index (its build failed): windows of a tenth as many entity offsets as a range's relations. */
  private async offsetWindows(): Promise<[number, number][]> {
    const [row] = await this.runOnReader('entity-offset-max', {});
    const max = row?.max === null || row?.max === undefined ? -1 : Number(row.max);
    const windows: [number, number][] = [];
    const size = Math.max(1, Math.round(this.scanRangeRelations / 10));
    for (let lo = 0; lo <= max; lo += size) windows.push([lo, lo + size]);
    return windows;
  }

  /** A scan read a batch at a time on the next reader (tracked, so close() waits for it). */
  private stream(name: string, onRow: (row: Row) => void, params: Params = {}): Promise<void> {
    if (this.closing) return Promise.reject(translate(new Error('Database is closed.')));
    this.next = (this.next + 1) % this.readers.length;
    const running = this.readers[this.next]!.each(cypher(name), params, onRow).catch((err) => {
      throw translate(err);
    });
    this.running.add(running);
    const done = () => this.running.delete(running);
    running.then(done, done);
    return running;
  }

  /**
   * One write transaction: the old graph cleared, each table's file COPYed in. Each file is written while
   * the COPY before it runs on the engine's threads (the relations' file while the entities' COPY runs),
   * and `meanwhile` runs while the relations' COPY does: before, the files were all written first, and the
   * caller's full-text index then held every statement back (a million relations: 4 s of records, 4 s of
   * files and 7 s of index before a 20 s COPY began). When `meanwhile` throws, the transaction is rolled back.
   */
  async write(story: Story, summary: GraphSummary, meanwhile?: () => void): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-load-'));
    // Once, beside the relations' COPY (or at the end, when there are none). Should it throw, the catch
    // below rolls the transaction back: a story its caller cannot take (an index) is not committed.
    let ran = false;
    const runMeanwhile = () => {
      if (ran) return;
      ran = true;
      meanwhile?.();
    };
    // Relations' records are made as their file is written, never all at once.
    const rows = tableRows({ ...recordsBesideRelations(story), relations: lazyMap(story.relations, relationRecord) }, summary);
    let copying: Promise<unknown> | null = null;
    try {
      await this.writer.raw('BEGIN TRANSACTION');
      try {
        for (const name of CLEAR) await this.writer.raw(cypher(name));
        for (const table of COPY_ORDER) {
          let file: string;
          try {
            file = writeCsv(dir, table, rows[table]());
          } finally {
            // One COPY at a time, in order; the one running is awaited even when this file failed.
            await copying;
            copying = null;
          }
          // An empty table needs no COPY (a story without statements skips three).
          if (fs.statSync(file).size > 0) copying = this.writer.raw(cypher(`copy-${table}`).replace('{{file}}', file));
          if (table === 'relations') runMeanwhile();
        }
        await copying;
        runMeanwhile();
        await this.writer.raw('COMMIT');
      } catch (err) {
        await copying?.catch(() => undefined);
        await this.writer.raw('ROLLBACK').catch(() => undefined);
        throw translate(err);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    this.shape = null;
    this.warm();
  }

  async ping(): Promise<void> {
    await this.runOnReader('ping');
  }

  /** Waits for the statements already running (a warming full-text scan, say), then closes every connection and the database. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.running]);
      for (const s of [this.writer, ...this.readers]) await s.close();
      await this.db.close().catch(() => undefined);
    })();
    return this.closing;
  }
}

function internalId(id: unknown): string {
  const { table, offset } = id as { table: number; offset: number };
  return `${table}:${offset}`;
}
