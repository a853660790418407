/** The static cost: the same for literals, variables and defaults, nothing for __typename, and the page's queries within it. */
import { buildSchema, parse, print, visit, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { LIST_SIZE, TEXT_COST, estimateCost } from '../../server/graphql/cost.js';
import { createObjectBudget } from '../../server/graphql/object-budget.js';
import { typeDefs } from '../../server/graphql/yoga.js';
import * as page from '../../client/src/queries.js';

const schema = buildSchema(typeDefs);
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), variables)!.cost;

/** What Apollo Client and urql do to every document: __typename in every selection set. */
function withTypename(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet: (node: SelectionSetNode) => ({ ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] }),
  });
}

describe('the static cost of a query', () => {
  const RELATIONS = 'entity(id: $id) { relations(first: $first) { from { name } to { name } evidence { quote article { id title } } } }';

  it('counts first the same whether written, passed as a variable or left to its default', () => {
    const written = cost('query($id: ID!) { entity(id: $id) { relations(first: 100) { id from { id } } } }', { id: 'x' });
    const variable = cost('query($id: ID!, $first: Int) { entity(id: $id) { relations(first: $first) { id from { id } } } }', { id: 'x', first: 100 });
    const byDefault = cost('query($id: ID!) { entity(id: $id) { relations { id from { id } } } }', { id: 'x' });
    const variableDefault = cost('query($id: ID!, $first: Int = 100) { entity(id: $id) { relations(first: $first) { id from { id } } } }', { id: 'x' });
    expect(new Set([written, variable, byDefault, variableDefault]).size).toBe(1);
    expect(written).toBe(1 + 100 * (1 + 1));
  });

  it('follows the published formula: size × (1 + what each item selects), lists without a size as LIST_SIZE, text as TEXT_COST', () => {
    expect(cost('{ articles { id text } }')).toBe(LIST_SIZE * (1 + TEXT_COST));
    expect(cost('query($first: Int, $id: ID!) { ' + RELATIONS + ' }', { id: 'x', first: 500 })).toBe(1 + 500 * (1 + 1 + 1 + LIST_SIZE * (1 + 1)));
    expect(cost('{ entities(first: 20) { totalCount edges { cursor node { id relations(first: 3) { id } } } } }')).toBe(1 + 20 * (1 + 1 * (1 + 3)));
    expect(cost('{ graph(limit: 30) { nodes { id } edges { id } } }')).toBe(1 + 30 + 30);
    expect(cost('{ stats { entities byKind { kind count } } }')).toBe(1 + LIST_SIZE);
  });

  it('charges nothing for __typename', () => {
    for (const query of [page.ENTITY_DETAIL, page.OVERVIEW, 'query($first: Int, $id: ID!) { ' + RELATIONS + ' }']) {
      const vars = { id: 'x', first: 500, limit: 2000 };
      expect(estimateCost(schema, withTypename(parse(query)), vars)!.cost).toBe(cost(query, vars));
    }
    expect(print(withTypename(parse('{ stats { entities } }')))).toContain('__typename');
  });

  it.each(Object.entries(page).filter(([, v]) => typeof v === 'string' && /^query /.test(v as string)))('lets the page query %s through with room to spare', (_, query) => {
    const estimate = estimateCost(schema, withTypename(parse(query as string)), { id: 'x', from: 'x', to: 'y', text: 'x', question: 'x', limit: 2000 })!;
    expect(estimate.cost).toBeLessThan(DEFAULT_LIMITS.maxObjects * 0.6);
  });

  it('lets every relation of an entity through at the largest page size', () => {
    expect(cost('query($first: Int, $id: ID!) { ' + RELATIONS + ' }', { id: 'x', first: DEFAULT_LIMITS.maxFirst })).toBeLessThan(DEFAULT_LIMITS.maxObjects / 5);
  });

  it('names the heaviest path, aliases as written', () => {
    const estimate = estimateCost(schema, parse('{ a: stats { entities } b: search(text: "x", first: 50) { relations { id } } }'), {})!;
    expect(estimate.heaviest).toEqual({ path: 'b', cost: 50 * (1 + 100) });
  });

  it('never counts more items than the graph holds', () => {
    const shape = { entities: 80, relations: 150, articles: 5, maxDegree: 30 };
    const query = '{ graph { nodes { id relations { id } mentionedIn { id } } edges { id } } }';
    expect(estimateCost(schema, parse(query), {}, null, shape)!.cost).toBe(1 + 80 * (1 + 30 + 5) + 150);
    expect(estimateCost(schema, parse(query), {}, null, null)!.cost).toBe(1 + 2000 * (1 + 100 + LIST_SIZE) + 2000);
  });

  it('gives up (null) on variables that do not coerce, leaving the error to execution', () => {
    expect(estimateCost(schema, parse('query($first: Int) { search(text: "x", first: $first) { id } }'), { first: 'many' })).toBeNull();
  });
});

describe('the per-request object budget', () => {
  it('aborts its signal with the refusal when spent, and keeps refusing', () => {
    const budget = createObjectBudget(3, 10);
    budget.spend([1, 2]);
    expect(budget.signal.aborted).toBe(false);
    expect(() => budget.spend([1, 2])).toThrow(/more than 3 objects/);
    expect(budget.signal.aborted).toBe(true);
    expect((budget.signal.reason as Error).message).toMatch(/more than 3 objects/);
    expect(() => budget.spend([1])).toThrow(/more than 3 objects/);
  });

  it('counts article text on its own budget', () => {
    const budget = createObjectBudget(100, 10);
    budget.spendText('12345');
    expect(() => budget.spendText('123456')).toThrow(/more than 10 characters of article text/);
    expect(budget.signal.aborted).toBe(true);
  });
});
