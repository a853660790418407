/**
 * The scale adapter: Neo4j (server, cluster or Aura) through neo4j-driver.
 * Every statement comes from cypher/neo4j/, one per file. Reads and writes run
 * as managed transactions (executeRead/executeWrite) on the named database;
 * driver errors are translated by code here, at the boundary, and nowhere else.
 *
 * Relations are stored as ONE relationship type, :RELATION, with the
 * vocabulary name (RELATION_TYPE_NAMES) in a `type` property, rather than one
 * relationship type per vocabulary name. Cypher cannot take a relationship
 * type as a parameter, so real types would mean splicing names into Cypher
 * text (one generated statement per type). With one type every statement is a
 * constant file that Neo4j's own linter checks as written, nothing from a
 * request or a data file ever becomes Cypher text, one uniqueness constraint
 * and one index on r.id serve lookups and keyset paging, and
 * `shortestPath(...-[:RELATION*..8]-...)` cannot wander through :MENTIONS.
 * The cost: Neo4j Browser shows "RELATION" on every edge (r.type says which).
 */
import neo4j, {
  isInt,
  isNode,
  isRelationship,
  type Driver,
  type Integer,
  type ManagedTransaction,
  type Node,
  type Path,
  type Relationship,
} from 'neo4j-driver';
import { GraphUnavailable } from '../domain/errors.js';
import { fold, typoAllowance } from '../domain/text.js';
import type { Article, Entity, EntityKind, Page, Relation, Stats, Story, Subgraph } from '../domain/types.js';
import { readStatements, statementsOf } from './cypher-files.js';
import { decodeCursor } from './cursor.js';
import type { Passage, PassageSearchOptions } from '../domain/passage.js';
import { FullText } from './full-text/full-text.js';
import { passageStoryOf } from './full-text/scan-rows.js';
import type { GraphStore, LoadSummary, PageOptions, RelationFilter, SearchOptions, SubgraphFilter } from './graph-store.js';
import { rankByName } from './ranking.js';
import { EMPTY_SUMMARY, articleFromProps, byTypeThenId, groupRelations, inOrderOf, entityFromRow, entityRows, groupPairs, pageOf, parseJson, relationFromProps, statsOf, summarise, type GraphSummary } from './story-rows.js';
import { breadthFirst } from './traversal.js';

type Row = Record<string, unknown>;
type Params = Record<string, unknown>;
type Mode = 'READ' | 'WRITE';

export interface Neo4jOptions {
  /** bolt://host:7687, neo4j://host:7687 (routing), neo4j+s://xxxx.databases.neo4j.io (Aura). */
  uri: string;
  user: string;
  password: string;
  /** Named on every session, so the driver never has to ask which is the default. @default 'neo4j' */
  database?: string;
  /** Longest wait for a TCP connection and its handshake. @default 3000 */
  connectionTimeoutMs?: number;
  /** How long a managed transaction is retried after a transient failure. @default 2000 */
  retryTimeoutMs?: number;
  /** Server-side timeout of each read transaction. @default 10000 */
  queryTimeoutMs?: number;
  /** Rows per UNWIND batch in load. @default 5000 */
  batchSize?: number;
}

const cypher = statementsOf('neo4j');
/** Every schema-*.cypher file: constraints and indexes, each idempotent (IF NOT EXISTS). */
const SCHEMA = Object.keys(readStatements('neo4j')).filter((name) => name.startsWith('schema-'));
const CANDIDATES = 1000;
const INDEX_WAIT_SECONDS = 300;
const SUMMARY_KEY = 'graph';

