/**
 * Until the question engine is wired in: every question is "not understood",
 * with suggestions built from the real graph.
 */
import type { GraphStore } from '../store/graph-store.js';
import type { QuestionEngine } from './context.js';

export function createUnansweredEngine(store: GraphStore): QuestionEngine {
  return {
    async ask(question) {
      const top = (await store.graph({ limit: 3 })).nodes;
      return {
        question,
        understood: false,
        text: 'Questions in plain English are not available yet: use search, neighbourhood or shortestPath.',
        rows: [],
        subgraph: { nodes: [], edges: [], truncated: false },
        suggestions: top.map((e) => `Who is ${e.name}?`),
        interpretation: null,
      };
    },
  };
}
