/**
 * Hostile and broken requests for /graphql, generated from the schema itself:
 * pure and seeded (one seed, one list of requests, on any machine), drawn with
 * fast-check. `npm run stress` sends ten thousand of them to the real server;
 * tests/hardening-fuzz.test.ts sends a few hundred with a fixed seed.
 *
 * Each request belongs to a family (what kind of hostility it is), so a figure
 * or a failure can be traced back to the shape that caused it. `judge` says
 * what a response must never be: a 5xx, a stack trace, an internal path, or a
 * bug masked as "Unexpected error.".
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { encodeCursor } from '../../server/store/cursor.js';

export const FAMILIES = [
  'valid',
  'mutated',
  'wrong-type',
  'unknown-field',
  'extreme-number',
  'deep-nesting',
  'alias-flood',
  'long-string',
  'invalid-utf8',
  'broken-json',
  'content-type',
  'batched',
  'get',
  'variables',
  'introspection',
  'chunked',
  'method-and-path',
] as const;
export type Family = (typeof FAMILIES)[number];

export interface FuzzRequest {
  family: Family;
  method: string;
  /** Path and query string, already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Send the body in pieces with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
}

/** What the generator knows about the graph under test: real ids and names make valid queries hit data. */
export interface FuzzTarget {
  schema: GraphQLSchema;
  ids: string[];
  names: string[];
  relationTypes: string[];
  questions: string[];
  /** The server's body limit in bytes: long strings are aimed at both sides of it. */
  bodyLimit: number;
}

