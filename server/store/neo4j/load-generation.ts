/**
 * A load in bounded memory that is still all or nothing for readers.
 *
 * Every node a load writes carries its load's generation (`gen`), every read
 * names the generation that the `:GraphState {key: 'current'}` node names
 * (generation.cypher), and the (gen, id) constraints are the indexes behind
 * every lookup. A load:
 *
 * 1. takes the load lock (lock-loads.cypher) in a transaction it holds open,
 *    tiny, until it ends: loads of every process take turns;
 * 2. deletes what a load that did not finish left (every generation but the
 *    current one), in committed batches;
 * 3. writes the new generation in batches, each its own transaction, so
 *    Neo4j's memory is bounded by the batch size and not by the story;
 *    readers do not see it (they read the current generation);
 * 4. switches readers to it in one small transaction (switch-generation.cypher);
 * 5. afterwards deletes the generation it replaced, in committed batches,
 *    once the reads this process began on it have ended; then lets go of the lock.
 *    A read of another process or replica cannot be waited for, so the
 *    deletion begins no sooner than a grace after the switch (stored with it,
 *    retireGraceMs), deletes the :Meta first, on its own, and a read that
 *    outlasts half the grace checks at its end that its generation's :Meta is
 *    still there (generation-whole.cypher), reading again on the new
 *    generation if not: no read answers from a half-deleted graph.
 *
 * A load that fails, or whose process is killed, before step 4 leaves the
 * old graph served; what it wrote is deleted at once when it can be, or by
 * the next load (step 2). Every transaction carries the LoadTag, so the next
 * load can end one whose process is gone (stale-loads.ts).
 */
import neo4j, { type Driver, type Integer, type Session, type Transaction } from 'neo4j-driver';
import type { Params, Row } from '../cypher-engine.js';
import { statementsOf } from '../cypher-files.js';
import type { storyRecords } from '../records.js';
import { toNative } from './driver-values.js';
import { loadTag } from './stale-loads.js';
import { SUMMARY_KEY } from '../summary.js';

const cypher = statementsOf('neo4j');

type Records = ReturnType<typeof storyRecords>;

export interface GenerationLoadOptions {
  driver: Driver;
  database: string;
  /** Server-side timeout of every transaction of the load (and of the lock). */
  timeoutMs: number;
  /** Rows per batch, and so per transaction. */
  batchSize: number;
  /** The wait between the switch and the deletion of the replaced generation, stored beside the switch for readers (neo4j-engine.ts read). */
  retireGraceMs: number;
  /** Resolves once the reads this process began before the switch have ended. */
  readsBefore: () => Promise<void>;
  log: (line: string) => void;
}

export interface Loaded {
  /** The generation now served. */
  generation: number;
  /** The deletion of the replaced generation, then the release of the lock; never rejects (a failure is logged). */
  retired: Promise<void>;
}

