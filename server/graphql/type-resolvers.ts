/** Resolvers of the object types: entities, relations, evidence, articles, answers. */
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import { NotFound } from '../domain/errors.js';
import type { Article, Entity, Evidence, Relation, Statement, Subgraph } from '../domain/types.js';
import { bounded, boundedList } from './arguments.js';
import { connectionOf } from './connections.js';
import type { GraphContext } from './context.js';
import { certaintyOf, checkDates, relationMatches, relationOrder } from './filters.js';
import { layoutOf } from './layout.js';
import { ALL } from './loaders.js';
import { checkRelationTypes, kindsOfEnds, labelOf, windowOf } from './resolve-helpers.js';

type Args = Record<string, any>;

async function requireEntity(ctx: GraphContext, id: string): Promise<Entity> {
  const e = await ctx.loaders.entity.load(id);
  // The store keeps relations' ends; a missing end means the graph changed under the request.
  if (!e) throw new NotFound(`No entity "${id}".`);
  return e;
}

function present<T>(items: readonly (T | null | Error)[]): T[] {
  return items.filter((x): x is T => x !== null && !(x instanceof Error));
}

async function relationsOf(ctx: GraphContext, e: Entity, direction: string | null | undefined, types: readonly string[] | null, first: number) {
  return ctx.loaders.relationsOf({ direction: (direction ?? 'BOTH') as 'OUT' | 'IN' | 'BOTH', types: types ? [...types].sort() : null, first }).load(e.id);
}

async function articlesMentioning(ctx: GraphContext, e: Entity): Promise<Article[]> {
  const ids = ctx.budget.spend(await ctx.loaders.mentionedIn.load(e.id));
  return present(await ctx.loaders.article.loadMany(ids));
}

async function entitiesOf(ctx: GraphContext, a: Article): Promise<Entity[]> {
  const ids = ctx.budget.spend(await ctx.loaders.articleEntities.load(a.id));
  return present(await ctx.loaders.entity.loadMany(ids));
}

export const typeResolvers: IResolvers<unknown, GraphContext> = {
  Subgraph: {
    layout: (g: Subgraph, { width, height }: Args) => layoutOf(g, width, height),
  },
  Entity: {
    evidence: (e: Entity, _: Args, ctx: GraphContext) => ctx.budget.spend(e.evidence),
    claims: (e: Entity, _: Args, ctx: GraphContext) => ctx.budget.spend(e.claims),
    relations: async (e: Entity, { direction, types, first }: Args, ctx: GraphContext) => {
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 100 });
      const list = boundedList<string>('types', types);
      await checkRelationTypes(ctx, 'types', list);
      return ctx.budget.spend(await relationsOf(ctx, e, direction, list, n));
    },
    relationsConnection: async (e: Entity, args: Args, ctx: GraphContext, info: GraphQLResolveInfo) => {
      const window = windowOf(args, info, ctx.limits.maxFirst, 100);
      const types = boundedList<string>('types', args.types);
      await checkRelationTypes(ctx, 'types', types);
      await checkRelationTypes(ctx, 'where.types', boundedList('where.types', args.where?.types));
      checkDates(args.where);
      const all = ctx.budget.spend(await relationsOf(ctx, e, args.direction, types, ALL));
      const kinds = args.where?.kinds?.length ? await kindsOfEnds(ctx, all) : new Map();
      const items = all.filter(relationMatches(args.where, (id) => kinds.get(id), e.id));
      const order = relationOrder(args.orderBy);
      if (order) items.sort(order);
      return connectionOf(items, window, (r) => r.date);
    },
    mentionedIn: (e: Entity, _: Args, ctx: GraphContext) => articlesMentioning(ctx, e),
    mentionedInConnection: async (e: Entity, args: Args, ctx: GraphContext, info: GraphQLResolveInfo) =>
      connectionOf(await articlesMentioning(ctx, e), windowOf(args, info, ctx.limits.maxFirst, 50), (a) => a.published),
    members: async (e: Entity, _: Args, ctx: GraphContext) => {
      if (e.kind !== 'Group') return [];
      const relations = await relationsOf(ctx, e, 'IN', ['MEMBER_OF'], ALL);
      return present(await ctx.loaders.entity.loadMany(ctx.budget.spend(relations.map((r) => r.from))));
    },
    endDate: (e: Entity) => e.endDate ?? null,
    statements: async (e: Entity, _: Args, ctx: GraphContext) => ctx.budget.spend(await ctx.loaders.statementsBy.load(e.id)),
  },

  Statement: {
    speaker: (st: Statement, _: Args, ctx: GraphContext) => requireEntity(ctx, st.speaker),
    about: async (st: Statement, _: Args, ctx: GraphContext) => present(await ctx.loaders.entity.loadMany(ctx.budget.spend(st.about))),
    reportedBy: async (st: Statement, _: Args, ctx: GraphContext) => present(await ctx.loaders.entity.loadMany(ctx.budget.spend(st.reportedBy))),
    evidence: (st: Statement, _: Args, ctx: GraphContext) => ctx.budget.spend(st.evidence),
  },

  Relation: {
    from: (r: Relation, _: Args, ctx: GraphContext) => ctx.loaders.known.get(r.from) ?? requireEntity(ctx, r.from),
    to: (r: Relation, _: Args, ctx: GraphContext) => ctx.loaders.known.get(r.to) ?? requireEntity(ctx, r.to),
    label: (r: Relation) => labelOf(r.type),
    evidence: (r: Relation, _: Args, ctx: GraphContext) => ctx.budget.spend(r.evidence),
    certainty: (r: Relation) => certaintyOf(r),
    endDate: (r: Relation) => r.endDate ?? null,
    role: (r: Relation) => r.role ?? null,
  },

  Evidence: {
    article: async (ev: Evidence, _: Args, ctx: GraphContext) => {
      const a = await ctx.loaders.article.load(ev.article);
      if (!a) throw new NotFound(`No article "${ev.article}".`);
      return a;
    },
    certainty: (ev: Evidence) => ev.certainty ?? 'STATED',
    accordingTo: (ev: Evidence, _: Args, ctx: GraphContext) => (ev.accordingTo ? ctx.loaders.entity.load(ev.accordingTo) : null),
  },

  Article: {
    text: (a: Article, _: Args, ctx: GraphContext) => ctx.budget.spendText(a.text),
    entities: (a: Article, _: Args, ctx: GraphContext) => entitiesOf(ctx, a),
    entitiesConnection: async (a: Article, args: Args, ctx: GraphContext, info: GraphQLResolveInfo) =>
      connectionOf(await entitiesOf(ctx, a), windowOf(args, info, ctx.limits.maxFirst, 50), (e) => e.date),
    published: (a: Article) => a.published ?? null,
  },

  LinkedEntity: {
    entity: (l: { id: string }, _: Args, ctx: GraphContext) => requireEntity(ctx, l.id),
    alternatives: async (l: { alternatives?: { id: string }[] }, _: Args, ctx: GraphContext) =>
      present(await ctx.loaders.entity.loadMany((l.alternatives ?? []).map((a) => a.id))),
  },
};
