/**
 * The embedded adapter: LadybugDB (the maintained fork of Kuzu), in process,
 * persisted in one file. Every statement comes from cypher/ladybug/. Loads
 * go through COPY inside one transaction: all or nothing, and fast.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { BadInput, GraphUnavailable } from '../domain/errors.js';
import type { Article, Entity, EntityKind, Page, Relation, Stats, Story, Subgraph } from '../domain/types.js';
import { splitStatements, statementsOf } from './cypher-files.js';
import { decodeCursor } from './cursor.js';
import type { GraphStore, LoadSummary, PageOptions, RelationFilter, SearchOptions, SubgraphFilter } from './graph-store.js';
import { EMPTY_SUMMARY, articleFromProps, byTypeThenId, groupRelations, inOrderOf, entityFromRow, entityRows, groupPairs, pageOf, parseJson, relationFromProps, statsOf, summarise, type GraphSummary } from './story-rows.js';
import type { Passage, PassageSearchOptions } from '../domain/passage.js';
import { FullText } from './full-text/full-text.js';
import { passageStoryOf } from './full-text/scan-rows.js';
import { NameIndex } from './name-index.js';
import { rankByName } from './ranking.js';
import { breadthFirst } from './traversal.js';

/** Kept here too for callers that imported it from this adapter before ranking.ts existed. */
export { rankByName };

type Row = Record<string, unknown>;
type Params = Record<string, unknown>;

export interface LadybugOptions {
  /** Database file; its folder is created. ":memory:" for a throwaway graph. */
  path: string;
  /** Open read-only (another process may hold the write lock). @default false */
  readOnly?: boolean;
  /** Connections used for reads in parallel. @default 4 */
  readers?: number;
  /** Per-query timeout in milliseconds. @default 30000 */
  queryTimeoutMs?: number;
}

const cypher = statementsOf('ladybug');
const MAX_DB_BYTES = 2 ** 36;

class Session {
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
      return (await results[results.length - 1]!.getAll()) as Row[];
    } finally {
      // Open results keep the database (and its file lock) alive after close().
      for (const r of results) r.close();
    }
  }

  /** Runs a statement that cannot be prepared (COPY, transaction control). */
  async raw(statement: string): Promise<void> {
    const result = await this.conn.query(statement);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }
}

export class LadybugStore implements GraphStore {
  readonly engine = 'ladybug';
  private summary: GraphSummary = EMPTY_SUMMARY;
  private next = 0;
  private loading: Promise<unknown> = Promise.resolve();
  private names: Promise<NameIndex> | null = null;
  /** The full-text index of the committed graph, labelled with its version (the summary's loadedAt). */
  private readonly fullText = new FullText({
    scan: async () => {
      const [articles, entities, relations] = await Promise.all([this.articles(), this.read('passage-entities'), this.read('passage-relations')]);
      return passageStoryOf({ articles, entities, relations });
    },
  });

  private constructor(
    private readonly db: lbug.Database,
    private readonly writer: Session,
    private readonly readers: Session[],
    private readonly location: string,
  ) {}

  /** Opens (creating when absent) the database and its schema. */
  static async open({ path: file, readOnly = false, readers = 4, queryTimeoutMs = 30000 }: LadybugOptions): Promise<LadybugStore> {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    let db: lbug.Database;
    try {
      // The default maximum size (8 TiB) is reserved as address space at open;
      // a few such databases in one process exhaust it. 64 GiB is plenty here.
      db = new lbug.Database(file, 0, true, readOnly, MAX_DB_BYTES);
      await db.init();
    } catch (err) {
      throw openError(file, err);
    }
    const connect = async () => {
      const conn = new lbug.Connection(db);
      await conn.init();
      conn.setQueryTimeout(queryTimeoutMs);
      return new Session(conn);
    };
    const writer = await connect();
    const pool = await Promise.all(Array.from({ length: Math.max(1, readers) }, connect));
    const store = new LadybugStore(db, writer, pool, file);
    if (!readOnly) for (const statement of splitStatements(cypher('schema'))) await writer.raw(statement);
    await store.refreshSummary();
    // A graph this process did not load: build its full-text index now, so the first search need not wait.
    store.passages('').catch(() => undefined);
    return store;
  }

  private reader(): Session {
    this.next = (this.next + 1) % this.readers.length;
    return this.readers[this.next]!;
  }

  private async read(name: string, params: Params = {}): Promise<Row[]> {
    try {
      return await this.reader().run(cypher(name), params);
    } catch (err) {
      throw translate(err);
    }
  }

  private async refreshSummary(): Promise<void> {
    const rows = await this.writer.run(cypher('meta'), { key: 'graph' });
    this.summary = parseJson<GraphSummary>(rows[0]?.value, EMPTY_SUMMARY);
  }

  async load(story: Story): Promise<LoadSummary> {
    // One load at a time; readers keep seeing the committed graph meanwhile.
    const run = this.loading.then(() => this.loadNow(story));
    this.loading = run.catch(() => undefined);
    return run;
  }

