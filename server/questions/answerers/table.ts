/**
 * One answerer per intent, in one typed table: adding an intent without its
 * answerer does not compile. Each returns its draft and what it used.
 */
import type { IntentName, IntentOf } from '../intent/intent.js';
import { answerCertainty } from './certainty.js';
import { answerPath, answerRelationCheck } from './connection.js';
import { asRead, type AnswerContext, type Answered, type Answerer } from './context.js';
import { answerCount } from './count.js';
import { answerExchange, answerWhy } from './exchange.js';
import { answerList } from './list.js';
import { answerOrigin } from './origin.js';
import { answerWhere } from './where.js';
import { answerPassages, answerUnknown } from './passages.js';
import { answerSuperlative } from './superlative.js';
import { answerProfile } from './profile.js';
import { answerRelationQuestion } from './relation-fallbacks.js';
import { answerBeforeAfter, answerOnDate, answerTimeline, answerWhen } from './time.js';

export const ANSWERERS: { [K in IntentName]: Answerer<K> } = {
  relation: answerRelationQuestion,
  'relation-check': asRead(answerRelationCheck),
  path: asRead(answerPath),
  profile: asRead((ctx, intent) => answerProfile(ctx, intent.link)),
  'on-date': asRead(answerOnDate),
  before: asRead(answerBeforeAfter),
  after: asRead(answerBeforeAfter),
  when: asRead(answerWhen),
  timeline: asRead(answerTimeline),
  count: asRead(answerCount),
  list: asRead(answerList),
  superlative: asRead(answerSuperlative),
  origin: asRead(answerOrigin),
  where: asRead(answerWhere),
  exchange: asRead(answerExchange),
  why: asRead(answerWhy),
  certainty: asRead(answerCertainty),
  passages: answerPassages,
  unknown: answerUnknown,
};

/** Answers the intent with its own answerer. */
export function answerIntent<K extends IntentName>(ctx: AnswerContext, intent: IntentOf<K>): Promise<Answered> {
  const answerer: Answerer<K> = ANSWERERS[intent.name];
  return answerer(ctx, intent);
}
