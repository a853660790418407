/** What every resolver receives: the store, per-request loaders, limits and the question engine. */
import type { Limits } from '../config.js';
import type { Answer } from '../questions/types.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Loaders } from './loaders.js';
import type { ObjectBudget } from './object-budget.js';

/** Answers plain-English questions from the graph (server/questions). */
export interface QuestionEngine {
  ask(question: string): Promise<Answer>;
}

export interface GraphContext {
  store: GraphStore;
  loaders: Loaders;
  limits: Limits;
  questions: QuestionEngine;
  budget: ObjectBudget;
}
