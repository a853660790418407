/**
 * "Which countries are involved?", "list the organisations": the entities of
 * one kind, best connected first, each with its relations.
 */
import type { Relation } from '../../domain/types.js';
import type { EntityKind } from '../../domain/types.js';
import { describedInCatalogue } from '../link/attributes.js';
import { allEntities, indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { entityRow, MAX_ROWS, relationRow, subgraphOf } from '../compose/rows.js';
import { kindWord, listNames, plural } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Relations shown per listed entity. */
const PER_ENTITY = 8;

export async function answerList(ctx: AnswerContext, intent: IntentOf<'list'>): Promise<Draft> {
  if (intent.attributes?.length || !intent.kind) return answerDescribed(ctx, intent.kind, intent.attributes ?? []);
  const { entities, truncated } = await allEntities(ctx.store, intent.kind);
  entities.sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  const kind = intent.kind;
  const many = kindWord(kind, 2);
  if (entities.length === 0) return { understood: true, text: `The graph holds no ${many}.`, rows: [], subgraph: subgraphOf([], [], []) };

  const byEntity = await ctx.store.relationsOf(entities.map((e) => e.id), { first: PER_ENTITY });
  const relations = new Map<string, Relation>();
  for (const list of byEntity.values()) for (const r of list) relations.set(r.id, r);
  const shown = [...relations.values()].slice(0, Math.max(0, MAX_ROWS - entities.length));
  const index = await indexEntities(ctx.store, shown, entities);
  const rows = [...entities.map((e) => entityRow(e)), ...shown.map((r) => relationRow(r, index))];
  const subgraph = subgraphOf(rows, shown, entities, truncated || shown.length < relations.size);

  const lines = entities.slice(0, 12).map((e) => {
    const n = byEntity.get(e.id)?.length ?? 0;
    return `${e.name}${n ? ` (${plural(e.degree || n, 'relation')})` : ''}`;
  });
  // "A, B and C"; past twelve, "A, B, …, L and 9 more".
  const more = entities.length - lines.length;
  const named = more > 0 ? `${lines.join(', ')} and ${more} more` : listNames(lines, 12);
  return { understood: true, text: `${plural(entities.length, kindWord(kind), many)}: ${named}.`, rows, subgraph, answers: entities };
}

/** "Which journalists?", "who were the foreigners?": the entities (of a kind) the story describes so, with what it says. */
async function answerDescribed(ctx: AnswerContext, kind: EntityKind | null, attributes: string[]): Promise<Draft> {
  const all = (await ctx.catalogue.entities()).filter((e) => !kind || e.kind === kind);
  const found = (await describedInCatalogue(ctx.catalogue, all, attributes)).sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  const what = `"${attributes.join(' ')}"`;
  if (found.length === 0) {
    return { understood: true, text: `Nothing in the graph is described as ${what}.`, rows: [], subgraph: subgraphOf([], [], []), usedWords: attributes };
  }
  const rows = found.slice(0, MAX_ROWS).map((e) => entityRow(e));
  const lines = found.slice(0, 12).map((e) => `${e.name}${e.summary ? ` (${e.summary.replace(/[.\s]+$/, '')})` : ''}`);
  const noun = kind ? kindWord(kind) : 'entity';
  return {
    understood: true,
    text: `${plural(found.length, noun, kind ? kindWord(kind, 2) : 'entities')} described as ${what}: ${listNames(lines, 12)}.`,
    rows,
    subgraph: subgraphOf(rows, [], found, found.length > rows.length),
    answers: found,
    usedWords: attributes,
  };
}
