/**
 * "Where is X from?", "what countries were X from?": the relations that
 * say where someone belongs, strongest first: citizenship (the types whose
 * verbs include "from"), then the country X leads, represents, belongs to or
 * works for, saying which it is. The graph records no birthplace.
 */
import type { Relation } from '../../domain/types.js';
import { indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { relationRow, subgraphOf } from '../compose/rows.js';
import { firstQuote, joinSentences, listNames, relationSentence } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Types that place someone in a country without saying citizenship, strongest first. */
const BELONGING_TYPES = ['REPRESENTS', 'LEADS', 'MEMBER_OF', 'WORKS_FOR', 'HOLDS'];

export async function answerOrigin(ctx: AnswerContext, intent: IntentOf<'origin'>): Promise<Draft> {
  const e = intent.link.entity;
  const citizenship = ctx.vocabulary.types.filter((t) => ctx.vocabulary.verbs(t).includes('from') && ctx.graphTypes.has(t));
  const belonging = BELONGING_TYPES.filter((t) => ctx.graphTypes.has(t));
  const all = (await ctx.store.relationsOf([e.id], { types: [...citizenship, ...belonging] })).get(e.id) ?? [];
  const own = all.filter((r) => r.from === e.id);
  const index = await indexEntities(ctx.store, own, [e]);
  const place = (r: Relation) => index.get(r.to);
  const wanted = (r: Relation) => !intent.kind || place(r)?.kind === intent.kind;

  let chosen = own.filter((r) => citizenship.includes(r.type) && wanted(r));
  let how = '';
  if (chosen.length === 0) {
    const byType = belonging.map((t) => own.filter((r) => r.type === t && (place(r)?.kind === 'Country' || (intent.kind !== null && wanted(r)))));
    chosen = byType.find((list) => list.length) ?? [];
    how = chosen.length ? `The graph records no citizenship for ${e.name}; it places them through ${chosen[0]!.type === 'LEADS' ? 'whom they lead' : 'whom they belong to or speak for'}: ` : '';
  }
  if (chosen.length === 0) {
    return { understood: true, text: `The graph does not say where ${e.name} is from.`, rows: [], subgraph: subgraphOf([], [], [e]) };
  }
  const rows = chosen.map((r) => relationRow(r, index));
  const places = [...new Map(chosen.map((r) => [r.to, place(r)?.name ?? r.to])).values()];
  const sentences = chosen.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
  const quote = firstQuote(chosen[0]!);
  return {
    understood: true,
    text: `${how}${listNames(places, 12)}. ${joinSentences(sentences)}${quote ? ` ${quote}` : ''}`,
    rows,
    subgraph: subgraphOf(rows, chosen, [e]),
    answers: chosen.map(place).filter((x) => !!x) as NonNullable<ReturnType<typeof place>>[],
  };
}
