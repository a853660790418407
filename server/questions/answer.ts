/**
 * The question engine: plain-English questions answered from the graph,
 * deterministically, with the evidence quotes, and no language model.
 *
 *   read (tokens, dates, verbs) -> link names to entities (store.search)
 *   -> classify the intent -> one answerer per shape -> Answer
 *
 * It reaches data only through the GraphStore and knows no story: the
 * verbs come from the relation-type table and the graph's own types, the
 * names from the graph. A question it cannot read gets `understood: false`,
 * a sentence saying why, and suggestions built from the graph; never an
 * exception, never a guess presented as an answer.
 */
import type { GraphStore } from '../store/graph-store.js';
import { answerPath, answerRelationCheck } from './connection-answer.js';
import type { AnswerContext } from './context.js';
import { answerCount } from './count-answer.js';
import { distinctLinks, linkEntities } from './entity-linking.js';
import { resolveHops } from './hops.js';
import { classify, relationVerbs, type Intent } from './intent.js';
import { answerList } from './list-answer.js';
import { answerProfile } from './profile-answer.js';
import { completeReading, range, readQuestion, type Reading } from './reading.js';
import { answerRelationQuestion } from './relation-fallbacks.js';
import { EMPTY_SUBGRAPH } from './rows.js';
import { suggest } from './suggestions.js';
import { answerBeforeAfter, answerOnDate, answerTimeline, answerWhen } from './time-answer.js';
import type { Answer, Draft, Interpretation } from './types.js';
import { createVocabulary, type Vocabulary } from './vocabulary.js';

export type { Answer, AnswerRow, Interpretation } from './types.js';

export interface QuestionEngineOptions {
  /**
   * Longest question read, in characters; longer ones are refused politely.
   * @default 500
   */
  maxLength?: number;
}

export interface QuestionEngine {
  ask(question: string): Promise<Answer>;
}

export function createQuestionEngine(store: GraphStore, { maxLength = 500 }: QuestionEngineOptions = {}): QuestionEngine {
  // The vocabulary depends only on the graph's relation types: rebuilt when they change.
  let cached: { key: string; vocabulary: Vocabulary } | null = null;
  const vocabularyFor = (types: string[]) => {
    const key = types.join('|');
    if (cached?.key !== key) cached = { key, vocabulary: createVocabulary(types) };
    return cached.vocabulary;
  };

  return {
    async ask(question) {
      const asked = typeof question === 'string' ? question : '';
      const graphTypes = await store.relationTypes();
      const vocabulary = vocabularyFor(graphTypes);
      if (asked.length > maxLength) {
        return refusal(asked, `The question is too long (${asked.length} characters; at most ${maxLength}). Ask one thing at a time.`, await suggest(store, vocabulary));
      }

      const pre = readQuestion(asked, vocabulary);
      const exclude = new Set(pre.dates.flatMap((d) => range(d.start, d.end)));
      const verbTokens = new Set(pre.verbs.flatMap((v) => range(v.start, v.end)));
      const links = pre.tokens.length ? await linkEntities(store, pre.text, pre.tokens, { exclude, verbTokens }) : [];
      const ctx: AnswerContext = { store, vocabulary, graphTypes: new Set(graphTypes), reading: completeReading(pre, links, vocabulary) };
      ctx.reading = await resolveHops(ctx);
      const reading = ctx.reading;
      const intent = classify(reading);

      const { draft, used } = await answerAs(ctx, intent);
      const linked = distinctLinks(reading.links).map((l) => l.entity);
      const suggestions = draft.suggestions ?? (!draft.understood || draft.rows.length === 0 ? await suggest(store, vocabulary, linked) : []);
      if (draft.usedWords) ctx.reading = { ...ctx.reading, ignored: ctx.reading.ignored.filter((w) => !draft.usedWords!.includes(w)) };
      const unused = ctx.reading.ignored.length ? ` (Words not used: ${ctx.reading.ignored.map((w) => `"${w}"`).join(', ')}.)` : '';
      const text = draft.understood ? `${draft.text}${unused}` : `${draft.text}${suggestions.length ? ' Questions I can answer are listed in the suggestions.' : ''}`;
      return { question: asked, understood: draft.understood, text, rows: draft.rows, subgraph: draft.subgraph, suggestions, interpretation: interpret(ctx.reading, used) };
    },
  };
}

/** The answer, and the intent it finally answered. */
async function answerAs(ctx: AnswerContext, intent: Intent): Promise<{ draft: Draft; used: Intent }> {
  if (intent.name === 'relation') return answerRelationQuestion(ctx, intent);
  return { draft: await answer(ctx, intent), used: intent };
}

async function answer(ctx: AnswerContext, intent: Intent): Promise<Draft> {
  switch (intent.name) {
    case 'relation':
      return (await answerRelationQuestion(ctx, intent)).draft;
    case 'relation-check':
      return answerRelationCheck(ctx, intent);
    case 'path':
      return answerPath(ctx, intent);
    case 'profile':
      return answerProfile(ctx, intent.link);
    case 'on-date':
      return answerOnDate(ctx, intent);
    case 'before':
    case 'after':
      return answerBeforeAfter(ctx, intent);
    case 'when':
      return answerWhen(ctx, intent);
    case 'timeline':
      return answerTimeline(ctx);
    case 'count':
      return answerCount(ctx);
    case 'list':
      return answerList(ctx, intent);
    case 'unknown':
      return { understood: false, text: intent.reason, rows: [], subgraph: EMPTY_SUBGRAPH };
  }
}

function interpret(reading: Reading, intent: Intent): Interpretation {
  const types =
    intent.name === 'relation' || intent.name === 'relation-check' || intent.name === 'before' || intent.name === 'after'
      ? intent.types
      : intent.name === 'count'
        ? relationVerbs(reading).flatMap((v) => v.types)
        : [];
  return {
    intent: intent.name,
    entities: distinctLinks(reading.links).map((l) => ({
      id: l.entity.id,
      name: l.entity.name,
      matched: l.matched,
      ...(l.alternatives.length ? { alternatives: l.alternatives.map((a) => ({ id: a.id, name: a.name })) } : {}),
    })),
    relationTypes: [...new Set(types)],
    dates: reading.dates.map((d) => d.iso),
    kind: reading.kind,
    ignored: reading.ignored,
  };
}

function refusal(question: string, text: string, suggestions: string[]): Answer {
  return {
    question,
    understood: false,
    text,
    rows: [],
    subgraph: EMPTY_SUBGRAPH,
    suggestions,
    interpretation: { intent: 'unknown', entities: [], relationTypes: [], dates: [], kind: null, ignored: [] },
  };
}
