/**
 * The schema documents itself: @graphql-eslint's recommended and Relay schema
 * rules, plus descriptions on every type, field, argument, input field and
 * enum value (README, "The schema"). The published copies match the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { Linter } from 'eslint';
import { PROJECT_ROOT } from '../../server/config.js';
import { typeDefs } from '../../server/graphql/yoga.js';
import { seededServer } from '../support/graph.js';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'server', 'graphql', 'schema.graphql');

/** The rules, named in the README. */
export const SCHEMA_RULES: Linter.RulesRecord = {
  ...(graphqlPlugin.configs['flat/schema-recommended'].rules as Linter.RulesRecord),
  ...(graphqlPlugin.configs['flat/schema-relay'].rules as Linter.RulesRecord),
  '@graphql-eslint/require-description': [
    'error',
    { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
  ],
  '@graphql-eslint/description-style': ['error', { style: 'block' }],
  // The contract keeps plain lists ([Relation!]!) beside the connections, so lists may wrap other types.
  '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
  // The recommended naming, less the ban on a "Type" prefix: the contract's TypeCount counts relation types.
  '@graphql-eslint/naming-convention': [
    'error',
    {
      ...((graphqlPlugin.configs['flat/schema-recommended'].rules as Linter.RulesRecord)['@graphql-eslint/naming-convention'] as [string, Record<string, unknown>])[1],
      'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenSuffixes: ['Type'] },
    },
  ],
  // Types without an id (Evidence, Claim, Stats, edges, connections) are values, not records: Node covers the records.
  '@graphql-eslint/strict-id-in-types': ['error', { acceptedIdNames: ['id'], acceptedIdTypes: ['ID'], exceptions: { suffixes: ['Connection', 'Edge', 'Info', 'Count', 'Aggregate', 'Row', 'Evidence', 'Claim', 'Subgraph', 'Layout', 'Answer', 'Interpretation', 'LinkedEntity', 'Stats', 'Query', 'Passage'] } }],
};

function lint(source: string) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    source,
    [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: SCHEMA_FILE } } },
        plugins: { '@graphql-eslint': graphqlPlugin as never },
        rules: SCHEMA_RULES,
      },
    ],
    { filename: SCHEMA_FILE },
  );
}

describe('the schema lint', () => {
  it('is clean under the recommended and Relay schema rules with descriptions required everywhere', () => {
    const problems = lint(fs.readFileSync(SCHEMA_FILE, 'utf8')).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    expect(problems).toEqual([]);
  });

  it('catches a field, an argument and an enum value without a description', () => {
    const broken = fs
      .readFileSync(SCHEMA_FILE, 'utf8')
      .replace('  """The name the story uses."""\n', '')
      .replace('    """Any spelling of a name, at most 200 characters."""\n', '')
      .replace('  """A named person."""\n', '');
    const rules = lint(broken).map((m) => m.ruleId);
    expect(rules.filter((r) => r === '@graphql-eslint/require-description')).toHaveLength(3);
  });
});

describe('the published schema', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer({ NODE_ENV: 'production' });
  });
  afterAll(() => server.cleanup());

  it('is served at /schema.graphql when introspection is off, the same as the source', async () => {
    const introspection = await server.gql('{ __schema { types { name } } }');
    expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    const res = await fetch(`${server.url}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(typeDefs);
  });
});