export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j';
  private loading: Promise<unknown> = Promise.resolve();
  private schemaReady = false;
  /** The full-text index, in process as for LadybugDB (README: Full text), rebuilt when another replica loads. */
  private readonly fullText = new FullText({
    scan: () =>
      this.transact('READ', async (tx) =>
        passageStoryOf({
          articles: (await run(tx, 'articles')).map((r) => articleFromNode(r.a as Node)),
          entities: await run(tx, 'passage-entities'),
          relations: await run(tx, 'passage-relations'),
        }),
      null),
  });
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

  /** Wraps a driver made elsewhere; close() closes it. Prefer Neo4jStore.open. */
  constructor(
    private readonly driver: Driver,
    { database = 'neo4j', queryTimeoutMs = 10000, batchSize = 5000 }: Pick<Neo4jOptions, 'database' | 'queryTimeoutMs' | 'batchSize'> = {},
    private readonly location = 'Neo4j',
  ) {
    this.database = database;
    this.queryTimeoutMs = queryTimeoutMs;
    this.batchSize = Math.max(1, batchSize);
  }

  /**
   * Creates the process's one driver. Does not connect: the server starts and
   * answers /ready with 503 while Neo4j is down, and recovers when it is back.
   */
  static async open({ uri, user, password, database = 'neo4j', connectionTimeoutMs = 3000, retryTimeoutMs = 2000, queryTimeoutMs = 10000, batchSize }: Neo4jOptions): Promise<Neo4jStore> {
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
    return new Neo4jStore(driver, { database, queryTimeoutMs, batchSize }, `Neo4j at ${redact(uri)} (database "${database}")`);
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
    if (out instanceof GraphUnavailable && isUnreachable(err)) this.reachable = false;
    return out;
  }

  private async read(name: string, params: Params = {}): Promise<Row[]> {
    return this.transact('READ', (tx) => run(tx, name, params));
  }

  async load(story: Story): Promise<LoadSummary> {
    // One load at a time from this process; Neo4j isolates it from readers.
    const next = this.loading.then(() => this.loadNow(story));
    this.loading = next.catch(() => undefined);
    return next;
  }

  private async loadNow(story: Story): Promise<LoadSummary> {
    const started = performance.now();
    await this.ensureSchema();
    const summary = summarise(story);
    const index = this.fullText.prepare(story);
    const entities = entityRows(story).map((e) => ({ ...e, degree: neo4j.int(e.degree) }));
    const articles = story.articles.map((a) => ({ id: a.id, title: a.title, text: a.text, url: a.url ?? null, source: a.source ?? null }));
    const relations = story.relations.map((r) => ({
      from: r.from,
      to: r.to,
      properties: { id: r.id, type: r.type, date: r.date, note: r.note, evidence: JSON.stringify(r.evidence) },
    }));
    // All or nothing: one write transaction clears the graph and writes every
    // batch; any failure (or a batch that wrote fewer rows than it was given)
    // rolls the whole load back and readers keep the graph they had. No
    // client-side timeout: a large story may take a while.
    await this.transact(
      'WRITE',
      async (tx) => {
        for (const name of ['clear-entities', 'clear-articles', 'clear-meta']) await run(tx, name);
        await writeBatches(tx, 'write-entities', entities, this.batchSize);
        await writeBatches(tx, 'write-articles', articles, this.batchSize);
        await writeBatches(tx, 'write-relations', relations, this.batchSize);
        await writeBatches(tx, 'write-mentions', story.mentions, this.batchSize);
        await run(tx, 'write-meta', { key: SUMMARY_KEY, value: JSON.stringify(summary) });
      },
      null,
    );
    this.fullText.commit(index, summary.loadedAt);
    return {
      entities: summary.entities,
      relations: summary.relations,
      articles: summary.articles,
      mentions: story.mentions.length,
      milliseconds: performance.now() - started,
    };
  }

  /** Constraints and indexes, each in its own transaction (Neo4j does not mix schema and data writes). */
  private async ensureSchema(): Promise<void> {
    if (this.schemaReady) return;
    for (const name of SCHEMA) await this.transact('WRITE', (tx) => run(tx, name));
    await this.transact('WRITE', (tx) => run(tx, 'await-indexes', { seconds: neo4j.int(INDEX_WAIT_SECONDS) }), null);
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

  async entity(id: string): Promise<Entity | null> {
    const [e] = await this.entitiesByIds([id]);
    return e ?? null;
  }

  async entitiesByIds(ids: readonly string[]): Promise<(Entity | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('entities-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map((r) => entityFromNode(r.e as Node)));
  }

  async search(text: string, { kinds = [], first = 10 }: SearchOptions = {}): Promise<Entity[]> {
    const q = fold(text);
    if (!q) return [];
    let rows: Row[];
    try {
      rows = await this.read('search', { q, lucene: fulltextQuery(q), kinds: [...kinds], limit: neo4j.int(CANDIDATES) });
    } catch (err) {
      // The full-text index is made by the first load: before it, nothing to find.
      if (/no such fulltext schema index/i.test(String((err as Error)?.message))) return [];
      throw err;
    }
    return rankByName(text, rows.map((r) => entityFromNode(r.e as Node)), first);
  }

  async entities(kind: EntityKind | null, { first, after }: PageOptions): Promise<Page<Entity>> {
    const params = { kind: kind ?? '', after: decodeCursor(after) ?? '', limit: neo4j.int(first + 1) };
    const { rows, summary } = await this.transact('READ', async (tx) => ({ rows: await run(tx, 'entities-page', params), summary: await readSummary(tx) }));
    const items = rows.slice(0, first).map((r) => entityFromNode(r.e as Node));
    const total = kind ? (summary.byKind[kind] ?? 0) : summary.entities;
    return pageOf(items, rows.length > first, total, (e) => e.id);
  }

  async relations(types: readonly string[] | null, { first, after }: PageOptions): Promise<Page<Relation>> {
    const params = { types: [...(types ?? [])], after: decodeCursor(after) ?? '', limit: neo4j.int(first + 1) };
    const { rows, summary } = await this.transact('READ', async (tx) => ({ rows: await run(tx, 'relations-page', params), summary: await readSummary(tx) }));
    const items = rows.slice(0, first).map(relationFromRow);
    const total = types?.length ? types.reduce((n, t) => n + (summary.byType[t] ?? 0), 0) : summary.relations;
    return pageOf(items, rows.length > first, total, (r) => r.id);
  }

  async relationsByIds(ids: readonly string[]): Promise<(Relation | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('relations-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map(relationFromRow));
  }

  async relationsOf(entityIds: readonly string[], { direction = 'BOTH', types = null, first = Infinity }: RelationFilter = {}): Promise<Map<string, Relation[]>> {
    if (entityIds.length === 0) return new Map();
    const params = { ids: [...new Set(entityIds)], types: [...(types ?? [])] };
    const { outgoing, incoming } = await this.transact('READ', async (tx) => ({
      outgoing: direction === 'IN' ? [] : await run(tx, 'relations-out', params),
      incoming: direction === 'OUT' ? [] : await run(tx, 'relations-in', params),
    }));
    return groupRelations(entityIds, outgoing.map(relationFromRow), incoming.map(relationFromRow), first);
  }

  async graph({ kinds, types, limit }: SubgraphFilter): Promise<Subgraph> {
    const { rows, among } = await this.transact('READ', async (tx) => {
      const top = await run(tx, 'top-entities', { kinds: [...(kinds ?? [])], limit: neo4j.int(limit + 1) });
      const ids = top.slice(0, limit).map((r) => String(propertiesOf(r.e as Node).id));
      return { rows: top, among: ids.length ? await run(tx, 'relations-among', { ids, types: [...(types ?? [])] }) : [] };
    });
    const nodes = rows.slice(0, limit).map((r) => entityFromNode(r.e as Node));
    return { nodes, edges: among.map(relationFromRow).sort(byTypeThenId), truncated: rows.length > limit };
  }

  neighbourhood(id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
    return breadthFirst(this, id, depth, filter);
  }

  async shortestPath(from: string, to: string, maxLength: number): Promise<Subgraph | null> {
    if (from === to) {
      // Neo4j's shortestPath refuses equal ends; the answer is the entity alone.
      const e = await this.entity(from);
      return e ? { nodes: [e], edges: [], truncated: false } : null;
    }
    const [row] = await this.read('shortest-path', { source: from, target: to });
    if (!row) return null;
    const path = row.p as Path;
    return path.length > maxLength ? null : subgraphFromPath(path);
  }

  async timeline(): Promise<Entity[]> {
    return (await this.read('timeline')).map((r) => entityFromNode(r.e as Node));
  }

  async articles(): Promise<Article[]> {
    return (await this.read('articles')).map((r) => articleFromNode(r.a as Node));
  }

  async articlesByIds(ids: readonly string[]): Promise<(Article | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.read('articles-by-ids', { ids: [...new Set(ids)] });
    return inOrderOf(ids, rows.map((r) => articleFromNode(r.a as Node)));
  }

  async mentionedIn(entityIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = entityIds.length ? await this.read('mentioned-in', { ids: [...new Set(entityIds)] }) : [];
    return groupPairs(entityIds, rows, 'entity', 'article');
  }

  async articleEntities(articleIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = articleIds.length ? await this.read('article-entities', { ids: [...new Set(articleIds)] }) : [];
    return groupPairs(articleIds, rows, 'article', 'entity');
  }

  async relationTypes(): Promise<string[]> {
    return Object.keys((await this.summary()).byType).sort();
  }

  async stats(): Promise<Stats> {
    return statsOf(await this.summary());
  }

  async passages(text: string, options?: PassageSearchOptions): Promise<Passage[]> {
    return this.fullText.find((await this.summary()).loadedAt, text, options);
  }

  /**
   * Read from the :Meta node on every call rather than cached: with several
   * server replicas on one Neo4j, a load through any of them shows in all.
   */
  private summary(): Promise<GraphSummary> {
    return this.transact('READ', readSummary);
  }

  toString(): string {
    return this.location;
  }
}

async function run(tx: ManagedTransaction, name: string, params: Params = {}): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((r) => r.toObject() as Row);
}

async function readSummary(tx: ManagedTransaction): Promise<GraphSummary> {
  const [row] = await run(tx, 'meta', { key: SUMMARY_KEY });
  return parseJson<GraphSummary>(row?.value, EMPTY_SUMMARY);
}

/** UNWIND batches inside the caller's transaction; a short count aborts (and so rolls back) the load. */
async function writeBatches(tx: ManagedTransaction, name: string, rows: readonly object[], size: number): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const [row] = await run(tx, name, { rows: batch });
    const written = toNative(row?.written);
    if (written !== batch.length) {
      throw new Error(`${name}: wrote ${String(written)} of ${batch.length} rows (a relation or mention names an entity or article that is not in the story); nothing was loaded.`);
    }
  }
}