export interface FuzzOptions {
  seed: number;
  count: number;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' };
const BATCH = 250;

/** The requests for a seed, in order, generated lazily in batches (10,000 need not sit in memory). */
export function* fuzzRequests(target: FuzzTarget, { seed, count }: FuzzOptions): Generator<FuzzRequest> {
  const arbitrary = requestArbitrary(target);
  for (let done = 0, batch = 0; done < count; batch++) {
    const n = Math.min(BATCH, count - done);
    for (const request of fc.sample(arbitrary, { seed: seed + batch * 7919, numRuns: n })) yield request;
    done += n;
  }
}

/** Every family, weighted: valid and mutated documents are the bulk, as from a careless client. */
export function requestArbitrary(t: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const docs = documents(t);
  const families: [Family, number, fc.Arbitrary<FuzzRequest>][] = [
    ['valid', 14, docs.valid.map((q) => post('valid', { query: q }))],
    ['mutated', 10, fc.tuple(docs.valid, mutations()).map(([q, m]) => post('mutated', { query: m(q) }))],
    ['wrong-type', 7, docs.wrongType.map((p) => post('wrong-type', p))],
    ['unknown-field', 5, docs.unknownField.map((q) => post('unknown-field', { query: q }))],
    ['extreme-number', 7, docs.extremeNumber.map((p) => post('extreme-number', p))],
    ['deep-nesting', 6, deepNesting(t)],
    ['alias-flood', 5, aliasFlood(t)],
    ['long-string', 6, longString(t)],
    ['invalid-utf8', 5, invalidUtf8(docs.valid)],
    ['broken-json', 7, brokenJson(docs.valid)],
    ['content-type', 5, contentType(docs.valid)],
    ['batched', 4, batched(docs.valid)],
    ['get', 6, getRequests(docs.valid)],
    ['variables', 6, variables(t)],
    ['introspection', 3, introspection()],
    ['chunked', 3, chunked(t, docs.valid)],
    ['method-and-path', 4, methodAndPath(docs.valid)],
  ];
  return fc.oneof(...families.map(([, weight, arbitrary]) => ({ arbitrary, weight })));
}

// ---------------------------------------------------------------- documents

interface Documents {
  valid: fc.Arbitrary<string>;
  wrongType: fc.Arbitrary<Payload>;
  unknownField: fc.Arbitrary<string>;
  extremeNumber: fc.Arbitrary<Payload>;
}

interface Payload {
  query: string;
  variables?: unknown;
  operationName?: unknown;
}

/** Random documents from the schema: root fields, their arguments, nested selections to depth 3. */
function documents(t: FuzzTarget): Documents {
  const query = t.schema.getQueryType()!;
  const roots = Object.values(query.getFields());
  const selections = new Map<string, fc.Arbitrary<string>>();

  const selectionOf = (type: GraphQLObjectType, depth: number): fc.Arbitrary<string> => {
    const key = `${type.name}/${depth}`;
    let found = selections.get(key);
    if (!found) {
      const fields = Object.values(type.getFields()).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
      found = fields.length
        ? fc.shuffledSubarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) }).chain((chosen) => fc.tuple(...chosen.map((f) => fieldOf(f, depth))).map((parts) => parts.join(' ')))
        : fc.constant('__typename');
      selections.set(key, found);
    }
    return found;
  };
  const good: LiteralOf = (name, type) => goodLiteral(t, name, type);
  const fieldOf = (f: GraphQLField<unknown, unknown>, depth: number, args = argumentsOf(f.args, good)): fc.Arbitrary<string> => {
    const named = getNamedType(f.type);
    const sub = isObjectType(named) ? selectionOf(named, depth - 1).map((s) => ` { ${s} }`) : fc.constant('');
    return fc.tuple(args, sub).map(([a, s]) => `${f.name}${a}${s}`);
  };
  const operation = (body: fc.Arbitrary<string>) =>
    fc.tuple(body, fc.constantFrom('', 'query ', 'query Q ', 'query Q_1 ')).map(([b, head]) => `${head}{ ${b} }`);

  const valid = operation(
    fc.shuffledSubarray(roots, { minLength: 1, maxLength: 3 }).chain((chosen) => fc.tuple(...chosen.map((f) => fieldOf(f, 2))).map((p) => p.join(' '))),
  );

  // One root field whose arguments are all of the wrong type, as literals or through variables.
  const withArgs = roots.filter((f) => f.args.length > 0);
  const wrongType = fc.constantFrom(...withArgs).chain((f) =>
    fc.oneof(
      fieldOf(f, 1, argumentsOf(f.args, () => hostileLiteral(), 1)).map((b) => ({ query: `{ ${b} }` })),
      fc.tuple(fc.constantFrom(...f.args), fc.jsonValue({ maxDepth: 3 }), selectionFor(f, selectionOf)).map(([a, value, sel]) => ({
        query: `query($v: ${String(a.type)}) { ${f.name}(${a.name}: $v)${sel} }`,
        variables: { v: value },
      })),
    ),
  );

  const unknownField = fc.oneof(
    fc.tuple(identifier(), valid).map(([name, q]) => q.replace(/\{ /, `{ ${name} `)),
    fc.tuple(identifier(), fc.constantFrom(...roots)).chain(([name, f]) => fieldOf(f, 1).map((b) => `{ ${b.replace(f.name, `${f.name}(${name}: 1)`).replace(/\)\(/, ', ')} }`)),
    fc.tuple(identifier(), fc.constantFrom('Entity', 'Relation', 'Stats')).map(([name, type]) => `query($x: ${name}) { stats { entities } } fragment F on ${type} { ${name} }`),
    fc.tuple(identifier()).map(([name]) => `{ ... on ${name} { id } }`),
    fc.tuple(identifier()).map(([name]) => `{ entity(id: "ihar-losik") { ${name} { id } } }`),
    fc.tuple(identifier()).map(([name]) => `subscription { ${name} }`),
    fc.constant('mutation { stats { entities } }'),
  );

  // Numbers at and beyond every edge, in every Int argument of a root field.
  const intRoots = roots.filter((f) => f.args.some((a) => isIntArg(a.type)));
  const extremeNumber = fc.constantFrom(...intRoots).chain((f) =>
    fc.oneof(
      fieldOf(f, 1, argumentsOf(f.args, (name, type) => (isIntArg(type) ? extremeLiteral() : goodLiteral(t, name, type)), 1)).map((b) => ({ query: `{ ${b} }` })),
      fc.tuple(fc.constantFrom(...f.args.filter((a) => isIntArg(a.type))), extremeJsonNumber(), selectionFor(f, selectionOf)).map(([a, n, sel]) => ({
        query: `query($n: Int) { ${f.name}(${requiredArgs(t, f, a.name)}${a.name}: $n)${sel} }`,
        variables: { n },
      })),
    ),
  );

  return { valid, wrongType, unknownField, extremeNumber };
}

