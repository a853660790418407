/**
 * The in-memory store's graph: the stored records of one story in maps,
 * with the indexes its reads need, checked as a database would check them
 * (unique ids per table, every reference to an existing record).
 */
import type { ArticleRecord, EntityRecord, RelationRecord, StatementRecord, StoryRecords } from '../records.js';
import { compare } from '../lists.js';

const EMPTY: StoryRecords = { entities: [], relations: [], articles: [], statements: [], mentions: [], about: [] };

export class Graph {
  readonly entities = new Map<string, EntityRecord>();
  readonly relations = new Map<string, RelationRecord>();
  readonly articles = new Map<string, ArticleRecord>();
  readonly statements = new Map<string, StatementRecord>();
  readonly about: StoryRecords['about'];
  readonly outgoing = new Map<string, RelationRecord[]>();
  readonly incoming = new Map<string, RelationRecord[]>();
  /** entity id -> ids of the articles mentioning it */
  readonly mentionsOf = new Map<string, string[]>();
  /** article id -> ids of the entities it mentions */
  readonly mentionedBy = new Map<string, string[]>();
  readonly entityIds: string[];
  readonly relationIds: string[];
  /** Best-connected first, then by id: the overview's order. */
  readonly byDegree: EntityRecord[];

  constructor(records: StoryRecords = EMPTY) {
    for (const e of records.entities) add(this.entities, e.id, e, 'entity');
    for (const a of records.articles) add(this.articles, a.id, a, 'article');
    for (const r of records.relations) {
      this.need(this.entities, r.from, `relation ${r.properties.id}`);
      this.need(this.entities, r.to, `relation ${r.properties.id}`);
      add(this.relations, r.properties.id, r, 'relation');
      push(this.outgoing, r.from, r);
      push(this.incoming, r.to, r);
    }
    for (const m of records.mentions) {
      this.need(this.articles, m.article, 'a mention');
      this.need(this.entities, m.entity, 'a mention');
      push(this.mentionsOf, m.entity, m.article);
      push(this.mentionedBy, m.article, m.entity);
    }
    for (const s of records.statements) {
      this.need(this.entities, s.speaker, `statement ${s.id}`);
      add(this.statements, s.id, s, 'statement');
    }
    for (const a of records.about) this.need(this.entities, a.entity, `statement ${a.statement}`);
    this.about = records.about;
    this.entityIds = [...this.entities.keys()].sort(compare);
    this.relationIds = [...this.relations.keys()].sort(compare);
    this.byDegree = [...this.entities.values()].sort((a, b) => b.degree - a.degree || compare(a.id, b.id));
  }

  private need(map: Map<string, unknown>, id: string, where: string): void {
    if (!map.has(id)) throw new Error(`${where} names "${id}", which is not in the story; nothing was loaded.`);
  }
}

/** The rows of `list` whose `field` is `value`. */
export function pairs<T extends Record<string, string>>(list: readonly T[], field: keyof T, value: string): T[] {
  return list.filter((p) => p[field] === value);
}

function add<T>(map: Map<string, T>, id: string, value: T, what: string): void {
  if (map.has(id)) throw new Error(`Two records of type ${what} have the id "${id}"; nothing was loaded.`);
  map.set(id, value);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
