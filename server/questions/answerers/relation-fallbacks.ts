/**
 * What a relation question tries before saying the graph holds nothing, in
 * order, each saying what it did: another entity the same name may mean
 * ("the release"), every type the verb may mean ("thanked" -> also SAID;
 * "who deported X?" -> also EXPELLED_BY, when the closest type names no one),
 * the question without a common word taken for a name ("drones"), and for
 * "what happened in X?" what the graph holds about X, and the sentences that
 * hold the question's unused words. Yes/no questions get "Yes." or "No:" in
 * front.
 */
import type { Relation } from '../../domain/types.js';
import { distinctLinks, linkEntities, type Link } from '../link/entities.js';
import { range } from '../read/reading.js';
import { indexEntities } from '../link/graph.js';
import { unusedWords } from '../compose/answer.js';
import { entityRow, relationRow, subgraphOf } from '../compose/rows.js';
import { joinSentences, relationSentence, yesFor } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext, Answered } from './context.js';
import { answerPassages } from './passages.js';
import { answerProfile } from './profile.js';
import { answerRelation, type RelationIntent } from './relation.js';
import { datedRelationsOf } from './time.js';

/** The answer, and what it finally used: wider types, another reading of a name, a dropped word. */
export async function answerRelationQuestion(ctx: AnswerContext, intent: RelationIntent): Promise<Answered> {
  const first = await withAlternatives(ctx, intent);
  const wider: RelationIntent | null = intent.broader && intent.broader.length > intent.types.length ? { ...intent, types: intent.broader, broader: undefined } : null;
  if (first.draft.rows.length) {
    // "Who deported X?": DEPORTED_TO says where to, not who; a wider type that names who (EXPELLED_BY) answers instead.
    if (wider && !ctx.reading.yesNo && !first.draft.answers?.length) {
      const answered = await withAlternatives(ctx, wider);
      if (answered.draft.answers?.length) return { ...answered, intent: wider };
    }
    return { ...first, draft: await yesNo(ctx, first.draft, meant(intent)) };
  }

  // "Who thanked X?" asks THANKED first; the other types "thanked" may mean only when it finds nothing.
  if (wider) {
    const answered = await withAlternatives(ctx, wider);
    if (answered.draft.rows.length) return { ...answered, draft: await yesNo(ctx, answered.draft, meant(wider)), intent: wider };
  }

  // "Who sent a letter to Lukashenko?": a name that holds a word of the verb ("Trump's letter to Lukashenko")
  // read again without those words ("Lukashenko"), when that answers.
  const relinked = await withoutVerbWords(ctx, intent);
  if (relinked) {
    const answered = await withAlternatives(ctx, relinked);
    if (answered.draft.rows.length) return { ...answered, draft: await yesNo(ctx, answered.draft, meant(relinked)), intent: relinked, links: relinked.links };
  }

  // A common word taken for a name ("who shot down drones?"): ask without it, and say so.
  const weak = intent.links.filter((l) => isWeakLink(ctx, l));
  if (weak.length) {
    const without: RelationIntent = { ...intent, links: intent.links.filter((l) => !weak.includes(l)) };
    const draft = await answerRelation(ctx, without);
    if (draft.rows.length) {
      const names = weak.map((l) => `"${l.matched}" (${l.entity.name})`).join(', ');
      return {
        draft: { ...draft, text: `Nothing in the graph relates ${names} that way; every such relation: ${draft.text}` },
        intent: without,
        links: ctx.reading.links.filter((l) => !weak.includes(l)),
      };
    }
  }

  // "What happened in X?" with nothing of the kind: say so, then what the graph holds about X.
  const link = intent.links[0];
  if (intent.happened && link) return { draft: await answerProfile(ctx, link, `${first.draft.text} What the graph holds about it: `) };
  // "What did Calloway say?" with no statement or said-relation: the sentences that have the name speak ("Calloway said ..."), if any.
  if (!ctx.reading.yesNo && link && intent.links.length === 1 && ctx.vocabulary.stemsOf(intent.types).has('said')) {
    const spoken = await spokenBy(ctx, link);
    if (spoken) return { draft: { ...spoken, text: `${first.draft.text.replace(/\.$/, ';')} the articles have "${link.matched}" speak: ${spoken.text}` } };
  }
  // Nothing in the graph, and words the reading did not use: the sentences that say them, if any.
  if (!ctx.reading.yesNo && ctx.reading.ignored.length) {
    const passages = await answerPassages(ctx, { name: 'passages', words: ctx.reading.ignored }, `${first.draft.text.replace(/\.$/, ';')} these sentences match the question:`);
    if (passages.draft.rows.length) return passages;
  }
  // "Was X released in September?" when X was released in June: no, and when it was.
  if (ctx.reading.yesNo && intent.time) {
    const untimed = await answerRelation(ctx, { ...intent, time: null });
    if (untimed.rows.length) {
      // The articles put it at another time: that is their "no".
      const no = await yesNo(ctx, first.draft, meant(intent), true);
      return { draft: { ...untimed, text: `${no.text.replace(/\.$/, '')}. At other times: ${untimed.detail ?? untimed.text}` } };
    }
  }
  const answered = await yesNo(ctx, first.draft, meant(intent));
  // "Was Kolesnikova released?" when the articles do not say: what they do say of her, so the reader can judge.
  const about = distinctLinks(intent.links);
  if (ctx.reading.yesNo && first.draft.understood && !first.draft.rows.length && about.length === 1) {
    return { draft: await answerProfile(ctx, about[0]!, `${answered.text.replace(/\.$/, '')}. What the graph holds about ${about[0]!.entity.name}: `) };
  }
  return { draft: answered };
}

