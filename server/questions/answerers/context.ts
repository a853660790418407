/**
 * What every answerer is handed (the store, the vocabulary, the graph's
 * types, the completed reading; all read-only), what it returns, and the
 * shape of an answerer: one per intent, in answerers/table.ts.
 */
import type { Link } from '../link/entities.js';
import type { GraphContext } from '../link/graph.js';
import type { Intent, IntentName, IntentOf } from '../intent/intent.js';
import type { Draft } from '../types.js';

export type AnswerContext = GraphContext;

/**
 * An answer, and what it used when that differs from the reading: the intent
 * it finally answered (wider types, a dropped word) and the links it read
 * (another entity the same name may mean, a common word not taken as a name).
 * Answerers never change the reading; the engine composes from this.
 */
export interface Answered {
  draft: Draft;
  intent?: Intent;
  links?: Link[];
}

export type Answerer<K extends IntentName> = (ctx: AnswerContext, intent: IntentOf<K>) => Promise<Answered>;

/** An answerer that uses exactly what the reading said. */
export const asRead =
  <K extends IntentName>(answer: (ctx: AnswerContext, intent: IntentOf<K>) => Promise<Draft>): Answerer<K> =>
  async (ctx, intent) => ({ draft: await answer(ctx, intent) });