function selectionFor(f: GraphQLField<unknown, unknown>, selectionOf: (type: GraphQLObjectType, depth: number) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const named = getNamedType(f.type);
  return isObjectType(named) ? selectionOf(named, 0).map((s) => ` { ${s} }`) : fc.constant('');
}

/** The literal arguments the field requires besides `skip`, so a variable in `skip` is the only thing wrong. */
function requiredArgs(t: FuzzTarget, f: GraphQLField<unknown, unknown>, skip: string): string {
  const parts = f.args.filter((a) => a.name !== skip && isNonNullType(a.type)).map((a) => `${a.name}: ${JSON.stringify(t.ids[0] ?? 'x')}`);
  return parts.length ? `${parts.join(', ')}, ` : '';
}

type LiteralOf = (name: string, type: GraphQLInputType) => fc.Arbitrary<string>;

/** "(a: 1, b: "x")": required arguments always, optional ones half the time (or always, with optionalWeight 1). */
function argumentsOf(args: readonly GraphQLArgument[], literal: LiteralOf, optionalWeight = 0.5): fc.Arbitrary<string> {
  if (args.length === 0) return fc.constant('');
  const parts = args.map((a) => {
    const present = literal(a.name, a.type).map((v) => `${a.name}: ${v}`);
    return isNonNullType(a.type) || optionalWeight >= 1 ? present : fc.oneof(fc.constant(''), present);
  });
  return fc.tuple(...parts).map((p) => {
    const present = p.filter(Boolean);
    return present.length ? `(${present.join(', ')})` : '';
  });
}

const RANGES: Record<string, [number, number]> = { first: [0, 50], depth: [1, 3], limit: [0, 300], maxLength: [1, 8] };

/** A sensible value for an argument, by its name and type: real ids, names, questions. */
function goodLiteral(t: FuzzTarget, name: string, type: GraphQLInputType): fc.Arbitrary<string> {
  if (isNonNullType(type)) return goodLiteral(t, name, type.ofType);
  if (isListType(type)) return fc.array(goodLiteral(t, name, type.ofType), { maxLength: 3 }).map((v) => `[${v.join(', ')}]`);
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) return fc.constant('{}');
  const str = (a: fc.Arbitrary<string>) => a.map((s) => JSON.stringify(s));
  switch (name) {
    case 'id':
    case 'from':
    case 'to':
      return str(fc.oneof({ arbitrary: fc.constantFrom(...t.ids), weight: 9 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 }));
    case 'text':
      return str(fc.oneof(fc.constantFrom(...t.names), fc.constantFrom(...t.names).chain((n) => fc.nat(n.length).map((k) => n.slice(0, k + 1))), fc.string({ maxLength: 20 })));
    case 'question':
      return str(fc.oneof({ arbitrary: fc.constantFrom(...t.questions), weight: 4 }, { arbitrary: fc.string({ maxLength: 60 }), weight: 1 }));
    case 'types':
      return str(fc.constantFrom(...t.relationTypes));
    case 'after':
      // A real cursor (of an entity or relation id) most of the time, else one this API never gave out.
      return str(fc.oneof({ arbitrary: fc.constantFrom(...t.ids).map(encodeCursor), weight: 4 }, { arbitrary: fc.base64String({ maxLength: 16 }), weight: 1 }));
  }
  const range = RANGES[name];
  if (range) return fc.integer({ min: range[0], max: range[1] }).map(String);
  switch (getNamedType(type).name) {
    case 'Int':
      return fc.integer({ min: 0, max: 20 }).map(String);
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => JSON.stringify(n));
    case 'Boolean':
      return fc.boolean().map(String);
    case 'ID':
      return str(fc.constantFrom(...t.ids));
    default:
      return str(fc.string({ maxLength: 20 }));
  }
}

function isIntArg(type: GraphQLInputType): boolean {
  return getNamedType(type).name === 'Int' && !isListType(isNonNullType(type) ? type.ofType : type);
}

