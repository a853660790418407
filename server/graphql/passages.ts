/**
 * Full text in the API: Query.passages and the Passage type. The store finds
 * the passages (server/store/full-text); this file bounds the arguments and
 * resolves a passage's article, entities and relations through per-request
 * batching, so ten passages cost three store calls, not thirty.
 */
import type { IResolvers } from '@graphql-tools/utils';
import DataLoader from 'dataloader';
import { NotFound } from '../domain/errors.js';
import type { Passage, PassageKind } from '../domain/passage.js';
import type { Relation } from '../domain/types.js';
import { bounded, boundedText } from './arguments.js';
import type { GraphContext } from './context.js';

/** At most this many passages per search: each carries its sentence, entities and relations. */
export const MAX_PASSAGES = 100;

const KINDS: Record<string, PassageKind> = { SENTENCE: 'sentence', QUOTE: 'quote', SUMMARY: 'summary' };

type Args = Record<string, any>;

/** Relations by id for one request (the shared loaders have none: nothing else fetches relations by id in bulk). */
const relationLoaders = new WeakMap<GraphContext, DataLoader<string, Relation | null>>();
function relationLoader(ctx: GraphContext): DataLoader<string, Relation | null> {
  let loader = relationLoaders.get(ctx);
  if (!loader) relationLoaders.set(ctx, (loader = new DataLoader((ids) => ctx.store.relationsByIds(ids), { maxBatchSize: 1000 })));
  return loader;
}

function present<T>(items: readonly (T | null | Error)[]): T[] {
  return items.filter((x): x is T => x !== null && !(x instanceof Error));
}

export const passageResolvers: IResolvers<unknown, GraphContext> = {
  PassageKind: KINDS,

  Query: {
    passages: async (_: unknown, { text, first, kinds }: Args, ctx: GraphContext) => {
      boundedText('text', text, ctx.limits.maxSearchLength, { allowEmpty: true });
      const n = bounded('first', first, { max: MAX_PASSAGES, fallback: 10 });
      return ctx.budget.spend(await ctx.store.passages(text, { first: n, kinds: kinds ?? undefined }));
    },
  },

  Passage: {
    article: async (p: Passage, _: Args, ctx: GraphContext) => {
      const a = await ctx.loaders.article.load(p.article);
      if (!a) throw new NotFound(`No article "${p.article}".`);
      return a;
    },
    entities: async (p: Passage, _: Args, ctx: GraphContext) => present(await ctx.loaders.entity.loadMany(ctx.budget.spend(p.entities))),
    relations: async (p: Passage, _: Args, ctx: GraphContext) => present(await relationLoader(ctx).loadMany(ctx.budget.spend(p.relations))),
    summaryOf: (p: Passage, _: Args, ctx: GraphContext) => (p.summaryOf ? ctx.loaders.entity.load(p.summaryOf) : null),
  },
};
