/**
 * Every statement in cypher/neo4j/ through Neo4j's own Cypher front end
 * (@neo4j-cypher/language-support: the parser and semantic analysis of the
 * server, compiled to JavaScript), in both Cypher versions a server may
 * default to, with no server running. A syntax error, an undefined variable,
 * an unknown function or procedure, a misspelt label, relationship type or
 * property, a deprecation, or two statements in one file all fail the test.
 */
import { isNotParamError, lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { readStatements } from '../../server/store/cypher-files.js';

const VERSIONS = ['CYPHER 5', 'CYPHER 25'] as const;

/** What the adapter stores (see server/store/records.ts and server/store/neo4j/neo4j-engine.ts). */
const SCHEMA: DbSchema = {
  labels: ['Entity', 'Article', 'Statement', 'Meta', 'GraphState'],
  relationshipTypes: ['RELATION', 'MENTIONS', 'SPOKE', 'ABOUT'],
  propertyKeys: [
    // :Entity (EntityRecord)
    'id', 'kind', 'name', 'aliases', 'summary', 'date', 'evidence', 'claims', 'keys', 'degree', 'endDate', 'dateDerived', 'standsFor',
    // :Article
    'title', 'text', 'url', 'source', 'published', 'publishedDerived',
    // :RELATION
    'type', 'note', 'role',
    // :Statement
    'speaker', 'words', 'channel', 'about', 'reportedBy',
    // :Meta
    'key', 'value',
    // every stored node and RELATION: its load's generation; :GraphState
    'gen', 'holder', 'retireGraceMs',
    // Keys of the UNWIND $rows maps: the linter cannot tell a row map from a node.
    'from', 'to', 'properties', 'article', 'entity', 'statement',
  ],
  // The function and procedure signatures the package ships for its tests, taken from a real server.
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
};

interface Problem {
  version: string;
  message: string;
}

/** Every problem Neo4j's front end finds in one statement; parameters are supplied at run time, so their notices are not problems. */
function problemsOf(statement: string): Problem[] {
  const problems: Problem[] = [];
  for (const version of VERSIONS) {
    const { diagnostics, symbolTables } = lintCypherQuery(statement, { ...SCHEMA, defaultLanguage: version });
    for (const d of diagnostics) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      if (isNotParamError({ message })) problems.push({ version, message });
    }
    if (symbolTables.length !== 1) problems.push({ version, message: `holds ${symbolTables.length} statements; a .cypher file holds exactly one` });
  }
  return problems;
}

const statements = Object.entries(readStatements('neo4j'));

describe("Neo4j's Cypher front end", () => {
  it('finds the statements the adapter runs', () => {
    const names = statements.map(([name]) => name);
    expect(names.length).toBeGreaterThan(25);
    for (const name of ['search', 'shortest-path', 'write-relations', 'schema-entity-search', 'schema-relation-id']) expect(names).toContain(name);
  });

  it.each(statements)('accepts cypher/neo4j/%s.cypher without errors or warnings', (_name, statement) => {
    expect(problemsOf(statement)).toEqual([]);
  });
});

describe('the lint test itself', () => {
  it.each([
    ['a syntax error', 'MATCH (e:Entity WHERE e.id IN $ids RETURN e', /Invalid input 'RETURN'/],
    ['an undefined variable', 'MATCH (e:Entity) WHERE e.id IN $ids RETURN x', /Variable `x` not defined/],
    ['an unknown function', 'MATCH (e:Entity) RETURN toLowr(e.name) AS name', /Function toLowr is not present/],
    ['an unknown procedure', "CALL db.index.fulltext.queryNode('entity_search', $q) YIELD node RETURN node", /Procedure db.index.fulltext.queryNode is not present/],
    ['a misspelt label', 'MATCH (e:Entiy) RETURN e', /Entiy is not present/],
    ['a misspelt relationship type', 'MATCH (a:Entity)-[r:RELATON]->(b:Entity) RETURN r', /RELATON is not present/],
    ['a misspelt property', 'MATCH (e:Entity) RETURN e.nmae AS name', /nmae is not present/],
    ['a type error', 'MATCH (e:Entity) RETURN size(count(e)) AS n', /Type mismatch/],
    ['a relationship type given as a parameter', 'MATCH (a:Entity)-[r:$type]->(b:Entity) RETURN r', /Invalid input 'type'/],
    ['two statements in one file', 'MATCH (e:Entity) RETURN e;\nMATCH (a:Article) RETURN a', /holds 2 statements/],
  ])('catches %s', (_what, statement, expected) => {
    const problems = problemsOf(statement);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(expected));
    // In both Cypher versions.
    expect(new Set(problems.map((p) => p.version))).toEqual(new Set(VERSIONS));
  });

  it('does not count parameters as problems', () => {
    expect(problemsOf('MATCH (e:Entity) WHERE e.id IN $ids RETURN e')).toEqual([]);
  });
});