/** How many sentences that have a name speak are read, and shown. */
const SPOKEN_CANDIDATES = 30;
const SPOKEN_SHOWN = 5;

/**
 * The article sentences where the words the question named an entity with
 * are the subject of a verb of saying ("Calloway said the company ...",
 * "..., Lyabedzka said"), each a row of the entity with the sentence as its
 * evidence. Null when there are none.
 */
async function spokenBy(ctx: AnswerContext, link: Link): Promise<Draft | null> {
  const name = link.matched.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const speaks = new RegExp(`\\b${name}\\b,?\\s+(?:\\w+\\s+)?(?:said|says|told|added|stated|declared|wrote)\\b|\\b(?:said|says|told)\\s+${name}\\b`, 'i');
  const found = (await ctx.passages.passages(link.matched, { first: SPOKEN_CANDIDATES, require: [link.matched] })).filter((p) => speaks.test(p.text)).slice(0, SPOKEN_SHOWN);
  if (found.length === 0) return null;
  const rows = found.map((p) => ({ ...entityRow(link.entity, 'said'), evidence: [{ article: p.article, quote: p.text, certainty: 'STATED' as const }] }));
  return { understood: true, text: joinSentences(found.map((p) => `“${p.text}” (article ${p.article})`), SPOKEN_SHOWN), rows, subgraph: subgraphOf(rows, [], [link.entity]) };
}

/** The intent with each link that holds a word of its verb's types linked again without those words; null when no link does, or nothing else is named. */
async function withoutVerbWords(ctx: AnswerContext, intent: RelationIntent): Promise<RelationIntent | null> {
  const stems = ctx.vocabulary.stemsOf(intent.types);
  const tokens = ctx.reading.tokens;
  const verbWords = (l: Link) => range(l.start, l.end).filter((i) => stems.has(tokens[i]!.stem) || stems.has(tokens[i]!.folded));
  const swallowing = intent.links.filter((l) => verbWords(l).length > 0);
  if (swallowing.length === 0) return null;
  const kept = intent.links.filter((l) => !swallowing.includes(l));
  const exclude = new Set([
    ...ctx.reading.dates.flatMap((d) => range(d.start, d.end)),
    ...kept.flatMap((l) => range(l.start, l.end)),
    ...swallowing.flatMap(verbWords),
  ]);
  const verbTokens = new Set(swallowing.flatMap(verbWords));
  const fresh = (await linkEntities(ctx.store, ctx.reading.text, tokens, { exclude, verbTokens })).filter((l) => swallowing.some((s) => l.start >= s.start && l.end <= s.end));
  return fresh.length ? { ...intent, links: [...kept, ...fresh].sort((a, b) => a.start - b.start) } : null;
}

/** A name that may mean several entities ("the release"): the first reading the graph can answer, and the links it used. */
async function withAlternatives(ctx: AnswerContext, intent: RelationIntent): Promise<{ draft: Draft; links?: Link[] }> {
  const draft = await answerRelation(ctx, intent);
  if (draft.rows.length) return { draft };
  for (const [i, link] of intent.links.entries()) {
    for (const alternative of link.alternatives) {
      const relinked: Link = { ...link, entity: alternative, alternatives: [link.entity, ...link.alternatives.filter((a) => a !== alternative)] };
      const retry = await answerRelation(ctx, { ...intent, links: intent.links.map((l, j) => (j === i ? relinked : l)) });
      if (retry.rows.length) return { draft: retry, links: ctx.reading.links.map((l) => (l === link ? relinked : l)) };
    }
  }
  return { draft };
}