const HOSTILE_LITERALS = [
  'null', 'true', 'false', '"str"', '""', '[]', '[[[]]]', '{}', '{a: 1}', 'ENUM_NOPE', 'PERSON', '$nope', '-1', '0', '2147483648',
  '-2147483649', '99999999999999999999999', '1e309', '-1e309', '0.5', '-0', '1.7976931348623157e308', '"\\u0000"', '"\\ud800"', '"\\uDFFF\\uD800"',
  '"\\"); MATCH (n) DETACH DELETE n //"', '"\' OR 1=1 --"', '["a", 1, null]',
];

function hostileLiteral(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_LITERALS), weight: 4 },
    { arbitrary: fc.integer().map(String), weight: 1 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)), weight: 1 },
  );
}

const EXTREMES = ['-1', '-0', '0', '2147483647', '2147483648', '-2147483648', '-2147483649', '4294967296', '9007199254740993', '99999999999999999999999999', '1e21', '1.5', '-1e308', '1e309'];

function extremeLiteral(): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...EXTREMES), weight: 3 }, { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(String), weight: 1 });
}

function extremeJsonNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(-1, 0, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e21, 1.5, -1e308, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

function identifier(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('a', 'x', 'foo', 'password', 'node', 'user', 'delete', '_'), fc.nat(999)).map(([w, n]) => `${w}${n}`);
}

// ---------------------------------------------------------------- text mutations

const TOKENS = ['{', '}', '(', ')', ':', '$', '@', '...', '"', '\\', '#', 'query', 'mutation', 'fragment', 'on', '!', '[', ']', '=', '|', '&', ',', '\u0000', '\u00e9', '\ud83d', ' ', '\n'];

/** One to five edits of a document's text: deletions, duplications, stray tokens. */
function mutations(): fc.Arbitrary<(q: string) => string> {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'insert', 'swap', 'truncate'), fc.constantFrom(...TOKENS)).map(
    ([a, b, op, token]) =>
      (q: string): string => {
        if (q.length === 0) return token;
        const i = a % q.length;
        const j = Math.min(q.length, i + 1 + (b % 12));
        switch (op) {
          case 'delete':
            return q.slice(0, i) + q.slice(j);
          case 'duplicate':
            return q.slice(0, j) + q.slice(i, j) + q.slice(j);
          case 'insert':
            return q.slice(0, i) + token + q.slice(i);
          case 'swap':
            return q.slice(0, i) + q.slice(j) + q.slice(i, j);
          default:
            return q.slice(0, i);
        }
      },
  );
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) => (q: string) => edits.reduce((s, e) => e(s), q));
}

// ---------------------------------------------------------------- families

function deepNesting(t: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const id = fc.constantFrom(...t.ids);
  return fc.oneof(
    // Selections nested past the depth limit.
    fc.tuple(fc.integer({ min: 4, max: 80 }), id).map(([n, i]) =>
      post('deep-nesting', { query: `{ entity(id: ${JSON.stringify(i)}) { ${'relations { from { '.repeat(n)}id${' } }'.repeat(n)} } }` }),
    ),
    // A list literal nested hundreds deep.
    fc.integer({ min: 10, max: 3000 }).map((n) => post('deep-nesting', { query: `{ search(text: ${'['.repeat(n)}"a"${']'.repeat(n)}) { id } }` })),
    // Variables nested thousands deep.
    fc.integer({ min: 10, max: 20000 }).map((n) => postRaw('deep-nesting', `{"query":"query($t: String!) { search(text: $t) { id } }","variables":{"t":${'['.repeat(n)}${']'.repeat(n)}}}`)),
    // A JSON body that is only nesting.
    fc.tuple(fc.integer({ min: 100, max: 45000 }), fc.constantFrom('[', '{"a":')).map(([n, open]) =>
      postRaw('deep-nesting', open === '[' ? '['.repeat(n) + ']'.repeat(n) : open.repeat(n) + '1' + '}'.repeat(n)),
    ),
    // Fragments that spread each other in a chain, or in a cycle.
    fc.tuple(fc.integer({ min: 2, max: 60 }), fc.boolean()).map(([n, cycle]) => {
      const frags = Array.from({ length: n }, (_, i) => `fragment F${i} on Entity { id relations { from { ...F${i + 1 < n ? i + 1 : cycle ? 0 : i + 1} } } }`);
      if (!cycle) frags[n - 1] = `fragment F${n - 1} on Entity { id }`;
      return post('deep-nesting', { query: `{ search(text: "a") { ...F0 } } ${frags.join(' ')}` });
    }),
    // Nested parentheses and braces with nothing inside.
    fc.integer({ min: 10, max: 5000 }).map((n) => post('deep-nesting', { query: '{'.repeat(n) + '}'.repeat(n) })),
  );
}

