/**
 * Query resolvers. They check arguments, call the GraphStore (through the
 * per-request loaders where a field fans out) and shape plain domain objects
 * for the schema. Nothing here knows Cypher or which engine runs.
 */
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import { NotFound } from '../domain/errors.js';
import { RELATION_TYPES, isRelationType } from '../domain/relation-types.js';
import type { Article, Entity, EntityKind, Relation, Statement, Subgraph } from '../domain/types.js';
import { bounded, boundedList, boundedText } from './arguments.js';
import { connectionOf, connectionOfPage, storeCursorOf } from './connections.js';
import type { GraphContext } from './context.js';
import { checkDates, entityMatches, entityOrder, relationMatches, relationOrder } from './filters.js';
import { checkRelationTypes, kindsOfEnds, labelOf, windowOf } from './resolve-helpers.js';
import { scanEntities, scanRelations } from './scans.js';
import { typeResolvers } from './type-resolvers.js';

type Args = Record<string, any>;

export const KIND_VALUES: Record<string, EntityKind> = {
  PERSON: 'Person',
  GROUP: 'Group',
  ORGANISATION: 'Organisation',
  POSITION: 'Position',
  COUNTRY: 'Country',
  PLACE: 'Place',
  EVENT: 'Event',
};

function subgraph(ctx: GraphContext, g: Subgraph): Subgraph {
  ctx.budget.spend(g.nodes);
  ctx.budget.spend(g.edges);
  ctx.loaders.prime(g.nodes);
  return g;
}

async function requireEntities(ctx: GraphContext, ids: string[]) {
  const found = await ctx.loaders.entity.loadMany(ids);
  // A store failure (the database is down) is that failure, not an unknown id.
  const failure = found.find((f) => f instanceof Error);
  if (failure) throw failure;
  const missing = ids.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (missing.length) throw new NotFound(`No entity ${missing.map((id) => `"${id}"`).join(' or ')}. Find ids with "search(text:)".`);
}

function typeOfNode(n: object): string {
  if ('kind' in n) return 'Entity';
  if ('speaker' in n) return 'Statement';
  if ('from' in n && 'type' in n) return 'Relation';
  return 'Article';
}

async function nodeById(ctx: GraphContext, id: string): Promise<Entity | Relation | Article | Statement | null> {
  const [e, r, a, st] = await Promise.all([ctx.loaders.entity.load(id), ctx.loaders.relation.load(id), ctx.loaders.article.load(id), ctx.loaders.statement.load(id)]);
  return e ?? r ?? a ?? st ?? null;
}

