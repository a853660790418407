/**
 * node --import tsx scripts/stress/graph-counts.ts DB_FILE
 *
 * Prints, as one JSON line, what an embedded database file really holds:
 * rows counted table by table, and the summary the store keeps beside them.
 * The fault cases compare these with the old and the new graph to prove a
 * killed load left one of them, complete. It reads the engine directly, on
 * purpose: the store's own summary is one of the things being checked.
 * Runs as its own process, so an engine crash on a damaged file is a finding,
 * not the end of the test run.
 */
import lbug from '@ladybugdb/core';

export interface GraphCounts {
  entities: number;
  relations: number;
  articles: number;
  mentions: number;
  /** The summary (Meta 'graph') the store wrote with the same load; null when absent. */
  summary: { entities: number; relations: number; articles: number } | null;
}

const COUNTS = {
  entities: 'MATCH (e:Entity) RETURN count(e) AS n',
  relations: 'MATCH ()-[r:Relation]->() RETURN count(r) AS n',
  articles: 'MATCH (a:Article) RETURN count(a) AS n',
  mentions: 'MATCH ()-[m:MENTIONS]->() RETURN count(m) AS n',
} as const;

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: graph-counts.ts DB_FILE');
  const db = new lbug.Database(file, 0, true, false, 2 ** 36);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  const one = async (statement: string) => {
    const result = await conn.query(statement);
    const rows = (await (Array.isArray(result) ? result[0]! : result).getAll()) as Record<string, unknown>[];
    for (const r of Array.isArray(result) ? result : [result]) r.close();
    return rows;
  };
  const counts: Record<string, number> = {};
  for (const [name, statement] of Object.entries(COUNTS)) counts[name] = Number((await one(statement))[0]?.n ?? 0);
  const meta = await one("MATCH (m:Meta {key: 'graph'}) RETURN m.value AS value");
  const raw = meta[0]?.value;
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as { entities: number; relations: number; articles: number }) : null;
  const out: GraphCounts = {
    entities: counts.entities!,
    relations: counts.relations!,
    articles: counts.articles!,
    mentions: counts.mentions!,
    summary: parsed ? { entities: parsed.entities, relations: parsed.relations, articles: parsed.articles } : null,
  };
  await conn.close();
  await db.close();
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(`graph-counts: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
