/** Helpers the resolvers of several types share. */
import type { GraphQLResolveInfo } from 'graphql';
import { RELATION_TYPES, isRelationType } from '../domain/relation-types.js';
import type { EntityKind, Relation } from '../domain/types.js';
import { checkedWindow, type Window } from './connections.js';
import type { GraphContext } from './context.js';
import { checkTypes } from './filters.js';

type Args = Record<string, any>;

/** The page window; a schema default `first` gives way to an explicit `last`. */
export function windowOf(args: Args, info: GraphQLResolveInfo, max: number, defaultFirst: number): Window {
  const written = info.fieldNodes[0]?.arguments?.some((a) => a.name.value === 'first') ?? false;
  const first = args.last != null && !written ? null : args.first;
  return checkedWindow({ first, after: args.after, last: args.last, before: args.before }, max, defaultFirst);
}

/** Relation types the caller named must exist, in the vocabulary or the graph. */
export async function checkRelationTypes(ctx: GraphContext, name: string, types: readonly string[] | null | undefined) {
  if (types?.length) checkTypes(name, types, await ctx.store.relationTypes());
}

/** Kinds of the ends of these relations, for `where.kinds`. */
export async function kindsOfEnds(ctx: GraphContext, relations: readonly Relation[]): Promise<Map<string, EntityKind>> {
  const ids = [...new Set(relations.flatMap((r) => [r.from, r.to]))];
  const found = await ctx.loaders.entity.loadMany(ids);
  const kinds = new Map<string, EntityKind>();
  for (const e of found) if (e && !(e instanceof Error)) kinds.set(e.id, e.kind);
  return kinds;
}

/** Readable words for a relation type: the vocabulary's label, else the type in lower case. */
export function labelOf(type: string): string {
  return isRelationType(type) ? RELATION_TYPES[type].label : type.toLowerCase().replace(/_/g, ' ');
}