  private async loadNow(story: Story): Promise<LoadSummary> {
    const started = performance.now();
    const summary = summarise(story);
    // Indexed before the write (a story the index refuses changes nothing), swapped in the tick the write commits.
    const index = this.fullText.prepare(story);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-load-'));
    try {
      const files = writeStoryCsv(story, summary, dir);
      await this.writer.raw('BEGIN TRANSACTION');
      try {
        for (const name of ['clear-relations', 'clear-mentions', 'clear-entities', 'clear-articles', 'clear-meta']) await this.writer.raw(cypher(name));
        for (const [table, file] of Object.entries(files)) await this.writer.raw(cypher(`copy-${table}`).replace('{{file}}', file));
        await this.writer.raw('COMMIT');
      } catch (err) {
        await this.writer.raw('ROLLBACK').catch(() => undefined);
        throw translate(err);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    this.summary = summary;
    this.fullText.commit(index, summary.loadedAt);
    this.names = null;
    return {
      entities: summary.entities,
      relations: summary.relations,
      articles: summary.articles,
      mentions: story.mentions.length,
      milliseconds: performance.now() - started,
    };
  }

  async ping(): Promise<void> {
    await this.read('ping');
  }

  async close(): Promise<void> {
    for (const s of [this.writer, ...this.readers]) await s.conn.close().catch(() => undefined);
    await this.db.close().catch(() => undefined);
  }

  async entity(id: string): Promise<Entity | null> {
    const [e] = await this.entitiesByIds([id]);
    return e ?? null;
  }

  async entitiesByIds(ids: readonly string[]): Promise<(Entity | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('entities-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map((r) => entityFromRow(r.e as Row)));
  }

  async search(text: string, { kinds = [], first = 10 }: SearchOptions = {}): Promise<Entity[]> {
    const index = await this.nameIndex();
    const ids = index.find(text, kinds, first);
    return (await this.entitiesByIds(ids)).filter((e): e is Entity => e !== null);
  }

  /** Built on first use from one scan; dropped by every load. */
  private nameIndex(): Promise<NameIndex> {
    this.names ??= this.read('name-index').then(
      (rows) => new NameIndex(rows.map((r) => ({ id: String(r.id), kind: r.kind as EntityKind, name: String(r.name), aliases: parseJson<string[]>(r.aliases, []), degree: Number(r.degree) }))),
    );
    this.names.catch(() => (this.names = null));
    return this.names;
  }

  async entities(kind: EntityKind | null, { first, after }: PageOptions): Promise<Page<Entity>> {
    const rows = await this.read('entities-page', { kind: kind ?? '', after: decodeCursor(after) ?? '', limit: first + 1 });
    const items = rows.slice(0, first).map((r) => entityFromRow(r.e as Row));
    const total = kind ? (this.summary.byKind[kind] ?? 0) : this.summary.entities;
    return pageOf(items, rows.length > first, total, (e) => e.id);
  }

  async relations(types: readonly string[] | null, { first, after }: PageOptions): Promise<Page<Relation>> {
    const rows = await this.read(...typed('relations-page', types, { after: decodeCursor(after) ?? '', limit: first + 1 }));
    const items = rows.slice(0, first).map(relationFromRow);
    const total = types?.length ? types.reduce((n, t) => n + (this.summary.byType[t] ?? 0), 0) : this.summary.relations;
    return pageOf(items, rows.length > first, total, (r) => r.id);
  }

  async relationsByIds(ids: readonly string[]): Promise<(Relation | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('relations-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map(relationFromRow));
  }

  async relationsOf(entityIds: readonly string[], { direction = 'BOTH', types = null, first = Infinity }: RelationFilter = {}): Promise<Map<string, Relation[]>> {
    if (entityIds.length === 0) return new Map();
    const params = { ids: [...new Set(entityIds)] };
    const [outgoing, incoming] = await Promise.all([
      direction === 'IN' ? [] : this.read(...typed('relations-out', types, params)),
      direction === 'OUT' ? [] : this.read(...typed('relations-in', types, params)),
    ]);
    return groupRelations(entityIds, outgoing.map(relationFromRow), incoming.map(relationFromRow), first);
  }

  async graph({ kinds, types, limit }: SubgraphFilter): Promise<Subgraph> {
    const rows = kinds?.length
      ? await this.read('top-entities-typed', { kinds: [...kinds], limit: limit + 1 })
      : await this.read('top-entities', { limit: limit + 1 });
    const nodes = rows.slice(0, limit).map((r) => entityFromRow(r.e as Row));
    const ids = nodes.map((n) => n.id);
    const edges = ids.length ? (await this.read(...typed('relations-among', types, { ids }))).map(relationFromRow) : [];
    return { nodes, edges: edges.sort(byTypeThenId), truncated: rows.length > limit };
  }

  neighbourhood(id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
    return breadthFirst(this, id, depth, filter);
  }

  async shortestPath(from: string, to: string, maxLength: number): Promise<Subgraph | null> {
    if (from === to) {
      const e = await this.entity(from);
      return e ? { nodes: [e], edges: [], truncated: false } : null;
    }
    const rows = await this.read('shortest-path', { source: from, target: to });
    const row = rows[0];
    if (!row) return null;
    const rawNodes = row.nodes as Row[];
    const rawRels = row.rels as Row[];
    if (rawRels.length > maxLength) return null;
    const idOf = new Map(rawNodes.map((n) => [internalId(n._id), String(n.id)]));
    const edges = rawRels.map((r) => relationFromProps(r, idOf.get(internalId(r._src))!, idOf.get(internalId(r._dst))!));
    return { nodes: rawNodes.map(entityFromRow), edges, truncated: false };
  }

  async timeline(): Promise<Entity[]> {
    return (await this.read('timeline')).map((r) => entityFromRow(r.e as Row));
  }

  async articles(): Promise<Article[]> {
    return (await this.read('articles')).map((r) => articleFromProps(r.a as Row));
  }

  async articlesByIds(ids: readonly string[]): Promise<(Article | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('articles-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map((r) => articleFromProps(r.a as Row)));
  }

  async mentionedIn(entityIds: readonly string[]): Promise<Map<string, string[]>> {
    return groupPairs(entityIds, await (entityIds.length ? this.read('mentioned-in', { ids: [...new Set(entityIds)] }) : []), 'entity', 'article');
  }

  async articleEntities(articleIds: readonly string[]): Promise<Map<string, string[]>> {
    return groupPairs(articleIds, await (articleIds.length ? this.read('article-entities', { ids: [...new Set(articleIds)] }) : []), 'article', 'entity');
  }

  passages(text: string, options?: PassageSearchOptions): Promise<Passage[]> {
    return this.fullText.find(this.summary.loadedAt, text, options);
  }

  async relationTypes(): Promise<string[]> {
    return Object.keys(this.summary.byType).sort();
  }

  async stats(): Promise<Stats> {
    return statsOf(this.summary);
  }

  toString(): string {
    return `LadybugDB at ${this.location}`;
  }
}

/** The statement filtered by type when types are given, else its faster unfiltered twin. */
function typed(name: string, types: readonly string[] | null | undefined, params: Params): [string, Params] {
  return types?.length ? [`${name}-typed`, { ...params, types: [...types] }] : [name, params];
}



function relationFromRow(row: Row): Relation {
  return relationFromProps(row.r as Row, String(row.source), String(row.target));
}



function internalId(id: unknown): string {
  const { table, offset } = id as { table: number; offset: number };
  return `${table}:${offset}`;
}


/** Writes the CSV files COPY reads, one per table, in the column order of schema.cypher. */
export function writeStoryCsv(story: Story, summary: GraphSummary, dir: string): Record<'entities' | 'articles' | 'relations' | 'mentions' | 'meta', string> {
  return {
    entities: writeCsv(dir, 'entities', entityRows(story).map((e) => [e.id, e.kind, e.name, e.aliases, e.summary, e.date, e.evidence, e.claims, e.keys, e.degree])),
    articles: writeCsv(dir, 'articles', story.articles.map((a) => [a.id, a.title, a.text, a.url ?? null, a.source ?? null])),
    relations: writeCsv(dir, 'relations', story.relations.map((r) => [r.from, r.to, r.id, r.type, r.date, r.note, JSON.stringify(r.evidence)])),
    mentions: writeCsv(dir, 'mentions', story.mentions.map((m) => [m.article, m.entity])),
    meta: writeCsv(dir, 'meta', [['graph', JSON.stringify(summary)]]),
  };
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${String(value).replace(/"/g, '""')}"`;
}

function writeCsv(dir: string, name: string, rows: unknown[][]): string {
  const file = path.join(dir, `${name}.csv`);
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(csvField).join(',') + '\n';
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

function openError(file: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/lock/i.test(message)) {
    return new GraphUnavailable(
      `The database ${file} is in use by another process (a running server or seed holds its lock). Stop that process, or set DB_PATH to another file.`,
      { cause: err },
    );
  }
  return new GraphUnavailable(
    `Could not open the database ${file}: ${firstLine(message)}. If the file is damaged, move it aside (or run "npm run seed -- --reset") to rebuild it from seed/data.`,
    { cause: err },
  );
}

/** The first line of an engine message, without its closing punctuation (ours follows). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/[.!:\s]+$/, '');
}

function translate(err: unknown): Error {
  if (err instanceof BadInput || err instanceof GraphUnavailable) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/interrupted|timeout/i.test(message)) return new GraphUnavailable('The database took too long to answer; try a smaller request.', { cause: err });
  return err instanceof Error ? err : new Error(message);
}