/** A link made from one lower-case word that is not a whole name: a common noun may have been taken for a name. */
function isWeakLink(ctx: AnswerContext, link: Link): boolean {
  const tokens = ctx.reading.tokens.slice(link.start, link.end);
  return tokens.length === 1 && !tokens[0]!.capitalised && !tokens[0]!.acronym && link.quality < 4;
}

/**
 * "Was X released?": a yes/no question gets "Yes." before the evidence, or
 * "Not that the articles say:" when the graph lacks it ("No:" only when the
 * articles put it at another time). A yes is followed by what the articles say happened to X on
 * that day or later ("Is Statkevich free?": released, and then refused to
 * cross the border and was taken back), so it never reads as more settled
 * than the articles leave it.
 */
async function yesNo(ctx: AnswerContext, draft: Draft, asked: readonly string[], statedOtherwise = false): Promise<Draft> {
  if (!ctx.reading.yesNo || !draft.understood) return draft;
  // A relation the graph lacks is not one the articles deny: "No" only when they state otherwise (another date).
  const denial = statedOtherwise ? 'No:' : 'Not that the articles say:';
  if (!draft.rows.length) return { ...draft, text: `${denial} ${draft.text.charAt(0).toLowerCase()}${draft.text.slice(1)}` };
  // "Was anyone left behind?" read without "behind" is another question: no bare "Yes." to it.
  const unread = unusedWords(ctx.reading, draft);
  const lead = unread.length ? `Not answered as asked (${unread.map((w) => `"${w}"`).join(', ')} not read); the graph holds:` : yesFor(draft.rows.map((r) => r.evidence));
  const text = `${lead} ${draft.detail ?? draft.text}`;
  const after = await laterOn(ctx, draft, asked);
  if (!after.relations.length) return { ...draft, text };
  const rows = [...draft.rows, ...after.rows];
  const later = subgraphOf(after.rows, after.relations);
  const subgraph = { ...draft.subgraph, nodes: uniqueById([...draft.subgraph.nodes, ...later.nodes]), edges: uniqueById([...draft.subgraph.edges, ...later.edges]) };
  return { ...draft, text: `${text} The articles also say, on that day or later: ${joinSentences(after.sentences, MAX_LATER)}`, rows, subgraph };
}

/** Every type the question's verb may mean, the closest and the wider ones. */
function meant(intent: RelationIntent): string[] {
  return [...intent.types, ...(intent.broader ?? []), ...intent.verb.types];
}

/** At most this many later relations are worded; the rest are counted. */
const MAX_LATER = 5;

/**
 * The relations of the answer's one subject dated on or after the answer's
 * latest date, other than the types asked or shown, oldest first. Undated
 * ones are left out: nothing says they came later.
 */
async function laterOn(ctx: AnswerContext, draft: Draft, asked: readonly string[]): Promise<{ relations: Relation[]; sentences: string[]; rows: Draft['rows'] }> {
  const none = { relations: [], sentences: [], rows: [] };
  const subjects = new Set(draft.rows.map((r) => r.subject?.id ?? null));
  const dates = draft.rows.map((r) => r.date).filter((d): d is string => !!d).sort();
  const [id] = subjects;
  const since = dates[dates.length - 1];
  if (subjects.size !== 1 || !id || !since) return none;
  // Not the question's own types, nor types of the same verb ("released by" beside "released in"): those are the answer, not what came after.
  const shownTypes = new Set([...draft.rows.map((r) => r.relation), ...asked].filter((t): t is string => !!t));
  const head = (type: string) => ctx.vocabulary.label(type).split(' ')[0];
  const heads = new Set([...shownTypes].map(head));
  const later = await datedRelationsOf(ctx, id, (date, r) => date >= since && !shownTypes.has(r.type) && !heads.has(head(r.type)));
  if (!later.length) return none;
  const index = await indexEntities(ctx.store, later, draft.rows.map((r) => r.subject).filter((e) => e !== null));
  return {
    relations: later,
    sentences: later.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index)),
    rows: later.map((r) => relationRow(r, index)),
  };
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((x) => [x.id, x])).values()];
}
