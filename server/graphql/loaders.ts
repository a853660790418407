/**
 * Per-request batching: every field that fans out (Relation.from/to,
 * Evidence.article, Entity.relations, Entity.mentionedIn, Article.entities)
 * goes through a DataLoader, so a page of 100 relations with their ends and
 * evidence costs a handful of store calls.
 */
import DataLoader from 'dataloader';
import type { Article, Direction, Entity, Relation, Statement } from '../domain/types.js';
import type { GraphStore } from '../store/graph-store.js';

export interface RelationsKey {
  direction: Direction;
  types: string[] | null;
  first: number;
}

/** `first` for "every relation of the entity" (connections page them after filtering). */
export const ALL = Number.MAX_SAFE_INTEGER;

export function createLoaders(store: GraphStore) {
  const entity = new DataLoader<string, Entity | null>((ids) => store.entitiesByIds(ids), { maxBatchSize: 1000 });
  const article = new DataLoader<string, Article | null>((ids) => store.articlesByIds(ids));
  const relation = new DataLoader<string, Relation | null>((ids) => store.relationsByIds(ids), { maxBatchSize: 1000 });
  const statement = new DataLoader<string, Statement | null>((ids) => store.statementsByIds(ids), { maxBatchSize: 1000 });
  /** What each entity said (the port has no batch form: one call per speaker, at most 500 each). */
  const statementsBy = new DataLoader<string, Statement[]>((ids) => Promise.all(ids.map((speaker) => store.statements({ speaker, first: 500 }))));
  const mentionedIn = new DataLoader<string, string[]>(async (ids) => {
    const byId = await store.mentionedIn(ids);
    return ids.map((id) => byId.get(id) ?? []);
  });
  const articleEntities = new DataLoader<string, string[]>(async (ids) => {
    const byId = await store.articleEntities(ids);
    return ids.map((id) => byId.get(id) ?? []);
  });
  // One loader per distinct filter, so entities asking the same question batch together.
  const relationsByFilter = new Map<string, DataLoader<string, Relation[]>>();
  const relationsOf = (key: RelationsKey) => {
    const k = JSON.stringify(key);
    let loader = relationsByFilter.get(k);
    if (!loader) {
      loader = new DataLoader<string, Relation[]>(async (ids) => {
        const byId = await store.relationsOf(ids, key);
        return ids.map((id) => byId.get(id) ?? []);
      }, { maxBatchSize: 500 });
      relationsByFilter.set(k, loader);
    }
    return loader;
  };
  /**
   * Entities a store call already returned, by id: a relation's end among them is
   * answered at once, without a loader's promise (an overview's 3,000 edges have
   * 6,000 ends; their promises cost more than the rest of the answer's fields).
   */
  const known = new Map<string, Entity>();
  /** Remembers entities a store call already returned, so their ends cost nothing. */
  const prime = (entities: readonly Entity[]) => {
    for (const e of entities) {
      entity.prime(e.id, e);
      known.set(e.id, e);
    }
    return entities;
  };
  return { entity, article, relation, statement, statementsBy, mentionedIn, articleEntities, relationsOf, prime, known: known as ReadonlyMap<string, Entity> };
}

export type Loaders = ReturnType<typeof createLoaders>;
