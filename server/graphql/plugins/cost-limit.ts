/**
 * Refuses, before execution, an operation whose static cost (cost.ts) is over
 * the limit, saying what was counted and how to ask for less; and hands the
 * per-request object budget's signal to the executor, so a request that runs
 * past its budget stops at once instead of resolving (and failing) every
 * remaining field.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../store/graph-store.js';
import type { GraphContext } from '../context.js';
import { LIST_SIZE, TEXT_COST, estimateCost, type GraphShape } from '../cost.js';

export function useCostLimit({ maxCost, shape }: { maxCost: number; shape: () => Promise<GraphShape | null> }): Plugin<GraphContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const estimate = estimateCost(args.schema, args.document, args.variableValues as Record<string, unknown> | undefined, args.operationName, await shape());
      if (estimate && estimate.cost > maxCost) {
        setResultAndStopExecution({ errors: [tooCostly(estimate.cost, maxCost, estimate.heaviest)] });
        return;
      }
      const signals = [args.contextValue.budget.signal];
      const own = (args as { signal?: AbortSignal }).signal;
      if (own) signals.push(own);
      (args as { signal?: AbortSignal }).signal = signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    },
  };
}

function tooCostly(cost: number, max: number, heaviest: { path: string; cost: number } | null) {
  const n = (x: number) => x.toLocaleString('en-GB');
  return createGraphQLError(
    `This query may return about ${n(cost)} objects, more than the ${n(max)} one request may ask for. ` +
      `Counted: every object a field can return, lists by their first/last/limit (written, from a variable or the default), ${LIST_SIZE} for a list without one, ${TEXT_COST} for an article's text; __typename is free. ` +
      (heaviest ? `Most of it is "${heaviest.path}" (${n(heaviest.cost)}). ` : '') +
      'Ask for less: smaller first/limit, fewer nested lists or aliases, or page through with "after".',
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: max, http: { status: 400, spec: true } } },
  );
}

/** The graph's shape, read once per loaded graph (keyed by `generation()`); null while the graph cannot be read. */
export function graphShapeOf(store: GraphStore, generation: () => number): () => Promise<GraphShape | null> {
  let cached: { generation: number; shape: Promise<GraphShape | null> } | null = null;
  return () => {
    const now = generation();
    if (cached?.generation !== now) {
      const shape = Promise.all([store.stats(), store.graph({ limit: 1 })])
        .then(([stats, top]) => ({ entities: stats.entities, relations: stats.relations, articles: stats.articles, maxDegree: top.nodes[0]?.degree ?? 0 }))
        .catch(() => {
          cached = null; // try again next request; meanwhile estimate without caps
          return null;
        });
      cached = { generation: now, shape };
    }
    return cached.shape;
  };
}
