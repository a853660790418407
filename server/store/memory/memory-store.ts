/**
 * The whole GraphStore port over plain maps, in this process: no database.
 * It stores the same records as the Cypher engines (records.ts) and decodes
 * them with the same functions, so it answers exactly as they do; the store
 * contract suite runs against it beside LadybugDB and Neo4j, and tests of
 * the layers above can run on it without a database. A load builds the new
 * maps whole and then swaps them in: all or nothing.
 */
import type { Passage, PassageSearchOptions } from '../../domain/passage.js';
import type { Article, Entity, EntityKind, Page, Relation, Stats, Statement, Story, Subgraph } from '../../domain/types.js';
import { decodeCursor } from '../cursor.js';
import { articleFromProps, entityFromProps, relationFromProps, statementFromProps } from '../decode.js';
import type { GraphStore, LoadSummary, PageOptions, RelationFilter, SearchOptions, StatementFilter, StoredNode, SubgraphFilter } from '../graph-store.js';
import { byTypeThenId, compare, groupRelations, inOrderOf, pageOf, statementOrder } from '../lists.js';
import { PassageIndex } from '../full-text/passage-index.js';
import { NameIndex } from '../name-index.js';
import { storyRecords, type RelationRecord } from '../records.js';
import { EMPTY_SUMMARY, entityTotal, relationTotal, statsOf, summarise, type GraphSummary } from '../summary.js';
import { breadthFirst } from '../traversal.js';
import { Graph, pairs } from './graph.js';

/** The longest path shortestPath looks for, as the Cypher statements (…*..8). */
const MAX_PATH = 8;

export class MemoryStore implements GraphStore {
  readonly engine = 'memory';
  private graphNow = new Graph();
  private summaryNow: GraphSummary = EMPTY_SUMMARY;
  private names = new NameIndex([]);
  private passageIndex = PassageIndex.empty();

