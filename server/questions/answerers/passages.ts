/**
 * The answer of last resort: a question not read as one about the graph is
 * answered with the passages whose words match it and the entities they
 * mention, saying honestly that this is what it is. When nothing matches,
 * the refusal stands.
 */
import { indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { entityRow, relationRow, subgraphOf, EMPTY_SUBGRAPH } from '../compose/rows.js';
import { joinSentences, listNames } from '../compose/wording.js';
import type { AnswerRow } from '../types.js';
import type { AnswerContext, Answered } from './context.js';

/** Passages shown. */
const PASSAGES = 5;

export async function answerUnknown(ctx: AnswerContext, intent: IntentOf<'unknown'>): Promise<Answered> {
  const refusal: Answered = { draft: { understood: false, text: intent.reason, rows: [], subgraph: EMPTY_SUBGRAPH } };
  // Names the graph does not know, or nothing to search: refuse.
  if (ctx.reading.unknownNames.length || ctx.reading.ignored.length === 0) return refusal;
  const answered = await answerPassages(ctx, { name: 'passages', words: ctx.reading.ignored });
  return answered.draft.rows.length ? answered : refusal;
}

export async function answerPassages(ctx: AnswerContext, intent: IntentOf<'passages'>): Promise<Answered> {
  const found = await ctx.passages.passages(ctx.reading.text, PASSAGES);
  if (found.length === 0) return { draft: { understood: false, text: 'No sentence in the articles matches the question.', rows: [], subgraph: EMPTY_SUBGRAPH }, intent };
  const relationIds = [...new Set(found.flatMap((p) => p.relations))];
  const relations = (await ctx.store.relationsByIds(relationIds)).filter((r) => r !== null);
  const entityIds = [...new Set(found.flatMap((p) => p.entities))];
  const index = await indexEntities(ctx.store, relations, [], entityIds);
  const rows: AnswerRow[] = relations.length
    ? relations.map((r) => relationRow(r, index))
    : entityIds.map((id) => index.get(id)).filter((e) => !!e).map((e) => entityRow(e!));
  const names = entityIds.map((id) => index.get(id)?.name).filter((n): n is string => !!n);
  const quotes = joinSentences(found.map((p) => `“${p.text}” (article ${p.article})`), PASSAGES);
  return {
    draft: {
      understood: true,
      text: `I could not read this as a question about the graph; these sentences match it: ${quotes} They mention ${listNames(names)}.`,
      rows,
      subgraph: subgraphOf(rows, relations, []),
      usedWords: intent.words,
    },
    intent,
  };
}
