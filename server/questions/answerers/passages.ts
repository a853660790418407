/**
 * The answer of last resort: a question not read as one about the graph, or
 * whose relation finds nothing, is answered with the passages whose words
 * match it and the entities they mention, saying honestly that this is what
 * it is. When nothing matches, the refusal (or the empty answer) stands.
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
  // A word written as a name (capitalised, in capitals, possessive) the graph does not know, or nothing to search: refuse.
  const unknown = ctx.reading.tokens.filter((t) => ctx.reading.unknownNames.includes(t.raw));
  const named = unknown.some((t) => t.capitalised || t.acronym || t.possessive || /^\p{Lu}/u.test(t.raw));
  if (named || (ctx.reading.ignored.length === 0 && ctx.reading.unknownNames.length === 0)) return refusal;
  const answered = await answerPassages(ctx, { name: 'passages', words: [...new Set([...ctx.reading.ignored, ...ctx.reading.unknownNames])] });
  return answered.draft.rows.length ? answered : refusal;
}

/** `lead` says why passages answer: by default, that the question was not read as one about the graph. */
export async function answerPassages(ctx: AnswerContext, intent: IntentOf<'passages'>, lead = 'I could not read this as a question about the graph; these sentences match it:'): Promise<Answered> {
  const found = await ctx.passages.passages(ctx.reading.text, PASSAGES);
  if (found.length === 0) return { draft: { understood: false, text: 'No sentence in the articles matches the question.', rows: [], subgraph: EMPTY_SUBGRAPH }, intent };
  const relationIds = [...new Set(found.flatMap((p) => p.relations))];
  const relations = (await ctx.store.relationsByIds(relationIds)).filter((r) => r !== null);
  const entityIds = [...new Set(found.flatMap((p) => p.entities))];
  const index = await indexEntities(ctx.store, relations, [], entityIds);
  // Quotes of relations show those relations; a sentence of an article is shown with each entity it names, as its evidence.
  const rows: AnswerRow[] = [
    ...relations.map((r) => relationRow(r, index)),
    ...found
      .filter((p) => p.relations.length === 0)
      .flatMap((p) => p.entities.map((id) => index.get(id)).filter((e) => !!e).map((e) => ({ ...entityRow(e!), evidence: [{ article: p.article, quote: p.text, certainty: 'STATED' as const }] }))),
  ];
  const names = entityIds.map((id) => index.get(id)?.name).filter((n): n is string => !!n);
  const quotes = joinSentences(found.map((p) => `“${p.text}” (article ${p.article})`), PASSAGES);
  return {
    draft: {
      understood: true,
      text: `${lead} ${quotes} They mention ${listNames(names)}.`,
      rows,
      subgraph: subgraphOf(rows, relations, []),
      usedWords: intent.words,
    },
    intent,
  };
}