function aliasFlood(t: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const field = fc.constantFrom('stats { entities }', 'search(text: "a") { id }', `entity(id: ${JSON.stringify(t.ids[0] ?? 'x')}) { id }`, 'timeline { id }', '__typename');
  return fc.oneof(
    fc.tuple(fc.integer({ min: 10, max: 3000 }), field).map(([n, f]) => post('alias-flood', { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${f}`).join(' ')} }` })),
    fc.integer({ min: 10, max: 8000 }).map((n) => post('alias-flood', { query: `{ stats { ${'entities '.repeat(n)}} }` })),
    fc.integer({ min: 10, max: 8000 }).map((n) => post('alias-flood', { query: `{ stats { ...S ${'...S '.repeat(n)}} } fragment S on Stats { entities relations }` })),
    fc.integer({ min: 5, max: 2000 }).map((n) => post('alias-flood', { query: `{ stats { entities ${'@include(if: true) '.repeat(n)}} }` })),
    fc.integer({ min: 2, max: 2000 }).map((n) => post('alias-flood', { query: Array.from({ length: n }, (_, i) => `query Q${i} { stats { entities } }`).join(' '), operationName: `Q${n - 1}` })),
    fc.integer({ min: 2, max: 400 }).map((n) => post('alias-flood', { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: neighbourhood(id: ${JSON.stringify(t.ids[i % t.ids.length])}, depth: 3, limit: 5000) { nodes { id relations { id } } }`).join(' ')} }` })),
  );
}

const NASTY_UNITS = ['a', 'é', 'e\u0301', '\u0000', '\u202e', '\u200b', '🙂', '👩‍👩‍👧', '\\', '"', "'", '%s', '${x}', '<script>', '\ufeff', '\ud800', '\udfff', '鬱', ' '];

function longString(t: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const unit = fc.oneof(fc.constantFrom(...NASTY_UNITS), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }));
  const length = fc.oneof(
    fc.constantFrom(199, 200, 201, 499, 500, 501, 1000, 4096, 65536),
    fc.integer({ min: Math.floor(t.bodyLimit * 0.8), max: t.bodyLimit * 2 }),
    fc.integer({ min: 1, max: 20000 }),
  );
  const text = fc.tuple(unit, length).map(([u, n]) => u.repeat(Math.max(1, Math.ceil(n / u.length))).slice(0, n));
  const shapes = [
    (s: string) => ({ query: 'query($s: String!) { search(text: $s) { id } }', variables: { s } }),
    (s: string) => ({ query: 'query($s: String!) { ask(question: $s) { understood text } }', variables: { s } }),
    (s: string) => ({ query: 'query($s: ID!) { entity(id: $s) { id } }', variables: { s } }),
    (s: string) => ({ query: 'query($s: ID!) { shortestPath(from: $s, to: $s) { truncated } }', variables: { s } }),
    (s: string) => ({ query: 'query($s: String!) { relations(types: [$s], first: 1) { totalCount } }', variables: { s } }),
    (s: string) => ({ query: 'query($s: String) { entities(after: $s) { totalCount } }', variables: { s } }),
    (s: string) => ({ query: `{ search(text: ${JSON.stringify(s)}) { id } }` }),
    (s: string) => ({ query: `{ stats { entities } } # ${s}` }),
    (s: string) => ({ query: '{ stats { entities } }', operationName: s }),
    (s: string) => ({ query: '{ stats { entities } }', extensions: { s } }),
  ];
  return fc.tuple(text, fc.constantFrom(...shapes)).map(([s, shape]) => post('long-string', shape(s)));
}

