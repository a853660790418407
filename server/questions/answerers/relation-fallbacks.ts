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
import type { Link } from '../link/entities.js';
import { yesFor } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext, Answered } from './context.js';
import { answerPassages } from './passages.js';
import { answerProfile } from './profile.js';
import { answerRelation, type RelationIntent } from './relation.js';

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
    return { ...first, draft: yesNo(ctx, first.draft) };
  }

  // "Who thanked X?" asks THANKED first; the other types "thanked" may mean only when it finds nothing.
  if (wider) {
    const answered = await withAlternatives(ctx, wider);
    if (answered.draft.rows.length) return { ...answered, draft: yesNo(ctx, answered.draft), intent: wider };
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
  // Nothing in the graph, and words the reading did not use: the sentences that say them, if any.
  if (!ctx.reading.yesNo && ctx.reading.ignored.length) {
    const passages = await answerPassages(ctx, { name: 'passages', words: ctx.reading.ignored }, `${first.draft.text.replace(/\.$/, ';')} these sentences match the question:`);
    if (passages.draft.rows.length) return passages;
  }
  return { draft: yesNo(ctx, first.draft) };
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

/** "Was X released?": a yes/no question gets "Yes." or "No:" before the evidence. */
function yesNo(ctx: AnswerContext, draft: Draft): Draft {
  if (!ctx.reading.yesNo || !draft.understood) return draft;
  return { ...draft, text: draft.rows.length ? `${yesFor(draft.rows.map((r) => r.evidence))} ${draft.detail ?? draft.text}` : `No: ${draft.text.charAt(0).toLowerCase()}${draft.text.slice(1)}` };
}
