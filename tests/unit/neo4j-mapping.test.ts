/**
 * The Neo4j adapter's pure edges, on values built with the driver's own
 * types: integers, nodes, relationships and paths into domain objects; driver
 * errors into domain errors by code; search text into a full-text query.
 */
import neo4j, { Node, Path, PathSegment, Relationship } from 'neo4j-driver';
import { GraphUnavailable } from '../../server/domain/errors.js';
import { articleFromNode, entityFromNode, propertiesOf, relationFromRelationship, subgraphFromPath, toNative } from '../../server/store/neo4j/driver-values.js';
import { translateError } from '../../server/store/neo4j/errors.js';
import { escapeLucene, fulltextQuery } from '../../server/store/neo4j/fulltext.js';

/** An error as the driver raises it, with its code. */
const driverError = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');

const evidence = (article: string, quote: string) => JSON.stringify([{ article, quote }]);

// Stored the way the adapter writes them (EntityRow): lists and evidence as JSON text, degree an integer.
const marta = new Node(neo4j.int(1), ['Entity'], {
  id: 'marta-zelazna',
  kind: 'Person',
  name: 'Marta Żelazná',
  aliases: JSON.stringify(['Marta Zelazna']),
  summary: "Leader of the Ferryworkers' Guild.",
  evidence: evidence('h001', 'Guild leader Marta Żelazná said'),
  claims: '[]',
  keys: 'marta zelazna|marta|zelazna',
  degree: neo4j.int(4),
}, '4:db:1');
const tomas = new Node(neo4j.int(2), ['Entity'], {
  id: 'tomas-zelazny',
  kind: 'Person',
  name: 'Tomas Zelazny',
  aliases: '[]',
  evidence: evidence('h001', 'Tomas Zelazny, a deckhand'),
  claims: '[]',
  degree: neo4j.int(3),
}, '4:db:2');
const guild = new Node(neo4j.int(3), ['Entity'], {
  id: 'ferryworkers-guild',
  kind: 'Organisation',
  name: "Ferryworkers' Guild",
  aliases: JSON.stringify(['the Guild']),
  evidence: evidence('h001', "the Ferryworkers' Guild"),
  claims: '[]',
  degree: neo4j.int(2),
}, '4:db:3');
// tomas -SPOUSE_OF-> marta, marta -LEADS-> guild
const spouse = new Relationship(neo4j.int(10), neo4j.int(2), neo4j.int(1), 'RELATION', {
  id: 'tomas-zelazny.spouse_of.marta-zelazna',
  type: 'SPOUSE_OF',
  evidence: evidence('h001', 'Her husband, Tomas Zelazny'),
}, '5:db:10', '4:db:2', '4:db:1');
const leads = new Relationship(neo4j.int(11), neo4j.int(1), neo4j.int(3), 'RELATION', {
  id: 'marta-zelazna.leads.ferryworkers-guild',
  type: 'LEADS',
  date: '2031-03',
  note: 'since 2029',
  evidence: evidence('h002', "Marta Zelazna, who leads the Ferryworkers' Guild"),
}, '5:db:11', '4:db:1', '4:db:3');

