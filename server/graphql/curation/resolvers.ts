/**
 * The curation mutations: each checks the curator, turns its arguments into
 * one change of the workspace (which validates every field and the whole
 * story), saves with a reload of the graph, and answers with the record as
 * the graph now holds it. Refusals carry a code and an HTTP status:
 * BAD_USER_INPUT 400, INVALID_STORY 400 (with the problems), NOT_FOUND 404,
 * CONFLICT 409.
 */
import type { IResolvers } from '@graphql-tools/utils';
import { createGraphQLError } from 'graphql-yoga';
import { BadInput, InvalidStory } from '../../domain/errors.js';
import type { LogEntry } from '../../curation/change-log.js';
import type { ChangeInput } from '../../curation/change-input.js';
import { Conflict } from '../../curation/errors.js';
import type { Suggestion } from '../../curation/queue.js';
import { followRedirect } from '../../curation/redirects.js';
import { accept, reject, suggest } from '../../curation/review.js';
import type { SaveResult, StoryWorkspace } from '../../curation/workspace.js';
import type { GraphContext } from '../context.js';
import { requireCurator } from './auth.js';
import type { CurationContext } from './context.js';

type Ctx = GraphContext & { curation: CurationContext };
type Args = Record<string, any>;

/** The curator's workspace, or the refusal (401/403) for everyone else. */
function curate(ctx: Ctx): { ws: StoryWorkspace; who: string } {
  const who = requireCurator(ctx.curation.curator);
  if (!ctx.curation.workspace) throw createGraphQLError('Curator mode is off.', { extensions: { code: 'CURATION_DISABLED', http: { status: 403 } } });
  return { ws: ctx.curation.workspace, who };
}

/** Conflict and InvalidStory are the curation's own: give them their code and status here. */
async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Conflict) throw createGraphQLError(err.message, { originalError: undefined, extensions: { code: 'CONFLICT', http: { status: 409 } } });
    if (err instanceof InvalidStory) throw createGraphQLError(err.message, { extensions: { code: 'INVALID_STORY', problems: err.problems, http: { status: 400 } } });
    throw err;
  }
}

function change(ctx: Ctx, input: ChangeInput, revision: number | null | undefined): Promise<SaveResult> {
  const { ws, who } = curate(ctx);
  return saving(() => ws.change(input, { who, revision, reload: ctx.curation.reload }));
}

/** Keeps only the arguments given: GraphQL passes absent optional arguments as undefined, explicit ones as null. */
function given(args: Args, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined && args[k] !== null).map((k) => [k, args[k]]));
}