const INVALID_UTF8 = [[0xff], [0xfe], [0xc0, 0x80], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f], [0xc3], [0x00]];

function invalidUtf8(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    // Raw invalid bytes spliced into a valid JSON body, anywhere.
    fc.tuple(valid, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVALID_UTF8)), { minLength: 1, maxLength: 6 })).map(([q, splices]) => {
      let bytes = Array.from(encode(JSON.stringify({ query: q })));
      for (const [at, seq] of splices) {
        const i = at % (bytes.length + 1);
        bytes = [...bytes.slice(0, i), ...seq, ...bytes.slice(i)];
      }
      return postRaw('invalid-utf8', Uint8Array.from(bytes));
    }),
    // Inside a string argument, where the server would read it as text.
    fc.constantFrom(...INVALID_UTF8).map((seq) => postRaw('invalid-utf8', concat(encode('{"query":"{ search(text: \\"'), Uint8Array.from(seq), encode('\\") { id } }"}')))),
    // Percent-encoded in a GET query string.
    fc.constantFrom(...INVALID_UTF8).map((seq) =>
      getRequest('invalid-utf8', `/graphql?query=${encodeURIComponent('{ search(text: "')}${seq.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}${encodeURIComponent('") { id } }')}`),
    ),
    // Broken percent escapes.
    fc.constantFrom('%', '%z', '%e2%82', '%ff%fe', '%%', '%u0041').map((junk) => getRequest('invalid-utf8', `/graphql?query=${junk}&variables=${junk}`)),
  );
}

function brokenJson(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  const json = valid.map((q) => JSON.stringify({ query: q }));
  return fc.oneof(
    fc.tuple(json, mutations()).map(([j, m]) => postRaw('broken-json', m(j))),
    fc.tuple(json, fc.nat()).map(([j, n]) => postRaw('broken-json', j.slice(0, n % j.length))),
    fc.constantFrom('', ' ', 'null', '1', '"query"', 'true', '[]', '{}', '{"query":null}', '{"query":1}', '{"query":["{ stats { entities } }"]}', '{"query":{}}', '\ufeff{"query":"{ stats { entities } }"}', '{"query":"{ stats { entities } }"} trailing', 'NaN', '{"query":"{ stats { entities } }",}', "{'query':'{ stats { entities } }'}").map((b) => postRaw('broken-json', b)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => postRaw('broken-json', JSON.stringify(v) ?? 'null')),
    fc.tuple(valid, fc.constantFrom('variables', 'operationName', 'extensions'), fc.jsonValue({ maxDepth: 3 })).map(([q, key, v]) => post('broken-json', { query: q, [key]: v })),
    // Prototype pollution attempts.
    fc.constantFrom(
      '{"__proto__":{"query":"{ stats { entities } }","polluted":1}}',
      '{"query":"{ stats { entities } }","variables":{"__proto__":{"polluted":1}}}',
      '{"query":"{ stats { entities } }","constructor":{"prototype":{"polluted":1}}}',
      '{"query":"query($v: String) { search(text: $v) { id } }","variables":{"v":"a","__proto__":{"v":"b"}}}',
    ).map((b) => postRaw('broken-json', b)),
  );
}

const CONTENT_TYPES = [
  'text/plain', 'text/html', 'application/xml', 'application/graphql', 'application/graphql-response+json', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'application/json;;', 'multipart/form-data; boundary=xyz', 'multipart/form-data', 'application/x-www-form-urlencoded',
  'application/octet-stream', '*/*', 'application/json, text/plain', 'APPLICATION/JSON', 'application/jsonx', 'x'.repeat(2000),
];

function contentType(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(valid, fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }), fc.constantFrom('json', 'graphql', 'form', 'multipart')).map(([q, type, shape]) => {
    const body =
      shape === 'json' ? JSON.stringify({ query: q }) : shape === 'graphql' ? q : shape === 'form' ? `query=${encodeURIComponent(q)}` : `--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: q })}\r\n--xyz--\r\n`;
    const headers: Record<string, string> = { accept: 'application/json', 'x-graphql-csrf': '1' };
    if (type !== undefined) headers['content-type'] = type;
    return { family: 'content-type', method: 'POST', path: '/graphql', headers, body: encode(body) };
  });
}

