/**
 * The page's GraphQL documents (client/src/queries.ts), in both forms: plain
 * for an API without certainty and statements, and with them. Each must
 * validate against the server's schema and stay well inside the cost limit.
 */
import { buildSchema, parse, validate } from 'graphql';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { estimateCost } from '../../server/graphql/cost.js';
import { typeDefs } from '../../server/graphql/yoga.js';
import * as page from '../../client/src/queries.js';

const schema = buildSchema(typeDefs);
const documents = Object.entries(page).filter(([, v]) => typeof v === 'string' && /^query /.test(v as string)) as [string, string][];
const variables = { id: 'x', from: 'x', to: 'y', text: 'x', question: 'x', limit: 2000 };

describe('the page’s queries', () => {
  it.each(documents)('%s is valid against the schema with certainty and statements, and costs under 60% of the limit', (_, query) => {
    const doc = parse(page.withCertainty(query));
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    expect(estimateCost(schema, doc, variables)!.cost).toBeLessThan(DEFAULT_LIMITS.maxObjects * 0.6);
  });

  it('asks for an entity’s statements, made and about it, only in the version-2 form', () => {
    const v2 = page.withCertainty(page.ENTITY_DETAIL);
    expect(v2).toMatch(/statements \{ id words date channel speaker \{[^}]*\} about \{[^}]*\} reportedBy \{[^}]*\} evidence \{ quote article \{[^}]*\} certainty accordingTo/);
    expect(v2).toMatch(/statementsAbout: statements\(about: \$id/);
    // Plain, the statements are only comments: an older API is asked nothing it does not know.
    expect(page.ENTITY_DETAIL.replace(/#.*$/gm, '')).not.toMatch(/statements/);
    expect(validate(schema, parse(page.ENTITY_DETAIL))).toEqual([]);
  });

  it('falls back when the API does not know statements or certainty', () => {
    expect(page.isMissingV2Field('Cannot query field "statements" on type "Entity".')).toBe(true);
    expect(page.isMissingV2Field('Cannot query field "certainty" on type "Relation".')).toBe(true);
    expect(page.isMissingV2Field('Cannot query field "sentiment" on type "Relation".')).toBe(false);
  });
});
