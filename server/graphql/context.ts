/** What every resolver receives: the store, per-request loaders, limits and the question engine. */
import type { Limits } from '../config.js';
import type { Entity, Evidence, Subgraph } from '../domain/types.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Loaders } from './loaders.js';

export interface AnswerRowResult {
  subject: Entity | null;
  relation: string | null;
  object: Entity | null;
  evidence: Evidence[];
}

export interface AnswerResult {
  question: string;
  understood: boolean;
  text: string;
  rows: AnswerRowResult[];
  subgraph: Subgraph;
  suggestions: string[];
  interpretation?: { intent: string; entities: { id: string; name: string; matched: string }[]; relationTypes: string[] } | null;
}

/** Answers plain-English questions from the graph (server/questions). */
export interface QuestionEngine {
  ask(question: string): Promise<AnswerResult>;
}

export interface GraphContext {
  store: GraphStore;
  loaders: Loaders;
  limits: Limits;
  questions: QuestionEngine;
}