function batched(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    fc.array(valid, { minLength: 0, maxLength: 60 }).map((qs) => post('batched', qs.map((query) => ({ query })))),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 20 }).map((v) => post('batched', v)),
    fc.integer({ min: 2, max: 2000 }).map((n) => post('batched', Array.from({ length: n }, () => ({ query: '{ stats { entities } }' })))),
    valid.map((q) => post('batched', [[{ query: q }]])),
  );
}

function getRequests(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  const q = (doc: string, extra = '') => `/graphql?query=${encodeURIComponent(doc)}${extra}`;
  return fc.oneof(
    valid.map((doc) => getRequest('get', q(doc))),
    fc.constantFrom('mutation { stats { entities } }', 'mutation M { x }', 'subscription { stats { entities } }', 'query A { stats { entities } } mutation B { x }').map((doc) => getRequest('get', q(doc, '&operationName=B'))),
    valid.map((doc) => getRequest('get', q(doc, `&variables=${encodeURIComponent('{not json')}`))),
    valid.map((doc) => getRequest('get', q(doc, `&extensions=${encodeURIComponent('[1,2')}&operationName=${encodeURIComponent('{}')}`))),
    fc.constantFrom('/graphql', '/graphql?', '/graphql?query=', '/graphql?variables=%7B%7D', '/graphql?query=%7B&query=%7D', '/graphql?query[]=a&query[]=b', '/graphql?query[a]=1').map((p) => getRequest('get', p)),
    // Past Node's header size: 431, never a crash.
    fc.integer({ min: 8000, max: 40000 }).map((n) => getRequest('get', q(`{ search(text: "${'a'.repeat(n)}") { id } }`))),
    // GraphiQL page for a browser, and without the CSRF header.
    fc.constantFrom('text/html', 'text/html,application/xhtml+xml', '*/*').map((accept) => ({ family: 'get' as const, method: 'GET', path: '/graphql', headers: { accept } })),
    valid.map((doc) => ({ family: 'get' as const, method: 'GET', path: q(doc), headers: { accept: 'application/json' } })),
  );
}

function variables(t: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const id = fc.constantFrom(...t.ids);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => post('variables', { query: 'query($id: ID!) { entity(id: $id) { id } }', variables: v })),
    fc.tuple(id, fc.jsonValue({ maxDepth: 2 })).map(([i, v]) => post('variables', { query: 'query($id: ID!, $d: Int) { neighbourhood(id: $id, depth: $d) { truncated } }', variables: { id: i, d: v } })),
    fc.constantFrom(
      { query: 'query($id: ID!) { entity(id: $id) { id } }' },
      { query: 'query($id: ID!) { entity(id: $id) { id } }', variables: { other: 1 } },
      { query: 'query($id: ID!, $id: ID!) { entity(id: $id) { id } }', variables: { id: 'x' } },
      { query: 'query($n: Int = "x") { entities(first: $n) { totalCount } }' },
      { query: 'query($n: Int) { stats { entities } }', variables: { n: 1 } },
      { query: '{ entity(id: $id) { id } }', variables: { id: 'x' } },
      { query: 'query($k: [EntityKind!]) { search(text: "a", kinds: $k) { id } }', variables: { k: ['NOPE'] } },
      { query: 'query($k: [EntityKind!]) { search(text: "a", kinds: $k) { id } }', variables: { k: [null] } },
      { query: 'query($t: [String!]) { relations(types: $t) { totalCount } }', variables: { t: Array.from({ length: 5000 }, (_, i) => `T${i}`) } },
      { query: 'query($ids: [ID!]!) { entity(id: $ids) { id } }', variables: { ids: ['a', 'b'] } },
      { query: 'query($d: Direction) { entity(id: "x") { relations(direction: $d) { id } } }', variables: { d: 'SIDEWAYS' } },
      { query: 'query($x: Entity) { stats { entities } }' },
    ).map((p) => post('variables', p)),
  );
}

