/**
 * The GraphStore port implemented once for every Cypher engine, over the
 * CypherEngine seam (cypher-engine.ts). Each method names the statements it
 * needs (the same file names in cypher/ladybug/ and cypher/neo4j/), and
 * decodes the rows with decode.ts; what differs between engines stays behind
 * the seam.
 */
import type { Passage, PassageSearchOptions } from '../domain/passage.js';
import type { Article, Entity, EntityKind, Page, Relation, Stats, Statement, Story, Subgraph } from '../domain/types.js';
import { decodeCursor } from './cursor.js';
import type { CypherEngine, Params, Row, Run } from './cypher-engine.js';
import { articleFromProps, entityFromProps, evidenceOf, nonEmpty, parseJson, relationFromProps, statementFromProps } from './decode.js';
import { FullText } from './full-text/full-text.js';
import type { PassageIndex, PassageStory } from './full-text/passage-index.js';
import { RelationColumns } from './full-text/relation-columns.js';
import type { GraphStore, LoadSummary, PageOptions, RelationFilter, SearchOptions, StatementFilter, StoredNode, SubgraphFilter } from './graph-store.js';
import { byTypeThenId, groupPairs, groupRelations, inOrderOf, pageOf } from './lists.js';
import { EMPTY_SUMMARY, SUMMARY_KEY, entityTotal, relationTotal, statsOf, summarise, type GraphSummary } from './summary.js';
import { rankedWalk, type Neighbour } from './ranked-walk.js';
import { indexedPath, relationsAmong } from './indexed-reads.js';
import { shortestWalk } from './shortest-walk.js';

/** Frontiers up to this size are expanded one primary-key lookup per entity. */
const ONE_BY_ONE = 8;

function distinctById(rows: Row[]): Row[] {
  return [...new Map(rows.map((r) => [String(r.id), r])).values()];
}

/** The full-text index's scan is no reader's request: at a million relations it takes Neo4j about 25 s, past QUERY_TIMEOUT_MS. */
const FULL_TEXT_SCAN_TIMEOUT_MS = 600_000;

export class CypherStore implements GraphStore {
  /** Loads run one at a time; readers keep seeing the committed graph meanwhile. */
  protected loading: Promise<unknown> = Promise.resolve();
  /** The summary, kept only when the engine is its database's sole writer. */
  private kept: GraphSummary | null = null;

  /** The full-text index of the committed graph, labelled with its version (the summary's loadedAt). */
  protected readonly fullText = new FullText({ scan: () => this.scanPassages() });

  constructor(protected cypher: CypherEngine) {}

  get engine(): string {
    return this.cypher.name;
  }

  load(story: Story): Promise<LoadSummary> {
    return this.exclusive(() => this.loadNow(story));
  }

  replaceAll(story: Story): Promise<LoadSummary> {
    return this.load(story);
  }

