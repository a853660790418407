/**
 * The candidate lists of filtered or reordered top-level connections. A
 * filter that names an entity or an article starts from that record's
 * (bounded) relations or mentions; anything else reads the store's pages in
 * order, every item counted against the request's object budget, so a scan
 * of a huge graph ends in QUERY_TOO_COMPLEX rather than in a long request.
 */
import type { Entity, EntityKind, Page, Relation } from '../domain/types.js';
import type { PageOptions } from '../store/graph-store.js';
import type { GraphContext } from './context.js';
import type { EntityWhere, RelationWhere } from './filters.js';
import { ALL } from './loaders.js';

type Args = Record<string, any>;

const SCAN_PAGE = 500;

async function scanPages<T>(ctx: GraphContext, read: (page: PageOptions) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await read({ first: SCAN_PAGE, after });
    ctx.budget.spend(page.items);
    all.push(...page.items);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return all;
}

function present<T>(items: readonly (T | null | Error)[]): T[] {
  return items.filter((x): x is T => x !== null && !(x instanceof Error));
}

/** Entities that `ids`, `kind` and `where` may select, before the rest of `where` and the order apply. */
export async function scanEntities(ctx: GraphContext, args: Args): Promise<Entity[]> {
  const where = (args.where ?? {}) as EntityWhere;
  const kind = (args.kind as EntityKind | null) ?? null;
  let items: Entity[];
  if (args.ids) {
    const ids = ctx.budget.spend([...(args.ids as string[])]);
    items = present(await ctx.loaders.entity.loadMany(ids));
  } else if (where.article) {
    items = present(await ctx.loaders.entity.loadMany(ctx.budget.spend(await ctx.loaders.articleEntities.load(where.article))));
  } else if (where.relatedTo) {
    const relations = ctx.budget.spend(await ctx.loaders.relationsOf({ direction: 'BOTH', types: null, first: ALL }).load(where.relatedTo));
    const others = [...new Set(relations.map((r) => (r.from === where.relatedTo ? r.to : r.from)))];
    items = present(await ctx.loaders.entity.loadMany(others));
  } else {
    items = await scanPages(ctx, (page) => ctx.store.entities(kind ?? (where.kinds?.length === 1 ? where.kinds[0]! : null), page));
  }
  if (where.article && where.relatedTo) {
    const related = await ctx.loaders.relationsOf({ direction: 'BOTH', types: null, first: ALL }).load(where.relatedTo);
    const ends = new Set(related.flatMap((r) => [r.from, r.to]));
    items = items.filter((e) => ends.has(e.id) && e.id !== where.relatedTo);
  }
  if (args.ids && !args.orderBy) return kind ? items.filter((e) => e.kind === kind) : items;
  items = kind ? items.filter((e) => e.kind === kind) : items;
  ctx.loaders.prime(items);
  return args.orderBy ? items : items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Relations that `types` and `where` may select, before the rest of `where` and the order apply. */
export async function scanRelations(ctx: GraphContext, types: readonly string[] | null, where: RelationWhere | null | undefined): Promise<Relation[]> {
  const around = where?.from ?? where?.to ?? where?.endpoint;
  const allTypes = types?.length && where?.types?.length ? types.filter((t) => where.types!.includes(t)) : (types?.length ? types : where?.types) ?? null;
  if (around) {
    const direction = where?.from ? 'OUT' : where?.to ? 'IN' : 'BOTH';
    const list = await ctx.loaders.relationsOf({ direction, types: allTypes?.length ? [...allTypes].sort() : null, first: ALL }).load(around);
    return ctx.budget.spend([...list]);
  }
  if (types?.length && where?.types?.length && allTypes?.length === 0) return [];
  return scanPages(ctx, (page) => ctx.store.relations(allTypes?.length ? allTypes : null, page));
}