// ---------------------------------------------------------------------------
// Pure mapping from driver values to domain objects (unit-tested without a server).

/** Driver values to plain JS: Integers become numbers (or decimal strings beyond 2^53), lists and maps recursively. */
export function toNative(value: unknown): unknown {
  if (isInt(value)) {
    const n = value as Integer;
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNative(v)]));
  }
  return value;
}

/** The properties of a node or relationship, as plain values. */
export function propertiesOf(item: Node | Relationship): Row {
  if (!isNode(item) && !isRelationship(item)) throw new TypeError(`Expected a Neo4j node or relationship, got ${kindOf(item)}`);
  return toNative(item.properties) as Row;
}

export function entityFromNode(node: Node): Entity {
  return entityFromRow(propertiesOf(node));
}

export function articleFromNode(node: Node): Article {
  return articleFromProps(propertiesOf(node));
}

/** A :RELATION relationship as a domain relation between entity ids `from` and `to`. */
export function relationFromRelationship(rel: Relationship, from: string, to: string): Relation {
  return relationFromProps(propertiesOf(rel), from, to);
}

function relationFromRow(row: Row): Relation {
  return relationFromRelationship(row.r as Relationship, String(row.source), String(row.target));
}

/**
 * A path as a subgraph: its entities in path order and its relations, each
 * keeping its stored direction (from/to), whichever way the path walked it.
 */
