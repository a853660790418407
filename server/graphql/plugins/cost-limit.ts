/**
 * Refuses, before execution, an operation whose static cost (cost.ts) is over
 * the limit, saying what was counted and how to ask for less; and hands the
 * per-request object budget's signal to the executor, so a request that runs
 * past its budget stops at once instead of resolving (and failing) every
 * remaining field.
 */
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../store/graph-store.js';
import type { GraphContext } from '../context.js';
import { LIST_SIZE, TEXT_COST, estimateCost, type CostEstimate, type GraphShape } from '../cost.js';
import { stableJson } from './graph-generation.js';

/** The arguments that size a list (cost.ts, sizeOf): only the variables passed to them change an operation's cost. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'ids', 'maxLength']);
/** Estimates kept per document (one per distinct set of sizing variables). */
const PER_DOCUMENT = 64;

export function useCostLimit({ maxCost, shape }: { maxCost: number; shape: () => Promise<GraphShape | null> }): Plugin<GraphContext> {
  const estimates = createEstimateMemo();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues as Record<string, unknown> | undefined;
      const graph = await shape();
      const estimate = estimates(args.document, args.operationName, variables, graph, () => estimateCost(args.schema, args.document, variables, args.operationName, graph));
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

/**
 * The cost of an operation depends on its document, the graph's shape and the variables that size lists,
 * not on an id or a search text: estimates are kept per parsed document (Yoga's parser cache hands the
 * same document to every request with the same text), keyed by those variables, so an ordinary request
 * does not walk its document again. Failed estimates (null: invalid variables) are not kept.
 */
function createEstimateMemo() {
  const byDocument = new WeakMap<DocumentNode, { sizing: string[]; shape: GraphShape | null; estimates: Map<string, CostEstimate> }>();
  return (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, shape: GraphShape | null, estimate: () => CostEstimate | null) => {
    let memo = byDocument.get(document);
    if (!memo || memo.shape !== shape) {
      memo = { sizing: memo?.sizing ?? sizingVariables(document), shape, estimates: new Map() };
      byDocument.set(document, memo);
    }
    const key = `${operationName ?? ''}|${stableJson(memo.sizing.map((name) => variables?.[name]))}`;
    const kept = memo.estimates.get(key);
    if (kept) return kept;
    const fresh = estimate();
    if (fresh) {
      if (memo.estimates.size >= PER_DOCUMENT) memo.estimates.clear();
      memo.estimates.set(key, fresh);
    }
    return fresh;
  };
}

/** The names of the variables a document passes, anywhere, to an argument that sizes a list. */
function sizingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) names.add(value.name.value);
    else if (value.kind === Kind.LIST) value.values.forEach(collect);
    else if (value.kind === Kind.OBJECT) value.fields.forEach((f) => collect(f.value));
  };
  visit(document, {
    Argument(node) {
      if (SIZE_ARGUMENTS.has(node.name.value)) collect(node.value);
    },
  });
  return [...names].sort();
}