/** The arguments passed, null included (an edit clears a field with null or ""); absent ones left out. */
function present(args: Args, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

const evidence = (list: Args[] | undefined) => list?.map((e) => given(e, 'article', 'quote', 'certainty', 'accordingTo'));

function changeOf(entry: LogEntry, id: string | null) {
  return { revision: entry.revision, at: entry.at, who: entry.who, op: entry.op, what: entry.what, id, diff: JSON.stringify(entry.diff) };
}

function suggestionOf(s: Suggestion) {
  return { ...s, kind: s.kind.toUpperCase(), status: s.status.toUpperCase(), change: JSON.stringify(s.change) };
}

async function entityAfter(ctx: Ctx, id: string | null) {
  const entity = id ? await ctx.store.entity(id) : null;
  if (!entity) throw new BadInput(`The change was saved but the graph has no entity "${id}".`);
  return entity;
}

export const curationResolvers: IResolvers<unknown, Ctx> = {
  Query: {
    // The read side's entity(id), plus merges: an id merged away answers with the entity it went into, saying so in redirectedFrom.
    entity: async (_: unknown, { id }: Args, ctx: Ctx) => {
      const found = await ctx.loaders.entity.load(id);
      if (found) return found;
      const target = followRedirect(ctx.curation.redirects(), id);
      const survivor = target ? await ctx.loaders.entity.load(target) : null;
      return survivor ? { ...survivor, redirectedFrom: id } : null;
    },
    curator: (_: unknown, __: Args, ctx: Ctx) => {
      const { ws, who } = curate(ctx);
      return { name: who, revision: ws.revision() };
    },
    suggestions: (_: unknown, { article, status }: Args, ctx: Ctx) => {
      const { ws } = curate(ctx);
      return ws
        .reviewQueue()
        .items.filter((s) => (!article || s.article === article) && (!status || s.status === String(status).toLowerCase()))
        .map(suggestionOf);
    },
    redirect: (_: unknown, { id }: Args, ctx: Ctx) => followRedirect(ctx.curation.redirects(), id),
    changes: (_: unknown, { last }: Args, ctx: Ctx) => {
      const { ws } = curate(ctx);
      if (!Number.isInteger(last) || last < 1 || last > 500) throw new BadInput('last: must be between 1 and 500.');
      return ws.log().slice(-last).reverse().map((e) => changeOf(e, null));
    },
  },
  Mutation: {
    addArticle: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'addArticle', article: given(args, 'text', 'title', 'source', 'published', 'url') as never }, args.revision);
      return (await ctx.store.articlesByIds([saved.id!]))[0];
    },
    updateArticleText: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'updateArticleText', article: args.id, text: args.text }, args.revision);
      return (await ctx.store.articlesByIds([saved.id!]))[0];
    },
    createEntity: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'createEntity', entity: { ...given(args, 'id', 'kind', 'name', 'aliases', 'summary', 'date'), evidence: evidence(args.evidence) } as never }, args.revision);
      return entityAfter(ctx, saved.id);
    },
    updateEntity: async (_: unknown, args: Args, ctx: Ctx) => {
      const patch = Object.fromEntries(['kind', 'name', 'summary', 'date', 'endDate'].filter((k) => args[k] !== undefined).map((k) => [k, args[k] === '' ? null : args[k]]));
      const saved = await change(ctx, { op: 'updateEntity', entity: { id: args.id, ...patch } as never }, args.revision);
      return entityAfter(ctx, saved.id);
    },
    deleteEntity: async (_: unknown, args: Args, ctx: Ctx) => Boolean(await change(ctx, { op: 'deleteEntity', id: args.id }, args.revision)),
    addAlias: async (_: unknown, args: Args, ctx: Ctx) => entityAfter(ctx, (await change(ctx, { op: 'addAlias', entity: args.id, alias: args.alias }, args.revision)).id),
    removeAlias: async (_: unknown, args: Args, ctx: Ctx) => entityAfter(ctx, (await change(ctx, { op: 'removeAlias', entity: args.id, alias: args.alias }, args.revision)).id),
    addEvidence: async (_: unknown, args: Args, ctx: Ctx) => entityAfter(ctx, (await change(ctx, { op: 'addEvidence', entity: args.id, evidence: evidence([args.evidence])![0] as never }, args.revision)).id),
    createRelation: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'createRelation', relation: { ...given(args, 'from', 'type', 'to', 'date', 'role', 'note'), evidence: evidence(args.evidence) } as never }, args.revision);
      const [relation] = await ctx.store.relationsByIds([saved.id!]);
      if (!relation) throw new BadInput(`The change was saved but the graph has no relation "${saved.id}".`);
      return relation;
    },
    updateRelation: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'updateRelation', relation: { id: args.id, ...present(args, 'date', 'endDate', 'role', 'note'), ...(args.evidence ? { evidence: evidence(args.evidence) } : {}) } as never }, args.revision);
      const [relation] = await ctx.store.relationsByIds([saved.id!]);
      if (!relation) throw new BadInput(`The change was saved but the graph has no relation "${saved.id}".`);
      return relation;
    },
    deleteRelation: async (_: unknown, args: Args, ctx: Ctx) => Boolean(await change(ctx, { op: 'deleteRelation', id: args.id }, args.revision)),
    createClaim: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'createClaim', entity: args.entity, claim: { ...given(args, 'id', 'measure', 'value', 'valueMax', 'qualifier'), evidence: evidence(args.evidence) } as never }, args.revision);
      return changeOf(saved.entry, saved.id);
    },
    updateClaim: async (_: unknown, args: Args, ctx: Ctx) => {
      const patch = { ...present(args, 'measure', 'value', 'valueMax', 'qualifier'), ...(args.evidence ? { evidence: evidence(args.evidence) } : {}) };
      const saved = await change(ctx, { op: 'updateClaim', entity: args.entity, claim: args.claim, patch } as never, args.revision);
      return changeOf(saved.entry, saved.id);
    },
    deleteClaim: async (_: unknown, args: Args, ctx: Ctx) => Boolean(await change(ctx, { op: 'deleteClaim', entity: args.entity, claim: args.claim }, args.revision)),
    createStatement: async (_: unknown, args: Args, ctx: Ctx) => {
      const saved = await change(ctx, { op: 'createStatement', statement: { ...given(args, 'id', 'speaker', 'words', 'about', 'reportedBy', 'channel', 'date'), evidence: evidence(args.evidence) } as never }, args.revision);
      return changeOf(saved.entry, saved.id);
    },
    updateStatement: async (_: unknown, args: Args, ctx: Ctx) => {
      const patch = { id: args.id, ...present(args, 'words', 'date', 'channel'), ...given(args, 'about', 'reportedBy'), ...(args.evidence ? { evidence: evidence(args.evidence) } : {}) };
      const saved = await change(ctx, { op: 'updateStatement', statement: patch } as never, args.revision);
      return changeOf(saved.entry, saved.id);
    },
    deleteStatement: async (_: unknown, args: Args, ctx: Ctx) => Boolean(await change(ctx, { op: 'deleteStatement', id: args.id }, args.revision)),
    mergeEntities: async (_: unknown, args: Args, ctx: Ctx) => entityAfter(ctx, (await change(ctx, { op: 'mergeEntities', from: args.remove, into: args.keep }, args.revision)).id),
    undo: async (_: unknown, args: Args, ctx: Ctx) => {
      const { ws, who } = curate(ctx);
      try {
        await saving(() => ws.undo({ who, revision: args.revision, reload: ctx.curation.reload }));
        return true;
      } catch (err) {
        if (err instanceof BadInput && /no change left to undo/.test(err.message)) return false;
        throw err;
      }
    },
    suggest: async (_: unknown, { article }: Args, ctx: Ctx) => {
      const { ws } = curate(ctx);
      return (await saving(() => suggest(ws, article))).map(suggestionOf);
    },
    acceptSuggestion: async (_: unknown, args: Args, ctx: Ctx) => {
      const { ws, who } = curate(ctx);
      let edited: ChangeInput | undefined;
      if (args.edit != null) {
        try {
          edited = JSON.parse(args.edit) as ChangeInput;
        } catch (err) {
          throw new BadInput(`edit: is not valid JSON (${(err as Error).message}).`);
        }
      }
      const saved = await saving(() => accept(ws, args.id, { who, revision: args.revision, reload: ctx.curation.reload }, edited));
      return changeOf(saved.entry, saved.id);
    },
    rejectSuggestion: async (_: unknown, { id }: Args, ctx: Ctx) => {
      const { ws } = curate(ctx);
      return suggestionOf(await saving(() => reject(ws, id)));
    },
  },
};
