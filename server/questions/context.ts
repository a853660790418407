/** What every answerer is handed: the store, the vocabulary, the reading. */
import type { GraphStore } from '../store/graph-store.js';
import type { Reading } from './reading.js';
import type { Vocabulary } from './vocabulary.js';

export interface AnswerContext {
  store: GraphStore;
  vocabulary: Vocabulary;
  /** Relation types the graph holds. */
  graphTypes: ReadonlySet<string>;
  reading: Reading;
}

/** The types of `types` the graph holds, and the ones it does not. */
export function presentTypes(ctx: AnswerContext, types: readonly string[]): { present: string[]; absent: string[] } {
  return { present: types.filter((t) => ctx.graphTypes.has(t)), absent: types.filter((t) => !ctx.graphTypes.has(t)) };
}

/** "negotiated", "released by or released in": the labels of types, for sentences. */
export function typeLabels(ctx: AnswerContext, types: readonly string[]): string {
  const labels = [...new Set(types.map((t) => `"${ctx.vocabulary.label(t)}"`))];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