export function subgraphFromPath(path: Path): Subgraph {
  const nodes = [path.start, ...path.segments.map((s) => s.end)];
  const idOf = new Map(nodes.map((n) => [nodeKey(n), String(propertiesOf(n).id)]));
  const edges = path.segments.map(({ relationship: rel }) => {
    const from = idOf.get(String(rel.startNodeElementId ?? rel.start));
    const to = idOf.get(String(rel.endNodeElementId ?? rel.end));
    if (from === undefined || to === undefined) throw new Error(`Relationship ${String(rel.elementId ?? rel.identity)} does not join two nodes of its path`);
    return relationFromRelationship(rel, from, to);
  });
  return { nodes: nodes.map(entityFromNode), edges, truncated: false };
}

function nodeKey(node: Node): string {
  return String(node.elementId ?? node.identity);
}

// ---------------------------------------------------------------------------
// Errors: translated by code, once, here.

/** Codes that mean "the database cannot be reached or is not ready": GraphUnavailable, HTTP 503. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
/** The connection-level subset: the server itself is gone, so probe before the next call. */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isUnreachable(err: unknown): boolean {
  return UNREACHABLE.has(codeOf(err) ?? '');
}

/**
 * Driver errors to domain errors by code: unreachable or unavailable ->
 * GraphUnavailable (503); a transaction timeout -> GraphUnavailable with a
 * hint, as the embedded adapter does; anything else is passed on unchanged,
 * for the GraphQL layer to mask and log.
 */
export function translateError(err: unknown): Error {
  if (err instanceof GraphUnavailable) return err;
  const code = codeOf(err);
  if (code && UNAVAILABLE.has(code)) {
    return new GraphUnavailable('The graph database (Neo4j) cannot be reached or is not ready; try again shortly.', { cause: err });
  }
  if (code && TIMED_OUT.has(code)) {
    return new GraphUnavailable('The database took too long to answer; try a smaller request.', { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

// ---------------------------------------------------------------------------
// Search: the Lucene query for the full-text index.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The full-text query for a folded search text: every word as a prefix, and
 * as a fuzzy term where a typo is allowed, any of them matching. A superset of
 * what matches; rankByName decides what is shown and in which order.
 */
export function fulltextQuery(folded: string): string {
  const terms = new Set<string>();
  for (const word of folded.split(/\s+/).filter(Boolean)) {
    const w = escapeLucene(word);
    terms.add(`${w}*`);
    const edits = Math.min(2, typoAllowance(word.length));
    if (edits > 0) terms.add(`${w}~${edits}`);
  }
  return [...terms].join(' OR ');
}

// ---------------------------------------------------------------------------




function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/** The URI without credentials, for logs and toString. */
function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}
