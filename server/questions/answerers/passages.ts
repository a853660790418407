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
import { termOf, termsOf } from '../../domain/search-terms.js';
import type { AnswerRow, Entity, Relation } from '../types.js';
import type { AnswerContext, Answered } from './context.js';

/** Passages shown. */
const PASSAGES = 5;
/** Entities shown for a passage no relation quote of which says what was asked: the ones it is most about. */
const ENTITIES_PER_PASSAGE = 4;

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
  // A word the question names that the graph does not know must be in the sentence: without it the sentence is about something else.
  const found = await ctx.passages.passages(ctx.reading.text, { first: PASSAGES, require: ctx.reading.unknownNames });
  if (found.length === 0) return { draft: { understood: false, text: 'No sentence in the articles matches the question.', rows: [], subgraph: EMPTY_SUBGRAPH }, intent };
  const relations = (await ctx.store.relationsByIds([...new Set(found.flatMap((p) => p.relations))])).filter((r) => r !== null);
  const byId = new Map(relations.map((r) => [r.id, r]));
  const index = await indexEntities(ctx.store, relations, [], [...new Set(found.flatMap((p) => p.entities))]);
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  for (const p of found) {
    // The relations whose own quote says what the question asks (all its words the passage holds); else the
    // entities the passage is most about, each with the passage as its evidence.
    const saying = p.relations.map((id) => byId.get(id)).filter((r): r is Relation => !!r && r.evidence.some((ev) => ev.article === p.article && holdsAll(ev.quote, p.held)));
    const shown: AnswerRow[] = saying.length
      ? saying.map((r) => relationRow(r, index))
      : p.entities.slice(0, ENTITIES_PER_PASSAGE).flatMap((id) => {
          const e = index.get(id);
          return e ? [{ ...entityRow(e), evidence: [{ article: p.article, quote: p.text, certainty: 'STATED' as const }] }] : [];
        });
    for (const row of shown) {
      const key = row.relationId ?? `${row.subject?.id}|${p.article}:${p.start}`;
      if (!seen.has(key)) rows.push(row);
      seen.add(key);
    }
  }
  const names = [...new Set(rows.flatMap((r) => [r.subject, r.object]).filter((e): e is Entity => !!e).map((e) => e.name))];
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

/** True when a quote holds every one of these (folded) words, as the index matches them: by term. */
function holdsAll(quote: string, words: readonly string[]): boolean {
  const terms = new Set(termsOf(quote));
  return words.length > 0 && words.every((w) => terms.has(termOf(w) ?? w));
}
