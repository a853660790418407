/**
 * Exchanges and reasons. "What did X get / give in return?" reads the
 * relations that record an exchange (types whose verbs say "in return"),
 * reaching them from X or from what X took part in: the side X took part in
 * is what X gave, the other what X got (a beneficiary got its own side).
 * "Why ...?" answers from those exchanges first, then from the quotes of X's
 * relations and statements that give a reason ("for", "because", "in return").
 */
import type { Entity, Relation } from '../../domain/types.js';
import { indexEntities, type EntityIndex } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { relationRow, subgraphOf } from '../compose/rows.js';
import { firstQuote, joinSentences, listNames, relationSentence } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

interface Exchange {
  relation: Relation;
  /** The side X gave and the side X got, when X's part says so. */
  gave: string | null;
  got: string | null;
  /** X's own relations to the sides. */
  via: Relation[];
}

/** Types that record an exchange, read off the vocabulary: their verbs say "in return" or "in exchange". */
function exchangeTypes(ctx: AnswerContext): string[] {
  return ctx.vocabulary.types.filter((t) => ctx.graphTypes.has(t) && ctx.vocabulary.verbs(t).some((v) => /\bin (return|exchange)\b/.test(v)));
}

const isBeneficiary = (r: Relation) => r.role === 'beneficiary' || /\bbeneficiar/i.test(r.note ?? '');

/** The exchanges around one entity: its own, and those of what it is directly related to. */
async function exchangesAround(ctx: AnswerContext, entity: Entity): Promise<Exchange[]> {
  const types = exchangeTypes(ctx);
  if (types.length === 0) return [];
  const own = (await ctx.store.relationsOf([entity.id])).get(entity.id) ?? [];
  const neighbours = [...new Set(own.map((r) => (r.from === entity.id ? r.to : r.from)))];
  const byEntity = await ctx.store.relationsOf([entity.id, ...neighbours], { types });
  const found = new Map<string, Relation>();
  for (const list of byEntity.values()) for (const r of list) found.set(r.id, r);
  return [...found.values()].map((relation) => {
    const [given, forWhat] = [relation.from, relation.to];
    const part = (side: string) => own.filter((r) => (r.from === side || r.to === side) && !types.includes(r.type));
    const viaGiven = part(given);
    const viaFor = part(forWhat);
    const via = [...viaGiven, ...viaFor];
    if (entity.id === given || entity.id === forWhat) return { relation, gave: null, got: null, via };
    // A beneficiary got its side; a party to a side gave it, and got the other.
    const party = (list: Relation[]) => list.some((r) => !isBeneficiary(r)) && !list.some(isBeneficiary);
    const gave = party(viaGiven) ? given : party(viaFor) ? forWhat : null;
    const got = viaGiven.some(isBeneficiary) ? given : viaFor.some(isBeneficiary) ? forWhat : gave === given ? forWhat : gave === forWhat ? given : null;
    return { relation, gave, got, via };
  });
}

export async function answerExchange(ctx: AnswerContext, intent: IntentOf<'exchange'>): Promise<Draft> {
  const entity = intent.links[0]!.entity;
  const exchanges = await exchangesAround(ctx, entity);
  if (exchanges.length === 0) {
    return { understood: true, text: `The graph records no exchange involving ${entity.name}.`, rows: [], subgraph: subgraphOf([], [], [entity]) };
  }
  const relations = exchanges.flatMap((x) => [x.relation, ...x.via]);
  const index = await indexEntities(ctx.store, relations, [entity]);
  const name = (id: string | null) => (id ? (index.get(id)?.name ?? id) : null);
  const wanted = intent.side === 'give' ? exchanges.map((x) => x.gave) : intent.side === 'get' ? exchanges.map((x) => x.got) : [];
  const answers = [...new Set(wanted.filter((id): id is string => !!id))];
  const head = answers.length
    ? `${entity.name} ${intent.side === 'give' ? 'gave' : 'got'} ${listNames(answers.map((id) => name(id)!))}${intent.side === 'give' ? '' : ' in return'}.`
    : '';
  const rows = relations.map((r) => relationRow(r, index));
  const sentences = exchanges.map((x) => exchangeSentence(ctx, x.relation, index));
  return {
    understood: true,
    text: `${head} ${joinSentences(sentences)}`.trim(),
    rows,
    subgraph: subgraphOf(rows, relations, [entity]),
    answers: answers.map((id) => index.get(id)).filter((e): e is Entity => !!e),
  };
}