describe('toNative', () => {
  it('turns Neo4j integers into numbers, inside lists and maps too', () => {
    expect(toNative(neo4j.int(42))).toBe(42);
    expect(toNative([neo4j.int(1), 'a', { n: neo4j.int(-7), m: [neo4j.int(0)] }])).toEqual([1, 'a', { n: -7, m: [0] }]);
  });

  it('keeps integers beyond 2^53 exact, as decimal text', () => {
    expect(toNative(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('leaves strings, floats, booleans and null alone', () => {
    expect(toNative('x')).toBe('x');
    expect(toNative(1.5)).toBe(1.5);
    expect(toNative(true)).toBe(true);
    expect(toNative(null)).toBeNull();
  });
});

describe('nodes into entities and articles', () => {
  it('maps an :Entity node into an entity, JSON fields parsed and degree a number', () => {
    expect(entityFromNode(marta)).toEqual({
      id: 'marta-zelazna',
      kind: 'Person',
      name: 'Marta Żelazná',
      aliases: ['Marta Zelazna'],
      summary: "Leader of the Ferryworkers' Guild.",
      date: null,
      endDate: null,
      dateDerived: null,
      standsFor: null,
      // Stored before story format 2, without a certainty: read as STATED.
      evidence: [{ article: 'h001', quote: 'Guild leader Marta Żelazná said', certainty: 'STATED' }],
      claims: [],
      degree: 4,
    });
  });

  it('maps the fields of story format 2: span, derived date, what a place stands for, certainty and source', () => {
    const minsk = new Node(neo4j.int(5), ['Entity'], {
      id: 'minsk',
      kind: 'Place',
      name: 'Minsk',
      aliases: '[]',
      date: '2025-09',
      endDate: '2025-10',
      dateDerived: '"last month"',
      standsFor: 'belarus',
      evidence: JSON.stringify([{ article: 'a1', quote: 'Minsk said', certainty: 'ATTRIBUTED', accordingTo: 'belta' }]),
      claims: '[]',
      degree: neo4j.int(0),
    });
    expect(entityFromNode(minsk)).toMatchObject({
      endDate: '2025-10',
      dateDerived: '"last month"',
      standsFor: 'belarus',
      evidence: [{ article: 'a1', quote: 'Minsk said', certainty: 'ATTRIBUTED', accordingTo: 'belta' }],
    });
  });

  it('gives null for properties a node does not have', () => {
    const e = entityFromNode(tomas);
    expect(e.summary).toBeNull();
    expect(e.date).toBeNull();
    expect(typeof e.degree).toBe('number');
  });

  it('maps an :Article node into an article', () => {
    const a = new Node(neo4j.int(7), ['Article'], { id: 'h001', title: 'Ferry Strike Ends', text: 'PORTVALE — ...', url: 'https://example.org/h001' });
    expect(articleFromNode(a)).toEqual({ id: 'h001', title: 'Ferry Strike Ends', text: 'PORTVALE — ...', url: 'https://example.org/h001', source: null, published: null, publishedDerived: null });
    const dated = new Node(neo4j.int(8), ['Article'], { id: 'h002', title: 'T', text: 'x', source: 'AP', published: '2025-09-12', publishedDerived: '"said Friday"' });
    expect(articleFromNode(dated)).toMatchObject({ source: 'AP', published: '2025-09-12', publishedDerived: '"said Friday"' });
  });

  it('refuses a value that is not a node or relationship', () => {
    expect(() => propertiesOf({ properties: {} } as unknown as Node)).toThrow(/Expected a Neo4j node or relationship, got Object/);
    expect(() => propertiesOf(null as unknown as Node)).toThrow(/got null/);
  });
});

describe('relationships into relations', () => {
  it('maps a :RELATION relationship with its vocabulary type, date, note and evidence', () => {
    expect(relationFromRelationship(leads, 'marta-zelazna', 'ferryworkers-guild')).toEqual({
      id: 'marta-zelazna.leads.ferryworkers-guild',
      type: 'LEADS',
      from: 'marta-zelazna',
      to: 'ferryworkers-guild',
      date: '2031-03',
      endDate: null,
      dateDerived: null,
      role: null,
      note: 'since 2029',
      evidence: [{ article: 'h002', quote: "Marta Zelazna, who leads the Ferryworkers' Guild", certainty: 'STATED' }],
    });
    const trial = new Relationship(neo4j.int(11), neo4j.int(1), neo4j.int(3), 'RELATION', { id: 'm.participated_in.t', type: 'PARTICIPATED_IN', role: 'defendant', endDate: '2031-04' }, '5:db:11', '4:db:1', '4:db:3');
    expect(relationFromRelationship(trial, 'm', 't')).toMatchObject({ role: 'defendant', endDate: '2031-04', evidence: [] });
    expect(relationFromRelationship(spouse, 'tomas-zelazny', 'marta-zelazna')).toMatchObject({ date: null, note: null });
  });
});

describe('paths into subgraphs', () => {
  it('keeps path order for entities and each relation its stored direction, whichever way the path walks it', () => {
    // guild <-LEADS- marta <-SPOUSE_OF- tomas, walked from the guild: both relations against the walk.
    const path = new Path(guild, tomas, [new PathSegment(guild, leads, marta), new PathSegment(marta, spouse, tomas)]);
    const g = subgraphFromPath(path);
    expect(g.nodes.map((n) => n.id)).toEqual(['ferryworkers-guild', 'marta-zelazna', 'tomas-zelazny']);
    expect(g.edges.map((r) => [r.id, r.from, r.to])).toEqual([
      ['marta-zelazna.leads.ferryworkers-guild', 'marta-zelazna', 'ferryworkers-guild'],
      ['tomas-zelazny.spouse_of.marta-zelazna', 'tomas-zelazny', 'marta-zelazna'],
    ]);
    expect(g.truncated).toBe(false);
    expect(g.nodes[1]?.degree).toBe(4);
  });

  it('joins ends by integer identity when element ids are absent (older servers)', () => {
    const a = new Node(neo4j.int(1), ['Entity'], { id: 'a', kind: 'Place', name: 'A', degree: neo4j.int(1) });
    const b = new Node(neo4j.int(2), ['Entity'], { id: 'b', kind: 'Place', name: 'B', degree: neo4j.int(1) });
    const r = new Relationship(neo4j.int(9), neo4j.int(2), neo4j.int(1), 'RELATION', { id: 'b.located_in.a', type: 'LOCATED_IN' });
    const g = subgraphFromPath(new Path(a, b, [new PathSegment(a, r, b)]));
    expect(g.edges[0]).toMatchObject({ from: 'b', to: 'a' });
  });

  it('maps a zero-length path to its one entity', () => {
    expect(subgraphFromPath(new Path(marta, marta, []))).toMatchObject({ nodes: [{ id: 'marta-zelazna' }], edges: [] });
  });

  it('refuses a relationship that does not join nodes of its path', () => {
    const stray = new Relationship(neo4j.int(12), neo4j.int(98), neo4j.int(99), 'RELATION', { id: 'x', type: 'MET' }, '5:db:12', '4:db:98', '4:db:99');
    expect(() => subgraphFromPath(new Path(marta, tomas, [new PathSegment(marta, stray, tomas)]))).toThrow(/does not join two nodes of its path/);
  });
});

describe('translateError', () => {
  it.each(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable'])('maps %s to GraphUnavailable, keeping the cause', (code) => {
    const cause = driverError('Failed to connect to server', code);
    const out = translateError(cause);
    expect(out).toBeInstanceOf(GraphUnavailable);
    expect(out.message).toMatch(/cannot be reached or is not ready/);
    expect(out.cause).toBe(cause);
  });

  it('maps a transaction timeout to GraphUnavailable with a hint', () => {
    const out = translateError(driverError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'));
    expect(out).toBeInstanceOf(GraphUnavailable);
    expect(out.message).toMatch(/too long/);
  });

  it.each(['Neo.ClientError.Statement.SyntaxError', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Schema.ConstraintValidationFailed'])('passes %s on unchanged, to be masked', (code) => {
    const err = driverError('boom', code);
    expect(translateError(err)).toBe(err);
  });

  it('passes on plain errors and wraps non-errors', () => {
    const err = new TypeError('x');
    expect(translateError(err)).toBe(err);
    expect(translateError('text')).toEqual(new Error('text'));
    const already = new GraphUnavailable('down');
    expect(translateError(already)).toBe(already);
  });
});

describe('the full-text query', () => {
  it('asks for each word as a prefix, and as a fuzzy term where a typo is allowed', () => {
    expect(fulltextQuery('marta zelazna')).toBe('marta* OR marta~1 OR zelazna* OR zelazna~1');
    expect(fulltextQuery('okonkwo lind')).toBe('okonkwo* OR okonkwo~1 OR lind* OR lind~1');
    expect(fulltextQuery('calloway')).toBe('calloway* OR calloway~2');
  });

  it('asks no fuzzy term for words too short for a typo', () => {
    expect(fulltextQuery('ihar')).toBe('ihar* OR ihar~1');
    expect(fulltextQuery('eu')).toBe('eu*');
  });

  it('escapes every Lucene operator', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o');
    expect(fulltextQuery('a:b')).toBe('a\\:b*');
  });
});
