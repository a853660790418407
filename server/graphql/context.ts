/** What every resolver receives: the store, per-request loaders, limits and the question engine. */
import type { Limits } from '../config.js';
import type { QuestionEngine } from '../questions/types.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Loaders } from './loaders.js';
import type { ObjectBudget } from './object-budget.js';

/** Answers plain-English questions from the graph: defined with the engine, in server/questions. */
export type { QuestionEngine };

export interface GraphContext {
  store: GraphStore;
  loaders: Loaders;
  limits: Limits;
  questions: QuestionEngine;
  budget: ObjectBudget;
}