function exchangeSentence(ctx: AnswerContext, r: Relation, index: EntityIndex): string {
  const q = firstQuote(r);
  const s = relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index);
  return q ? `${s}: ${q}` : s;
}

/**
 * The exchanges a "why" question's own relations lead to: with no such
 * relations (no verb, or none of its type), every exchange around the names;
 * else those with a side at one of the relations' ends, or next to an end the
 * question did not name.
 * "Why did Belarus release the prisoners?" reaches the release (next to the
 * prisoners); "why was X blocked?" does not reach an exchange X is part of
 * only through another event.
 */
async function exchangesNear(ctx: AnswerContext, exchanges: Exchange[], relations: Relation[], linked: ReadonlySet<string>): Promise<Exchange[]> {
  if (relations.length === 0 || exchanges.length === 0) return exchanges;
  const near = new Set(relations.flatMap((r) => [r.from, r.to]));
  // Next to an end the question did not name (a named one is next to everything the question is about).
  const unnamed = [...near].filter((id) => !linked.has(id));
  for (const list of (await ctx.store.relationsOf(unnamed)).values()) for (const r of list) [r.from, r.to].forEach((id) => void (linked.has(id) || near.add(id)));
  return exchanges.filter((x) => near.has(x.relation.from) || near.has(x.relation.to));
}

/** Words that give a reason in a quote. */
const REASON = /\b(because|in return|in exchange|for (his|her|their|its) (efforts|help|mediation|role|work|support|part)\b|for \w+ing\b|in an attempt|so that|in order to|due to|as a result|the reason)\b/i;

export async function answerWhy(ctx: AnswerContext, intent: IntentOf<'why'>): Promise<Draft> {
  const linked = intent.links.map((l) => l.entity);
  const exchanges = (await Promise.all(linked.map((e) => exchangesAround(ctx, e)))).flat();
  const byEntity = await ctx.store.relationsOf(linked.map((e) => e.id));
  const ids = new Set(linked.map((e) => e.id));
  const own = [...new Map([...byEntity.values()].flat().map((r) => [r.id, r])).values()];
  // With two names, their relations to each other; with a verb, its types first.
  const between = own.filter((r) => ids.has(r.from) && ids.has(r.to));
  const typed = intent.types.length ? own.filter((r) => intent.types.includes(r.type)) : [];
  const pool = linked.length >= 2 && between.length ? between : typed.length ? [...typed, ...own.filter((r) => !typed.includes(r))] : own;
  const reasons = pool.filter((r) => r.evidence.some((ev) => REASON.test(ev.quote)));
  // A reason the relation between the names gives comes first; then exchanges around them; then other quotes of reasons.
  const direct = reasons.filter((r) => between.includes(r));
  // The question's own relations: of its verb's types, else those between the names.
  const asked = typed.length ? typed : linked.length >= 2 ? between : [];
  const around = direct.length ? [] : await exchangesNear(ctx, exchanges, asked, ids);
  const exchangeRelations = [...new Map(around.map((x) => [x.relation.id, x.relation])).values()];
  const chosen = [...direct, ...exchangeRelations, ...reasons.filter((r) => !direct.includes(r) && !exchangeRelations.includes(r))].slice(0, 8);
  const names = listNames(linked.map((e) => e.name));
  if (chosen.length === 0) {
    const none = `The articles give no reason the graph records for this about ${names}.`;
    // "Why was X blocked?": no reason, but what the articles say happened, with its quotes.
    const said = asked.slice(0, 8);
    if (said.length === 0) return { understood: true, text: none, rows: [], subgraph: subgraphOf([], [], linked) };
    const index = await indexEntities(ctx.store, said, linked);
    const rows = said.map((r) => relationRow(r, index));
    return { understood: true, text: `${none} What they say happened: ${joinSentences(said.map((r) => exchangeSentence(ctx, r, index)))}`, rows, subgraph: subgraphOf(rows, said, linked) };
  }
  const index = await indexEntities(ctx.store, chosen, linked);
  const rows = chosen.map((r) => relationRow(r, index));
  const sentences = chosen.map((r) => {
    const s = relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index);
    const quote = r.evidence.find((ev) => REASON.test(ev.quote))?.quote ?? r.evidence[0]?.quote;
    return quote ? `${s}: “${quote.length > 220 ? `${quote.slice(0, 219).replace(/\s+\S*$/, '')}…` : quote}”` : s;
  });
  const lead = exchangeRelations.length ? 'In return for something else, as the graph records it' : 'The reasons the articles give';
  return { understood: true, text: `${lead}: ${joinSentences(sentences)}`, rows, subgraph: subgraphOf(rows, chosen, linked) };
}