  /** Runs `work` after every load before it, and before any load after it. */
  protected exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.loading.then(work);
    this.loading = run.catch(() => undefined);
    return run;
  }

  protected async loadNow(story: Story): Promise<LoadSummary> {
    const started = performance.now();
    const summary = summarise(story);
    // The full-text index is built while the engine writes (during LadybugDB's COPY of the relations,
    // which leaves this thread free) and swapped in the tick the write commits. A story it cannot
    // index is not written.
    const built: { index?: PassageIndex } = {};
    await this.cypher.write(story, summary, () => {
      built.index = this.fullText.prepare(story);
    });
    const { index } = built;
    if (!index) throw new Error('The full-text index was not built during the write.');
    if (this.cypher.soleWriter) this.kept = summary;
    this.fullText.commit(index, summary.loadedAt);
    return {
      entities: summary.entities,
      relations: summary.relations,
      articles: summary.articles,
      mentions: story.mentions.length,
      milliseconds: performance.now() - started,
    };
  }

  warming(): Promise<void> | null {
    const pending = [this.cypher.warming?.(), this.fullText.pending()].filter((p): p is Promise<void> => !!p);
    return pending.length ? Promise.all(pending).then(() => undefined) : null;
  }

  ping(): Promise<void> {
    return this.cypher.ping();
  }

  close(): Promise<void> {
    return this.cypher.close();
  }

  async entity(id: string): Promise<Entity | null> {
    const [e] = await this.entitiesByIds([id]);
    return e ?? null;
  }

  entitiesByIds(ids: readonly string[]): Promise<(Entity | null)[]> {
    return this.byIds(ids, 'entities-by-ids', (r) => this.entityOf(r));
  }

  search(text: string, { kinds = [], first = 10 }: SearchOptions = {}): Promise<Entity[]> {
    return this.cypher.search(text, kinds, first);
  }

  async entities(kind: EntityKind | null, { first, after }: PageOptions): Promise<Page<Entity>> {
    const params = { kind: kind ?? '', after: decodeCursor(after) ?? '', limit: this.cypher.int(first + 1) };
    // The page's ids first, then their records: the engine sorts ids, not whole records (entities-page.cypher).
    const { keys, rows, summary } = await this.cypher.read(async (run) => {
      const keys = (await run('entities-page', params)).map((r) => String(r.id));
      const ids = keys.slice(0, first);
      return { keys, rows: ids.length ? await run('entities-by-ids', { ids }) : [], summary: await this.summaryIn(run) };
    });
    const items = inOrderOf(keys.slice(0, first), rows.map((r) => this.entityOf(r))).filter((e): e is Entity => e !== null);
    return pageOf(items, keys.length > first, entityTotal(summary, kind), (e) => e.id);
  }

  async relations(types: readonly string[] | null, { first, after }: PageOptions): Promise<Page<Relation>> {
    const from = decodeCursor(after) ?? '';
    // The page's ids first, then its relations by their range of ids: the engine sorts ids, not evidence (relations-page.cypher).
    const { keys, rows, summary } = await this.cypher.read(async (run) => {
      const keys = (await run(...this.filtered('relations-page', 'types', types, { after: from, limit: this.cypher.int(first + 1) }))).map((r) => String(r.id));
      const last = keys[Math.min(first, keys.length) - 1];
      const rows = last === undefined ? [] : await run(...this.filtered('relations-in-range', 'types', types, { after: from, last }));
      return { keys, rows, summary: await this.summaryIn(run) };
    });
    const items = inOrderOf(keys.slice(0, first), rows.map((r) => this.relationOf(r))).filter((r): r is Relation => r !== null);
    return pageOf(items, keys.length > first, relationTotal(summary, types), (r) => r.id);
  }

  relationsByIds(ids: readonly string[]): Promise<(Relation | null)[]> {
    return this.byIds(ids, 'relations-by-ids', (r) => this.relationOf(r));
  }

  async relationsOf(entityIds: readonly string[], { direction = 'BOTH', types = null, first = Infinity }: RelationFilter = {}): Promise<Map<string, Relation[]>> {
    if (entityIds.length === 0) return new Map();
    const ids = [...new Set(entityIds)];
    const [outgoing, incoming] = await this.cypher.read((run) =>
      Promise.all([
        direction === 'IN' ? [] : run(...this.filtered('relations-out', 'types', types, { ids })),
        direction === 'OUT' ? [] : run(...this.filtered('relations-in', 'types', types, { ids })),
      ]),
    );
    return groupRelations(entityIds, outgoing.map((r) => this.relationOf(r)), incoming.map((r) => this.relationOf(r)), first);
  }

  async graph({ kinds, types, limit }: SubgraphFilter): Promise<Subgraph> {
    const { top, among } = await this.cypher.read(async (run) => {
      const top = (await run(...this.filtered('top-entities', 'kinds', kinds, { limit: this.cypher.int(limit + 1) }))).map((r) => this.entityOf(r));
      const kept = top.slice(0, limit);
      const ids = kept.map((e) => e.id);
      const minDegree = this.cypher.int(Math.min(...kept.map((e) => e.degree)));
      return { top, among: ids.length ? await run(...this.filtered('relations-among', 'types', types, { ids, minDegree })) : [] };
    });
    return { nodes: top.slice(0, limit), edges: among.map((r) => this.relationOf(r)).sort(byTypeThenId), truncated: top.length > limit };
  }

  /** The walk of traversal.ts, asked of the engine in 2 + depth statements (ranked-walk.ts). */
  neighbourhood(id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
    return rankedWalk(
      { entities: (ids) => this.entitiesByIds(ids), neighbours: (ids) => this.neighbours(ids, filter.types), among: (ids, minDegree) => this.among(ids, minDegree, filter.types) },
      id,
      depth,
      filter,
    );
  }

  async shortestPath(from: string, to: string, maxLength: number): Promise<Subgraph | null> {
    if (from === to) {
      // Neo4j's shortestPath refuses equal ends; the answer is the entity alone.
      const e = await this.entity(from);
      return e ? { nodes: [e], edges: [], truncated: false } : null;
    }
    const index = await this.cypher.graphIndex?.();
    if (index) return indexedPath(index, (ids) => this.entitiesByIds(ids), this.readRelations, from, to, Math.min(maxLength, 8));
    if (this.cypher.nativeShortestPath) {
      const [row] = await this.cypher.read((run) => run('shortest-path', { source: from, target: to }));
      if (!row) return null;
      const path = this.cypher.path(row);
      if (path.relations.length > maxLength) return null;
      return { nodes: path.nodes.map(entityFromProps), edges: path.relations.map((r) => relationFromProps(r.properties, r.from, r.to)), truncated: false };
    }
    // Bounded as the engine's statement (1..8 relations); shortest-walk.ts says why LadybugDB does not use that statement.
    return shortestWalk(
      {
        entities: (ids) => this.entitiesByIds(ids),
        neighbours: async (ids) => (await this.neighbours(ids, null)).map((n) => n.id),
        hops: async (id) => (await this.cypher.read((run) => run('hops', { id }))).map((r) => ({ id: String(r.id), relation: String(r.relation) })),
        among: (ids, minDegree) => this.among(ids, minDegree, null),
      },
      from,
      to,
      Math.min(maxLength, 8),
    );
  }

  /** Distinct entities one hop from any of `ids` through relations of `types` (all when empty): ids, kinds and stored degrees only. */
  private async neighbours(ids: string[], types: readonly string[] | null | undefined): Promise<Neighbour[]> {
    if (ids.length === 0) return [];
    const index = await this.cypher.graphIndex?.();
    if (index) return index.neighbours(ids, types);
    // A few ids: one primary-key lookup each, in parallel; more: one statement (cypher/ladybug/neighbours-one.cypher says why).
    const rows =
      ids.length <= ONE_BY_ONE
        ? distinctById((await this.cypher.read((run) => Promise.all(ids.map((id) => run(...this.filtered('neighbours-one', 'types', types, { id })))))).flat())
        : await this.cypher.read((run) => run(...this.filtered('neighbours', 'types', types, { ids })));
    return rows.map((r) => ({ id: String(r.id), kind: r.kind as Neighbour['kind'], degree: Number(String(r.degree ?? 0)) }));
  }

  /** Every relation of `types` (all when empty) with both ends among `ids`; `minDegree`, the least stored degree among them, lets the engine skip most relations cheaply. */
  private async among(ids: string[], minDegree: number, types: readonly string[] | null | undefined): Promise<Relation[]> {
    const index = await this.cypher.graphIndex?.();
    if (index) return relationsAmong(index, ids, types, this.readRelations);
    return (await this.cypher.read((run) => run(...this.filtered('relations-among', 'types', types, { ids, minDegree: this.cypher.int(minDegree) })))).map((r) => this.relationOf(r));
  }

  private readonly readRelations = async (name: string, params: Params): Promise<Relation[]> => (await this.cypher.read((run) => run(name, params))).map((r) => this.relationOf(r));

  async timeline(): Promise<Entity[]> {
    return (await this.cypher.read((run) => run('timeline'))).map((r) => this.entityOf(r));
  }

  async articles(): Promise<Article[]> {
    return (await this.cypher.read((run) => run('articles'))).map((r) => this.articleOf(r));
  }

  articlesByIds(ids: readonly string[]): Promise<(Article | null)[]> {
    return this.byIds(ids, 'articles-by-ids', (r) => this.articleOf(r));
  }

  async mentionedIn(entityIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = entityIds.length ? await this.cypher.read((run) => run('mentioned-in', { ids: [...new Set(entityIds)] })) : [];
    return groupPairs(entityIds, rows, 'entity', 'article');
  }

  async articleEntities(articleIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = articleIds.length ? await this.cypher.read((run) => run('article-entities', { ids: [...new Set(articleIds)] })) : [];
    return groupPairs(articleIds, rows, 'article', 'entity');
  }

  async statements({ speaker, about, first }: StatementFilter): Promise<Statement[]> {
    if (first <= 0) return [];
    const limit = this.cypher.int(first);
    const [name, params]: [string, Params] =
      speaker && about
        ? ['statements-by-speaker-about', { speaker, about, limit }]
        : speaker
          ? ['statements-by-speaker', { speaker, limit }]
          : about
            ? ['statements-about', { about, limit }]
            : ['statements', { limit }];
    return (await this.cypher.read((run) => run(name, params))).map((r) => this.statementOf(r));
  }

  statementsByIds(ids: readonly string[]): Promise<(Statement | null)[]> {
    return this.byIds(ids, 'statements-by-ids', (r) => this.statementOf(r));
  }

  /**
   * Entities, statements and articles by primary key first; only the ids
   * still unknown are looked up as relations (LadybugDB has no index on a
   * relation's id).
   */
  async nodesByIds(ids: readonly string[]): Promise<(StoredNode | null)[]> {
    const found = new Map<string, StoredNode>();
    const [entities, statements, articles] = await Promise.all([this.entitiesByIds(ids), this.statementsByIds(ids), this.articlesByIds(ids)]);
    for (const e of entities) if (e) found.set(e.id, { type: 'Entity', record: e });
    for (const s of statements) if (s) found.set(s.id, { type: 'Statement', record: s });
    for (const a of articles) if (a) found.set(a.id, { type: 'Article', record: a });
    const rest = ids.filter((id) => !found.has(id));
    for (const r of await this.relationsByIds(rest)) if (r) found.set(r.id, { type: 'Relation', record: r });
    return ids.map((id) => found.get(id) ?? null);
  }

  async passages(text: string, options?: PassageSearchOptions): Promise<Passage[]> {
    return this.fullText.find((await this.summary()).loadedAt, text, options);
  }

  /** Starts building the full-text index of a graph this process did not load, so the first search need not wait for it. */
  protected warmFullText(): void {
    this.passages('').catch(() => undefined); // a database not up yet: the first search tries again
  }

  /** What the full-text index reads back from the stored graph (a restart, or another replica's load). */
  private async scanPassages(): Promise<PassageStory> {
    // After the in-memory indexes' scans (LadybugDB): a streamed scan's rows wait in the engine's buffer pool
    // until read, and this scan beside the relations index's outgrew the default 256 MiB pool at a million relations.
    await this.cypher.warming?.();
    // Relations come a row each (LadybugDB, streamed) or a row per group citing the same words (Neo4j).
    // Rows with the same evidence share its parsed quotes; the cache of them is bounded, so a graph whose
    // relations each cite their own words does not keep every raw string until the scan ends.
    const relations = new RelationColumns();
    const quotes = new Map<string, ReturnType<typeof evidenceOf>>();
    const ids = (value: unknown) => (value as unknown[]).map(String);
    const take = (r: Row) => {
      const raw = typeof r.evidence === 'string' ? r.evidence : JSON.stringify(r.evidence ?? null);
      let evidence = quotes.get(raw);
      if (!evidence) {
        if (quotes.size >= 4096) quotes.clear();
        quotes.set(raw, (evidence = evidenceOf(r.evidence)));
      }
      if (r.ids === undefined) relations.add(String(r.id), String(r.from), String(r.to), evidence);
      else {
        const [from, to] = [ids(r.froms), ids(r.tos)];
        ids(r.ids).forEach((id, i) => relations.add(id, from[i]!, to[i]!, evidence));
      }
    };
    const [articles, entities, statements] = await this.cypher.read(
      async (run) => {
        const read = await Promise.all([run('articles').then((rows) => rows.map((r) => this.articleOf(r))), run('passage-entities'), run('passage-statements')]);
        // Then the relations alone, for the same reason.
        if (this.cypher.scan) await this.cypher.scan('passage-relations', take);
        else (await run('passage-relations')).forEach(take);
        return read;
      },
      { timeoutMs: FULL_TEXT_SCAN_TIMEOUT_MS },
    );
    return {
      articles,
      entities: entities.map((r) => ({ id: String(r.id), name: String(r.name), aliases: parseJson<string[]>(r.aliases, []), summary: nonEmpty(r.summary), evidence: evidenceOf(r.evidence) })),
      relations,
      statements: statements.map((r) => ({ id: String(r.id), speaker: String(r.speaker), words: String(r.words), evidence: evidenceOf(r.evidence) })),
    };
  }

  async relationTypes(): Promise<string[]> {
    return Object.keys((await this.summary()).byType).sort();
  }

  async stats(): Promise<Stats> {
    return statsOf(await this.summary());
  }

  protected summary(): Promise<GraphSummary> {
    return this.cypher.read((run) => this.summaryIn(run));
  }

  /** The summary stored with the graph, read inside the caller's read (kept after the first when the engine is its sole writer). */
  private async summaryIn(run: Run): Promise<GraphSummary> {
    if (this.kept) return this.kept;
    const [row] = await run('meta', { key: SUMMARY_KEY });
    const summary = parseJson<GraphSummary>(row?.value, EMPTY_SUMMARY);
    if (this.cypher.soleWriter) this.kept = summary;
    return summary;
  }

  /** Forgets the kept summary (the engine was replaced under the store). */
  protected forgetSummary(): void {
    this.kept = null;
  }

  private async byIds<T extends { id: string }>(ids: readonly string[], name: string, decode: (row: Row) => T): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.cypher.read((run) => run(name, { ids: [...new Set(ids)] }));
    return inOrderOf(ids, rows.map(decode));
  }

  /** A statement with an optional list filter: the engine's faster twin, or one statement taking [] for "all". */
  private filtered(name: string, key: 'types' | 'kinds', list: readonly string[] | null | undefined, params: Params): [string, Params] {
    if (!this.cypher.filterTwins) return [name, { ...params, [key]: [...(list ?? [])] }];
    return list?.length ? [`${name}-typed`, { ...params, [key]: [...list] }] : [name, params];
  }

  private entityOf(row: Row): Entity {
    return entityFromProps(this.cypher.record(row, 'e'));
  }

  private articleOf(row: Row): Article {
    return articleFromProps(this.cypher.record(row, 'a'));
  }

  private statementOf(row: Row): Statement {
    return statementFromProps(this.cypher.record(row, 's'));
  }

  private relationOf(row: Row): Relation {
    return relationFromProps(this.cypher.record(row, 'r'), String(row.source), String(row.target));
  }
}
