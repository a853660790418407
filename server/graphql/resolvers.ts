/**
 * Resolvers per type. They check arguments, call the GraphStore (through the
 * per-request loaders where a field fans out) and shape plain domain objects
 * for the schema. Nothing here knows Cypher or which engine runs.
 */
import type { IResolvers } from '@graphql-tools/utils';
import { NotFound } from '../domain/errors.js';
import { RELATION_TYPES, isRelationType } from '../domain/relation-types.js';
import type { Article, Entity, EntityKind, Evidence, Page, Relation, Subgraph } from '../domain/types.js';
import { bounded, boundedList, boundedText } from './arguments.js';
import type { GraphContext } from './context.js';

type Args = Record<string, any>;

const KIND_VALUES: Record<string, EntityKind> = {
  PERSON: 'Person',
  GROUP: 'Group',
  ORGANISATION: 'Organisation',
  POSITION: 'Position',
  COUNTRY: 'Country',
  EVENT: 'Event',
  PLACE: 'Place',
};

function subgraph(ctx: GraphContext, g: Subgraph): Subgraph {
  ctx.budget.spend(g.nodes);
  ctx.budget.spend(g.edges);
  ctx.loaders.prime(g.nodes);
  return g;
}

function connection<T>(page: Page<T>) {
  return {
    edges: page.items.map((node, i) => ({ cursor: page.cursors[i]!, node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

async function requireEntity(ctx: GraphContext, id: string): Promise<Entity> {
  const e = await ctx.loaders.entity.load(id);
  // The store keeps relations' ends; a missing end means the graph changed under the request.
  if (!e) throw new NotFound(`No entity "${id}".`);
  return e;
}

export const resolvers: IResolvers<unknown, GraphContext> = {
  EntityKind: KIND_VALUES,

  Query: {
    entity: (_: unknown, { id }: Args, ctx: GraphContext) => ctx.loaders.entity.load(id),

    search: async (_: unknown, { text, kinds, first }: Args, ctx: GraphContext) => {
      boundedText('text', text, ctx.limits.maxSearchLength, { allowEmpty: true });
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 10 });
      return ctx.loaders.prime(ctx.budget.spend(await ctx.store.search(text, { kinds: boundedList('kinds', kinds) ?? [], first: n })));
    },

    entities: async (_: unknown, { kind, first, after }: Args, ctx: GraphContext) => {
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 50 });
      const page = await ctx.store.entities(kind ?? null, { first: n, after });
      ctx.loaders.prime(ctx.budget.spend(page.items));
      return connection(page);
    },

    relations: async (_: unknown, { types, first, after }: Args, ctx: GraphContext) => {
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 100 });
      const page = await ctx.store.relations(boundedList('types', types), { first: n, after });
      ctx.budget.spend(page.items);
      return connection(page);
    },

    relation: async (_: unknown, { id }: Args, ctx: GraphContext) => (await ctx.store.relationsByIds([id]))[0] ?? null,

    graph: async (_: unknown, { kinds, types, limit }: Args, ctx: GraphContext) => {
      const n = bounded('limit', limit, { max: ctx.limits.maxLimit, fallback: 2000 });
      return subgraph(ctx, await ctx.store.graph({ kinds: boundedList('kinds', kinds), types: boundedList('types', types), limit: n }));
    },

    neighbourhood: async (_: unknown, { id, depth, kinds, types, limit }: Args, ctx: GraphContext) => {
      const d = bounded('depth', depth, { min: 1, max: ctx.limits.maxDepth, fallback: 1 });
      const n = bounded('limit', limit, { min: 1, max: ctx.limits.maxLimit, fallback: 500 });
      return subgraph(ctx, await ctx.store.neighbourhood(id, d, { kinds: boundedList('kinds', kinds), types: boundedList('types', types), limit: n }));
    },

    shortestPath: async (_: unknown, { from, to, maxLength }: Args, ctx: GraphContext) => {
      const m = bounded('maxLength', maxLength, { min: 1, max: ctx.limits.maxPathLength, fallback: 6 });
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

  Entity: {
    evidence: (e: Entity, _: Args, ctx: GraphContext) => ctx.budget.spend(e.evidence),
    claims: (e: Entity, _: Args, ctx: GraphContext) => ctx.budget.spend(e.claims),
    relations: async (e: Entity, { direction, types, first }: Args, ctx: GraphContext) => {
      const n = bounded('first', first, { max: ctx.limits.maxFirst, fallback: 100 });
      const list = boundedList<string>('types', types);
      return ctx.budget.spend(await ctx.loaders.relationsOf({ direction: direction ?? 'BOTH', types: list ? [...list].sort() : null, first: n }).load(e.id));
    },
    mentionedIn: async (e: Entity, _: Args, ctx: GraphContext) => {
      const ids = ctx.budget.spend(await ctx.loaders.mentionedIn.load(e.id));
      return present(await ctx.loaders.article.loadMany(ids));
    },
  },

  Relation: {
    from: (r: Relation, _: Args, ctx: GraphContext) => requireEntity(ctx, r.from),
    to: (r: Relation, _: Args, ctx: GraphContext) => requireEntity(ctx, r.to),
    label: (r: Relation) => labelOf(r.type),
    evidence: (r: Relation, _: Args, ctx: GraphContext) => ctx.budget.spend(r.evidence),
  },

  Evidence: {
    article: async (ev: Evidence, _: Args, ctx: GraphContext) => {
      const a = await ctx.loaders.article.load(ev.article);
      if (!a) throw new NotFound(`No article "${ev.article}".`);
      return a;
    },
  },

  Article: {
    text: (a: Article, _: Args, ctx: GraphContext) => ctx.budget.spendText(a.text),
    entities: async (a: Article, _: Args, ctx: GraphContext) => {
      const ids = ctx.budget.spend(await ctx.loaders.articleEntities.load(a.id));
      return present(await ctx.loaders.entity.loadMany(ids));
    },
  },

  LinkedEntity: {
    entity: (l: { id: string }, _: Args, ctx: GraphContext) => requireEntity(ctx, l.id),
    alternatives: async (l: { alternatives?: { id: string }[] }, _: Args, ctx: GraphContext) =>
      present(await ctx.loaders.entity.loadMany((l.alternatives ?? []).map((a) => a.id))),
  },
};

/** Readable words for a relation type: the vocabulary's label, else the type in lower case. */
export function labelOf(type: string): string {
  return isRelationType(type) ? RELATION_TYPES[type].label : type.toLowerCase().replace(/_/g, ' ');
}

function present<T>(items: readonly (T | null | Error)[]): T[] {
  return items.filter((x): x is T => x !== null && !(x instanceof Error));
}