function introspection(): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    fc.constantFrom(
      '{ __schema { types { name } } }',
      '{ __schema { queryType { fields { name args { name type { name kind ofType { name } } } } } } }',
      '{ __type(name: "Entity") { fields { name type { name fields { name type { name fields { name } } } } } } }',
      '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
      '{ __typename __schema { directives { name args { name } } } }',
    ).map((query) => post('introspection', { query })),
    fc.integer({ min: 2, max: 30 }).map((n) => post('introspection', { query: `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }` })),
  );
}

function chunked(t: FuzzTarget, valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    valid.map((q) => ({ ...post('chunked', { query: q }), chunked: true })),
    fc.integer({ min: t.bodyLimit + 1, max: t.bodyLimit * 4 }).map((n) => ({ ...post('chunked', { query: '{ stats { entities } }', variables: { pad: 'x'.repeat(n) } }), chunked: true })),
    fc.constant({ ...postRaw('chunked', ''), chunked: true }),
  );
}

const PATHS = [
  '/', '/index.html', '/health', '/ready', '/graphql/', '/graphql/x', '//graphql', '/GRAPHQL', '/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%00',
  '/%', '/%E0%A4%A', '/.env', '/package.json', '/server/config.ts', '/.git/config', '/assets/', '/assets/..%2f..%2fpackage.json', `/${'a'.repeat(5000)}`,
];

function methodAndPath(valid: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    fc.tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), valid).map(([method, q]) => ({ ...post('method-and-path', { query: q }), method })),
    fc.constantFrom('https://newsroom.example', 'null', 'http://127.0.0.1').map((origin) => ({
      family: 'method-and-path' as const,
      method: 'OPTIONS',
      path: '/graphql',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-graphql-csrf' },
    })),
    fc.tuple(fc.constantFrom('GET', 'POST', 'HEAD'), fc.constantFrom(...PATHS)).map(([method, path]) => ({ family: 'method-and-path' as const, method, path, headers: { accept: '*/*' } })),
  );
}

// ---------------------------------------------------------------- helpers

function post(family: Family, payload: unknown, headers: Record<string, string> = {}): FuzzRequest {
  return postRaw(family, JSON.stringify(payload) ?? 'null', headers);
}

function postRaw(family: Family, body: string | Uint8Array, headers: Record<string, string> = {}): FuzzRequest {
  return { family, method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, ...headers }, body: typeof body === 'string' ? encode(body) : body };
}

function getRequest(family: Family, path: string): FuzzRequest {
  return { family, method: 'GET', path, headers: { accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' } };
}

function encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------- verdicts

export type Problem = '5xx' | 'stack-trace' | 'internal-path' | 'unexpected-error' | 'no-answer';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** Set when no HTTP answer came back (reset, timeout). */
  error?: string;
}

const STACK = /(?:\\n|\n)\s+at \S|\bat [\w$.<>]+ \((?:file:|\/)[^)]*:\d+:\d+\)|"stack"\s*:/;
const INTERNAL = /\/node_modules\/|file:\/\/\/|\.(?:ts|js|mjs|cjs):\d+:\d+/;

/**
 * What a response must never be, whatever was sent. `root` is the project's
 * folder: it must not appear in any answer. A reset before any status is a
 * problem, unless the body was over the limit (the server answers 413 and
 * closes while the client may still be writing).
 */
export function judge(request: FuzzRequest, answer: Answer, { root, bodyLimit }: { root: string; bodyLimit: number }): Problem[] {
  const problems: Problem[] = [];
  if (answer.status === 0) {
    // Refusing an oversized body by closing the connection while the client still writes is an answer too.
    const oversized = (request.body?.length ?? 0) > bodyLimit && /EPIPE|ECONNRESET|socket hang up/.test(answer.error ?? '');
    return oversized ? [] : ['no-answer'];
  }
  if (answer.status >= 500) problems.push('5xx');
  const html = /text\/html|javascript/.test(answer.contentType);
  // GraphiQL's own bundle mentions frames and files of its build; only our answers are judged for traces.
  if (!html && STACK.test(answer.body)) problems.push('stack-trace');
  if (answer.body.includes(root) || (!html && INTERNAL.test(answer.body))) problems.push('internal-path');
  if (/"Unexpected error\."/.test(answer.body)) problems.push('unexpected-error');
  return problems;
}