  async load(story: Story): Promise<LoadSummary> {
    const started = performance.now();
    const graph = new Graph(storyRecords(story)); // throws on a dangling reference, before anything changes
    const passageIndex = PassageIndex.build(story);
    this.graphNow = graph;
    this.passageIndex = passageIndex;
    this.summaryNow = summarise(story);
    this.names = new NameIndex([...graph.entities.values()].map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: JSON.parse(e.aliases) as string[], degree: e.degree })));
    const { entities, relations, articles } = this.summaryNow;
    return { entities, relations, articles, mentions: story.mentions.length, milliseconds: performance.now() - started };
  }

  replaceAll(story: Story): Promise<LoadSummary> {
    return this.load(story);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  async entity(id: string): Promise<Entity | null> {
    return this.entityOf(id);
  }

  async entitiesByIds(ids: readonly string[]): Promise<(Entity | null)[]> {
    return ids.map((id) => this.entityOf(id));
  }

  async passages(text: string, options?: PassageSearchOptions): Promise<Passage[]> {
    return this.passageIndex.find(text, options);
  }

  async search(text: string, { kinds = [], first = 10 }: SearchOptions = {}): Promise<Entity[]> {
    return this.names.find(text, kinds, first).map((id) => this.entityOf(id)!);
  }

  async entities(kind: EntityKind | null, { first, after }: PageOptions): Promise<Page<Entity>> {
    const from = decodeCursor(after) ?? '';
    const ids = this.graphNow.entityIds.filter((id) => id > from && (!kind || this.graphNow.entities.get(id)!.kind === kind)).slice(0, first + 1);
    return pageOf(ids.slice(0, first).map((id) => this.entityOf(id)!), ids.length > first, entityTotal(this.summaryNow, kind), (e) => e.id);
  }

  async relations(types: readonly string[] | null, { first, after }: PageOptions): Promise<Page<Relation>> {
    const from = decodeCursor(after) ?? '';
    const wanted = types?.length ? new Set(types) : null;
    const rows = this.graphNow.relationIds.map((id) => this.graphNow.relations.get(id)!).filter((r) => r.properties.id > from && (!wanted || wanted.has(r.properties.type)));
    const items = rows.slice(0, first).map(relationOf);
    return pageOf(items, rows.length > first, relationTotal(this.summaryNow, types), (r) => r.id);
  }

  async relationsByIds(ids: readonly string[]): Promise<(Relation | null)[]> {
    return ids.map((id) => {
      const r = this.graphNow.relations.get(id);
      return r ? relationOf(r) : null;
    });
  }

  async relationsOf(entityIds: readonly string[], { direction = 'BOTH', types = null, first = Infinity }: RelationFilter = {}): Promise<Map<string, Relation[]>> {
    const wanted = types?.length ? new Set(types) : null;
    const pick = (index: Map<string, RelationRecord[]>) =>
      [...new Set(entityIds)].flatMap((id) => index.get(id) ?? []).filter((r) => !wanted || wanted.has(r.properties.type)).map(relationOf);
    const outgoing = direction === 'IN' ? [] : pick(this.graphNow.outgoing);
    const incoming = direction === 'OUT' ? [] : pick(this.graphNow.incoming);
    return groupRelations(entityIds, outgoing, incoming, first);
  }

  async graph({ kinds, types, limit }: SubgraphFilter): Promise<Subgraph> {
    const wantedKinds = kinds?.length ? new Set<string>(kinds) : null;
    const top = this.graphNow.byDegree.filter((e) => !wantedKinds || wantedKinds.has(e.kind)).slice(0, limit + 1);
    const ids = new Set(top.slice(0, limit).map((e) => e.id));
    const wanted = types?.length ? new Set(types) : null;
    const edges = [...this.graphNow.relations.values()].filter((r) => ids.has(r.from) && ids.has(r.to) && (!wanted || wanted.has(r.properties.type))).map(relationOf);
    return { nodes: top.slice(0, limit).map((e) => entityFromProps(e)), edges: edges.sort(byTypeThenId), truncated: top.length > limit };
  }

  neighbourhood(id: string, depth: number, filter: SubgraphFilter): Promise<Subgraph> {
    return breadthFirst(this, id, depth, filter);
  }

  /** Breadth-first over relations in both directions, so the first path found is a shortest one. */
  async shortestPath(from: string, to: string, maxLength: number): Promise<Subgraph | null> {
    const start = this.entityOf(from);
    if (!start || !this.graphNow.entities.has(to)) return null;
    if (from === to) return { nodes: [start], edges: [], truncated: false };
    const cameBy = new Map<string, RelationRecord | null>([[from, null]]);
    let frontier = [from];
    for (let hop = 0; hop < Math.min(maxLength, MAX_PATH) && frontier.length > 0 && !cameBy.has(to); hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const r of [...(this.graphNow.outgoing.get(id) ?? []), ...(this.graphNow.incoming.get(id) ?? [])]) {
          const other = r.from === id ? r.to : r.from;
          if (cameBy.has(other)) continue;
          cameBy.set(other, r);
          next.push(other);
        }
      }
      frontier = next;
    }
    if (!cameBy.has(to)) return null;
    const nodes: string[] = [to];
    const edges: Relation[] = [];
    for (let at = to, r = cameBy.get(at); r; r = cameBy.get(at)) {
      edges.unshift(relationOf(r));
      at = r.from === at ? r.to : r.from;
      nodes.unshift(at);
    }
    return { nodes: nodes.map((id) => this.entityOf(id)!), edges, truncated: false };
  }

  async timeline(): Promise<Entity[]> {
    const events = [...this.graphNow.entities.values()].filter((e) => e.kind === 'Event' && e.date);
    return events.sort((a, b) => compare(a.date!, b.date!) || compare(a.id, b.id)).map((e) => entityFromProps(e));
  }

  async articles(): Promise<Article[]> {
    return [...this.graphNow.articles.values()].sort((a, b) => compare(a.id, b.id)).map((a) => articleFromProps(a));
  }

  async articlesByIds(ids: readonly string[]): Promise<(Article | null)[]> {
    return ids.map((id) => {
      const a = this.graphNow.articles.get(id);
      return a ? articleFromProps(a) : null;
    });
  }

  async mentionedIn(entityIds: readonly string[]): Promise<Map<string, string[]>> {
    const byEntity = this.graphNow.mentionsOf;
    return new Map(entityIds.map((id) => [id, [...(byEntity.get(id) ?? [])].sort(compare)]));
  }

  /** Best-connected first, then by id: the order of article-entities.cypher. */
  async articleEntities(articleIds: readonly string[]): Promise<Map<string, string[]>> {
    const degree = (id: string) => this.graphNow.entities.get(id)?.degree ?? 0;
    const byArticle = this.graphNow.mentionedBy;
    return new Map(articleIds.map((id) => [id, [...(byArticle.get(id) ?? [])].sort((a, b) => degree(b) - degree(a) || compare(a, b))]));
  }

  async statements({ speaker, about, first }: StatementFilter): Promise<Statement[]> {
    const aboutIds = about ? new Set(pairs(this.graphNow.about, 'entity', about).map((p) => p.statement)) : null;
    return [...this.graphNow.statements.values()]
      .filter((s) => (!speaker || s.speaker === speaker) && (!aboutIds || aboutIds.has(s.id)))
      .map((s) => statementFromProps(s))
      .sort(statementOrder)
      .slice(0, Math.max(0, first));
  }

  async statementsByIds(ids: readonly string[]): Promise<(Statement | null)[]> {
    return inOrderOf(ids, ids.flatMap((id) => this.graphNow.statements.get(id) ?? []).map((s) => statementFromProps(s)));
  }

  async nodesByIds(ids: readonly string[]): Promise<(StoredNode | null)[]> {
    const g = this.graphNow;
    return ids.map((id): StoredNode | null => {
      const e = g.entities.get(id);
      if (e) return { type: 'Entity', record: entityFromProps(e) };
      const r = g.relations.get(id);
      if (r) return { type: 'Relation', record: relationOf(r) };
      const s = g.statements.get(id);
      if (s) return { type: 'Statement', record: statementFromProps(s) };
      const a = g.articles.get(id);
      return a ? { type: 'Article', record: articleFromProps(a) } : null;
    });
  }

  async relationTypes(): Promise<string[]> {
    return Object.keys(this.summaryNow.byType).sort();
  }

  async stats(): Promise<Stats> {
    return statsOf(this.summaryNow);
  }

  toString(): string {
    return 'the in-memory store';
  }

  private entityOf(id: string): Entity | null {
    const e = this.graphNow.entities.get(id);
    return e ? entityFromProps(e) : null;
  }
}

function relationOf(r: RelationRecord): Relation {
  return relationFromProps(r.properties, r.from, r.to);
}
