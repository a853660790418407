/**
 * The floor under each store method: the bare engine statement the method
 * needs at minimum, run through the same driver (@ladybugdb/core, prepared,
 * on its own copy of the database file), so each store figure in the bench
 * has the engine's own cost beside it. What each floor asks:
 *  - entity: one primary-key lookup;
 *  - search: the primary-key lookups of ten entities (the names are found in
 *    memory, so the engine's part is fetching the matches);
 *  - neighbourhood depth 1: a one-hop expansion from an indexed id, ids only;
 *  - neighbourhood depth 2: a two-hop expansion with LIMIT 500, ids only;
 *  - shortestPath: a bounded (1..6) single shortest path between two ids;
 *  - overview: the 2,000 entities of highest stored degree, ids only.
 */
import lbug from '@ladybugdb/core';

export interface FloorArgs {
  id: string;
  ids: string[];
  from: string;
  to: string;
}

export const FLOORS: Record<string, { statement: string; params: (a: FloorArgs) => Record<string, lbug.LbugValue> }> = {
  entity: { statement: 'MATCH (e:Entity {id: $id}) RETURN e.id, e.name', params: (a) => ({ id: a.id }) },
  search: { statement: 'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id, e.name', params: (a) => ({ ids: a.ids }) },
  'neighbourhood depth 1': { statement: 'MATCH (a:Entity {id: $id})-[r:Relation]-(b:Entity) RETURN b.id, r.id', params: (a) => ({ id: a.id }) },
  'neighbourhood depth 2': {
    statement: 'MATCH (a:Entity {id: $id})-[:Relation]-(b:Entity)-[:Relation]-(c:Entity) RETURN DISTINCT c.id LIMIT 500',
    params: (a) => ({ id: a.id }),
  },
  shortestPath: {
    statement: 'MATCH p = (a:Entity {id: $from})-[:Relation* SHORTEST 1..6]-(b:Entity {id: $to}) RETURN length(p)',
    params: (a) => ({ from: a.from, to: a.to }),
  },
  overview: { statement: 'MATCH (e:Entity) RETURN e.id ORDER BY e.degree DESC LIMIT 2000', params: () => ({}) },
};

/** A bare connection on a database file, running the floor statements prepared. */
export class Floors {
  private readonly prepared = new Map<string, lbug.PreparedStatement>();
  private constructor(
    private readonly db: lbug.Database,
    private readonly conn: lbug.Connection,
  ) {}

  static async open(file: string, bufferPoolMb: number): Promise<Floors> {
    const db = new lbug.Database(file, bufferPoolMb * 2 ** 20, true, true, 2 ** 36);
    const conn = new lbug.Connection(db);
    await conn.init();
    const floors = new Floors(db, conn);
    for (const [name, { statement }] of Object.entries(FLOORS)) {
      const ps = await conn.prepare(statement);
      if (!ps.isSuccess()) throw new Error(`floor "${name}" does not prepare: ${ps.getErrorMessage()}`);
      floors.prepared.set(name, ps);
    }
    return floors;
  }

  has(name: string): boolean {
    return this.prepared.has(name);
  }

  /** Runs the floor of one operation and reads every row, as the store reads its own. */
  async run(name: string, args: FloorArgs): Promise<number> {
    return readAll(this.conn, this.prepared.get(name)!, FLOORS[name]!.params(args));
  }

  /**
   * The floor statement of one operation run back to back on `connections`
   * connections of this bare database for `seconds`, with `args(i)` in turn:
   * statements a second. The engine's own throughput, no store, GraphQL or
   * HTTP: the ceiling of the server's uncached reads on this machine.
   */
  async throughput(name: string, args: (i: number) => FloorArgs, seconds: number, connections: number): Promise<number> {
    const open = await Promise.all(
      Array.from({ length: connections }, async () => {
        const conn = new lbug.Connection(this.db);
        await conn.init();
        const ps = await conn.prepare(FLOORS[name]!.statement);
        if (!ps.isSuccess()) throw new Error(`floor "${name}" does not prepare: ${ps.getErrorMessage()}`);
        return { conn, ps };
      }),
    );
    let next = 0;
    let done = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    try {
      await Promise.all(
        open.map(async ({ conn, ps }) => {
          while (performance.now() < until) {
            await readAll(conn, ps, FLOORS[name]!.params(args(next++)));
            done++;
          }
        }),
      );
      return done / ((performance.now() - started) / 1000);
    } finally {
      for (const { conn } of open) await conn.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.conn.close().catch(() => undefined);
    await this.db.close().catch(() => undefined);
  }
}

/** Runs a prepared statement and reads every row of its last result, as the store reads its own; the row count. */
async function readAll(conn: lbug.Connection, ps: lbug.PreparedStatement, params: Record<string, lbug.LbugValue>): Promise<number> {
  const result = await conn.execute(ps, params);
  const results = Array.isArray(result) ? result : [result];
  try {
    return (await results[results.length - 1]!.getAll()).length;
  } finally {
    for (const r of results) r.close();
  }
}
