/**
 * The static cost of an operation: an upper estimate of the objects its
 * answer can hold, computed before anything runs, from the document, its
 * variables and the schema's defaults alike. The formula (README, "Limits"):
 *
 *   cost(selection) = Σ over fields returning objects: size × (1 + cost(sub-selection))
 *
 * - size is 1 for a single object; for a list it is the field's `first`,
 *   `last` or `limit` (written, from a variable, or the default), the length of
 *   `ids`, `maxLength` + 1 for a path; a list inside a connection or subgraph
 *   takes the size of the field that made it (CONNECTION_SIZE when it gave
 *   neither `first` nor `last`); any other list counts LIST_SIZE;
 * - no list counts more items than the graph holds: entities, relations and
 *   articles cap lists of their type, the highest degree caps an entity's
 *   relations (GraphShape, read once per loaded graph);
 * - an article's `text` counts TEXT_COST (it is thousands of characters);
 * - other scalars, `__typename` and introspection cost nothing.
 *
 * The per-request object budget (object-budget.ts) still counts what really
 * resolves, for lists longer than their estimate.
 */
import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';

/** Objects a list without a size argument is assumed to hold. */
export const LIST_SIZE = 10;
/** Items a connection asked for without `first` or `last` is assumed to return (the largest default page). */
export const CONNECTION_SIZE = 100;
/** What one article text counts, in objects. */
export const TEXT_COST = 100;
/** Types whose lists are as long as the field that made them. */
const CONTAINERS = /(Connection|Edge|Subgraph)$/;

/** What the loaded graph holds: caps for list sizes, so a small graph is never refused for a big one's worst case. */
export interface GraphShape {
  entities: number;
  relations: number;
  articles: number;
  /** The most relations any one entity has. */
  maxDegree: number;
}

export interface CostEstimate {
  cost: number;
  /** The response path that contributes most (aliases as written), for the refusal message. */
  heaviest: { path: string; cost: number } | null;
}

/** null when the operation or its variables are invalid: execution will say so. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
  shape?: GraphShape | null,
): CostEstimate | null {
  const capOf = (item: string, parent: string, field: string): number => {
    if (!shape) return Infinity;
    const base = item.replace(/Edge$/, '');
    if (base === 'Relation') return parent === 'Entity' && field.startsWith('relations') ? shape.maxDegree : shape.relations;
    if (base === 'Entity') return shape.entities;
    if (base === 'Article') return shape.articles;
    return Infinity;
  };
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return null;
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const vars = coerced.coerced;
  let heaviest: CostEstimate['heaviest'] = null;

  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, hint: number | null, path: string, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        if (on) total += selectionCost(sel.selectionSet, on, hint, path, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const on = schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (on) total += selectionCost(frag.selectionSet, on, hint, path, new Set([...seen, frag.name.value]));
      } else {
        const name = sel.name.value;
        if (name.startsWith('__') || !('getFields' in type)) continue;
        const field = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
        if (!field) continue;
        const named = getNamedType(field.type);
        if (!isCompositeType(named)) {
          if (type.name === 'Article' && name === 'text') total += TEXT_COST;
          continue;
        }
        const own = sizeOf(getArgumentValues(field, sel, vars)) ?? (named.name.endsWith('Connection') ? CONNECTION_SIZE : null);
        const list = isListType(getNullableType(field.type));
        const size = list ? Math.min(own ?? (CONTAINERS.test(type.name) && hint !== null ? hint : LIST_SIZE), capOf(named.name, type.name, name)) : 1;
        const childHint = own ?? (CONTAINERS.test(type.name) ? hint : null);
        const here = `${path}${path ? '.' : ''}${sel.alias?.value ?? name}`;
        const cost = size * (1 + (sel.selectionSet ? selectionCost(sel.selectionSet, named, childHint, here, seen) : 0));
        if (!heaviest || cost > heaviest.cost) heaviest = { path: here, cost };
        total += cost;
      }
    }
    return total;
  };

  try {
    return { cost: selectionCost(operation.selectionSet, root, null, '', new Set()), heaviest };
  } catch {
    // getArgumentValues throws on an argument execution would refuse anyway (with a better message).
    return null;
  }
}

/** The number of items a field's arguments ask for, if they say. */
function sizeOf(args: Record<string, unknown>): number | null {
  for (const name of ['first', 'last', 'limit']) {
    const v = args[name];
    if (typeof v === 'number') return Math.max(0, v);
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  if (typeof args.maxLength === 'number') return Math.max(0, args.maxLength) + 1;
  return null;
}