/** Steps 1 to 4 above; the returned `retired` is step 5, running on. Errors are the driver's, untranslated. */
export async function loadGeneration(records: Records, summaryJson: string, options: GenerationLoadOptions): Promise<Loaded> {
  const { driver, database, timeoutMs, batchSize } = options;
  const tag = loadTag();
  const config = { timeout: timeoutMs, metadata: { ...tag } };
  const lockSession = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const work = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  let lock: Transaction | null = null;
  const release = async (outcome: 'commit' | 'rollback') => {
    if (lock) await (outcome === 'commit' ? lock.commit() : lock.rollback()).catch(() => undefined);
    await Promise.all([lockSession.close(), work.close()].map((p) => p.catch(() => undefined)));
  };
  let current: Integer;
  let next: Integer;
  let switched = 0;
  // Readers of the current generation took the grace stored with it (its load's) as theirs: wait the longer.
  let grace = options.retireGraceMs;
  try {
    lock = lockSession.beginTransaction(config);
    await runIn(lock, 'lock-loads', { holder: JSON.stringify(tag) });
    // Read apart from the lock, and stable while it is held: only a load changes it.
    const [state] = await inTransaction(work, config, (tx) => runIn(tx, 'generation'));
    const held = toNative(state?.gen);
    current = neo4j.int(typeof held === 'number' ? held : -1);
    grace = Math.max(grace, Number(toNative(state?.retireGraceMs) ?? 0) || 0);
    next = neo4j.int(Math.max(0, current.toNumber()) + 1);
    await dropGenerations(work, current, config);
  } catch (err) {
    await release('rollback');
    throw err;
  }
  try {
    const entities = records.entities.map((e) => ({ ...e, degree: neo4j.int(e.degree) }));
    const batches = (name: string, rows: readonly object[]) => writeBatches(work, config, name, rows, batchSize, next);
    await batches('write-entities', entities);
    await batches('write-articles', records.articles);
    await batches('write-relations', records.relations);
    await batches('write-mentions', records.mentions);
    await batches('write-statements', records.statements);
    await batches('write-statement-about', records.about);
    await inTransaction(work, config, (tx) => runIn(tx, 'write-meta', { gen: next, key: SUMMARY_KEY, value: summaryJson }));
    await inTransaction(work, config, (tx) => runIn(tx, 'switch-generation', { gen: next, retireGraceMs: neo4j.int(options.retireGraceMs) }));
    switched = performance.now();
  } catch (err) {
    // The old generation is still the one served, unless the switch committed and only its answer was
    // lost: what is served is asked again, and everything else goes now (or, should that fail, with the next load).
    await inTransaction(work, config, (tx) => runIn(tx, 'generation'))
      .then(async ([now]) => {
        const served = now?.gen ?? current;
        // The switch committed: the replaced generation's readers get their grace first.
        if (String(served) !== String(current)) await sleep(grace);
        await dropGenerations(work, served, config);
      })
      .catch(() => undefined);
    await release('rollback');
    throw err;
  }
  const retired = (async () => {
    try {
      await options.readsBefore();
      await sleep(grace - (performance.now() - switched));
      await dropGenerations(work, next, config);
      await release('commit');
    } catch (err) {
      await release('rollback');
      options.log(`Neo4j: the graph replaced by a load was not all deleted (${(err as Error).message}); the next load deletes the rest.`);
    }
  })();
  return { generation: next.toNumber(), retired };
}

/**
 * Deletes every generation but `keep`: their :Meta first, committed on its own (drop-meta.cypher), so
 * that a read on any process can tell that its generation began to go (generation-whole.cypher); then
 * the rest, in committed batches (drop-generations.cypher).
 */
async function dropGenerations(session: Session, keep: unknown, config: object): Promise<void> {
  await session.run(cypher('drop-meta'), { keep }, config);
  await session.run(cypher('drop-generations'), { keep }, config);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

async function runIn(tx: Pick<Transaction, 'run'>, name: string, params: Params = {}): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((r) => r.toObject() as Row);
}

/**
 * One explicit transaction, committed or rolled back, never retried: a
 * managed transaction is retried after a transient error (found live: a
 * load refused for memory was run again from the start).
 */
async function inTransaction<T>(session: Session, config: object, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const tx = session.beginTransaction(config);
  try {
    const out = await work(tx);
    await tx.commit();
    return out;
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    throw err;
  }
}

/** One committed transaction per UNWIND batch; a short count rolls its batch back and fails the load. */
async function writeBatches(session: Session, config: object, name: string, rows: readonly object[], size: number, gen: Integer): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await inTransaction(session, config, async (tx) => {
      const [row] = await runIn(tx, name, { gen, rows: batch });
      const written = toNative(row?.written);
      if (written !== batch.length) {
        throw new Error(`${name}: wrote ${String(written)} of ${batch.length} rows (a relation, mention or statement names an entity or article that is not in the story); nothing was loaded.`);
      }
    });
  }
}