export const resolvers: IResolvers<unknown, GraphContext> = {
  ...typeResolvers,
  EntityKind: KIND_VALUES,
  Node: { __resolveType: (n: object) => typeOfNode(n) },

  Query: {
    entity: (_: unknown, { id }: Args, ctx: GraphContext) => ctx.loaders.entity.load(id),

    search: async (_: unknown, { text, kinds, first }: Args, ctx: GraphContext) => {
      boundedText('text', text, ctx.limits.maxSearchLength, { allowEmpty: true });
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 10 });
      return ctx.loaders.prime(ctx.budget.spend(await ctx.store.search(text, { kinds: boundedList('kinds', kinds) ?? [], first: n })));
    },

    entities: async (_: unknown, args: Args, ctx: GraphContext, info: GraphQLResolveInfo) => {
      const window = windowOf(args, info, ctx.limits.maxFirst, 50);
      checkDates(args.where);
      const storeAfter = storeCursorOf(window.after);
      if (!args.ids && !args.where && !args.orderBy && window.last == null && !window.before && storeAfter !== undefined) {
        const page = await ctx.store.entities(args.kind ?? null, { first: window.first!, after: storeAfter });
        ctx.loaders.prime(ctx.budget.spend(page.items));
        const conn = connectionOfPage(page, window.after);
        return { ...conn, aggregate: async () => connectionOf(await scanEntities(ctx, args), {}, (e) => e.date).aggregate };
      }
      const items = (await scanEntities(ctx, args)).filter(entityMatches(args.where));
      const order = entityOrder(args.orderBy);
      if (order) items.sort(order);
      return connectionOf(items, window, (e) => e.date);
    },

    relations: async (_: unknown, args: Args, ctx: GraphContext, info: GraphQLResolveInfo) => {
      const window = windowOf(args, info, ctx.limits.maxFirst, 100);
      const types = boundedList<string>('types', args.types);
      await checkRelationTypes(ctx, 'types', types);
      await checkRelationTypes(ctx, 'where.types', boundedList('where.types', args.where?.types));
      checkDates(args.where);
      const storeAfter = storeCursorOf(window.after);
      if (!args.where && !args.orderBy && window.last == null && !window.before && storeAfter !== undefined) {
        const page = await ctx.store.relations(types, { first: window.first!, after: storeAfter });
        ctx.budget.spend(page.items);
        const conn = connectionOfPage(page, window.after);
        return { ...conn, aggregate: async () => connectionOf(await scanRelations(ctx, types, null), {}, (r) => r.date).aggregate };
      }
      const scanned = await scanRelations(ctx, types, args.where);
      const kinds = args.where?.kinds?.length ? await kindsOfEnds(ctx, scanned) : new Map<string, EntityKind>();
      const items = scanned.filter(relationMatches(args.where, (id) => kinds.get(id)));
      items.sort(relationOrder(args.orderBy) ?? ((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      return connectionOf(items, window, (r) => r.date);
    },

    relation: (_: unknown, { id }: Args, ctx: GraphContext) => ctx.loaders.relation.load(id),

    statements: async (_: unknown, { speaker, about, first }: Args, ctx: GraphContext) => {
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 100 });
      return ctx.budget.spend(await ctx.store.statements({ speaker: speaker ?? null, about: about ?? null, first: n }));
    },

    node: (_: unknown, { id }: Args, ctx: GraphContext) => nodeById(ctx, id),
    nodes: (_: unknown, { ids }: Args, ctx: GraphContext) => Promise.all(ctx.budget.spend(boundedList<string>('ids', ids, ctx.limits.maxFirst)!).map((id) => nodeById(ctx, id))),

    graph: async (_: unknown, { kinds, types, limit }: Args, ctx: GraphContext) => {
      const n = bounded('limit', limit, { max: ctx.limits.maxLimit, fallback: 2000 });
      await checkRelationTypes(ctx, 'types', types);
      return subgraph(ctx, await ctx.store.graph({ kinds: boundedList('kinds', kinds), types: boundedList('types', types), limit: n }));
    },

    neighbourhood: async (_: unknown, { id, depth, kinds, types, limit }: Args, ctx: GraphContext) => {
      const d = bounded('depth', depth, { min: 1, max: ctx.limits.maxDepth, fallback: 1 });
      const n = bounded('limit', limit, { min: 1, max: ctx.limits.maxLimit, fallback: 500 });
      await checkRelationTypes(ctx, 'types', types);
      await requireEntities(ctx, [id]);
      return subgraph(ctx, await ctx.store.neighbourhood(id, d, { kinds: boundedList('kinds', kinds), types: boundedList('types', types), limit: n }));
    },

    shortestPath: async (_: unknown, { from, to, maxLength }: Args, ctx: GraphContext) => {
      const m = bounded('maxLength', maxLength, { min: 1, max: ctx.limits.maxPathLength, fallback: 6 });
      await requireEntities(ctx, [...new Set([from, to])]);
      const path = await ctx.store.shortestPath(from, to, m);
      return path ? subgraph(ctx, path) : null;
    },

    ask: async (_: unknown, { question }: Args, ctx: GraphContext) => {
      boundedText('question', question, ctx.limits.maxQuestionLength);
      const answer = await ctx.questions.ask(question);
      ctx.loaders.prime(answer.subgraph.nodes);
      return answer;
    },

    timeline: async (_: unknown, __: Args, ctx: GraphContext) => ctx.loaders.prime(ctx.budget.spend(await ctx.store.timeline())),
    articles: async (_: unknown, __: Args, ctx: GraphContext) => ctx.budget.spend(await ctx.store.articles()),
    article: (_: unknown, { id }: Args, ctx: GraphContext) => ctx.loaders.article.load(id),
    relationTypes: (_: unknown, __: Args, ctx: GraphContext) => ctx.store.relationTypes(),
    stats: (_: unknown, __: Args, ctx: GraphContext) => ctx.store.stats(),

    relationTypeInfo: async (_: unknown, __: Args, ctx: GraphContext) => {
      const stats = await ctx.store.stats();
      return stats.byRelationType.map(({ type, count }) => ({
        type,
        count,
        label: labelOf(type),
        description: isRelationType(type) ? RELATION_TYPES[type].description : '',
      }));
    },
  },
};
