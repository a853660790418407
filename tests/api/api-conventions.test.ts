/** The conventions clients expect: Node and global ids, connections both ways, where/orderBy, aggregates, refusals that say why. */
import { seededServer } from '../support/graph.js';

describe('the conventions of Relay, Apollo and GitHub', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const { status, body } = await server.gql(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  };
  const refused = async (query: string, code: string, message: RegExp) => {
    const { status, body } = await server.gql(query);
    expect(status).toBe(200);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toMatch(message);
  };

  it('gives every entity, relation and article an id no other record has', async () => {
    const data = await ok('{ entities(first: 500) { nodes { id } } relations(first: 500) { nodes { id } } articles { id } }');
    const ids = [...data.entities.nodes, ...data.relations.nodes, ...data.articles].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds any record by id with node, and several with nodes in the order asked, null for unknown ids', async () => {
    const { relations } = await ok('{ relations(first: 1) { nodes { id } } }');
    const relationId = relations.nodes[0].id;
    const data = await ok(
      `query($ids: [ID!]!, $r: ID!) {
        nodes(ids: $ids) { __typename id ... on Entity { name } ... on Article { title } ... on Relation { type } }
        entity: node(id: "ihar-losik") { __typename id }
        relation: node(id: $r) { __typename id }
        nothing: node(id: "no-such-thing") { id }
      }`,
      { ids: ['004_db2554f03e592df2', 'no-such-thing', 'ihar-losik', relationId], r: relationId },
    );
    expect(data.nodes.map((n: any) => n?.__typename ?? null)).toEqual(['Article', null, 'Entity', 'Relation']);
    expect(data.nodes[2].name).toBe('Ihar Losik');
    expect(data.entity).toEqual({ __typename: 'Entity', id: 'ihar-losik' });
    expect(data.relation.__typename).toBe('Relation');
    expect(data.nothing).toBeNull();
  });

  it('looks entities up by ids with entities(ids:), keeping the order and leaving unknown ids out', async () => {
    const data = await ok('{ entities(ids: ["mikalai-statkevich", "nobody", "ihar-losik"]) { totalCount nodes { id } } }');
    expect(data.entities.nodes.map((n: any) => n.id)).toEqual(['mikalai-statkevich', 'ihar-losik']);
    expect(data.entities.totalCount).toBe(2);
  });

  it('pages through all of an entity\'s relations forward, then back with last/before, with a full PageInfo', async () => {
    const { entity } = await ok('{ entity(id: "alexander-lukashenko") { degree relations(first: 500) { id } } }');
    expect(entity.degree).toBeGreaterThan(6);
    const forward: string[] = [];
    let after: string | null = null;
    let page: any;
    do {
      page = (await ok('query($after: String) { entity(id: "alexander-lukashenko") { relationsConnection(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }', { after })).entity.relationsConnection;
      expect(page.totalCount).toBe(entity.degree);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      forward.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(forward).toEqual(entity.relations.map((r: any) => r.id));
    const backward: string[] = [];
    let before: string | null = null;
    do {
      page = (await ok('query($before: String) { entity(id: "alexander-lukashenko") { relationsConnection(last: 4, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { id } } } }', { before })).entity.relationsConnection;
      backward.unshift(...page.nodes.map((n: any) => n.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect(backward).toEqual(forward);
  });

  it('pages the top-level relations backwards with last alone, the default first giving way', async () => {
    const all = (await ok('{ relations(first: 500) { nodes { id } } }')).relations.nodes.map((n: any) => n.id);
    const tail = await ok('{ relations(last: 5) { pageInfo { hasNextPage hasPreviousPage } nodes { id } } }');
    expect(tail.relations.nodes.map((n: any) => n.id)).toEqual(all.slice(-5));
    expect(tail.relations.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it('takes the cursors of a plain page on an ordered one and back, and any edge\'s cursor as after', async () => {
    const all = (await ok('{ relations(first: 500) { nodes { id } } }')).relations.nodes.map((n: any) => n.id);
    const plain = (await ok('{ relations(first: 4) { edges { cursor } pageInfo { endCursor } } }')).relations;
    const ordered = (await ok('query($a: String) { relations(first: 3, after: $a, orderBy: { field: ID }) { nodes { id } } }', { a: plain.pageInfo.endCursor })).relations;
    expect(ordered.nodes.map((n: any) => n.id)).toEqual(all.slice(4, 7));
    const fromMiddle = (await ok('query($a: String) { relations(first: 2, after: $a) { nodes { id } } }', { a: plain.edges[1].cursor })).relations;
    expect(fromMiddle.nodes.map((n: any) => n.id)).toEqual(all.slice(2, 4));
    const back = (await ok('query($b: String) { relations(last: 2, before: $b) { nodes { id } } }', { b: plain.pageInfo.endCursor })).relations;
    expect(back.nodes.map((n: any) => n.id)).toEqual(all.slice(1, 3));
  });

  it('pages mentionedIn and an article\'s entities as connections, keeping the list fields', async () => {
    const data = await ok(`{ entity(id: "ihar-losik") { mentionedIn { id } mentionedInConnection(first: 2) { totalCount pageInfo { hasNextPage } nodes { id } } }
      article(id: "004_db2554f03e592df2") { entities { id } entitiesConnection(first: 5) { totalCount nodes { id } } } }`);
    expect(data.entity.mentionedInConnection.totalCount).toBe(data.entity.mentionedIn.length);
    expect(data.entity.mentionedInConnection.nodes.map((n: any) => n.id)).toEqual(data.entity.mentionedIn.slice(0, 2).map((n: any) => n.id));
    expect(data.article.entitiesConnection.totalCount).toBe(data.article.entities.length);
    expect(data.article.entitiesConnection.nodes).toEqual(data.article.entities.slice(0, 5));
  });

  it('refuses an unknown relation type with BAD_USER_INPUT naming the known types', async () => {
    await refused('{ relations(types: ["NOPE"]) { totalCount } }', 'BAD_USER_INPUT', /Unknown relation type in "types": NOPE\. Known types: .*RELEASED_BY/);
    await refused('{ entity(id: "ihar-losik") { relations(types: ["NOPE"]) { id } } }', 'BAD_USER_INPUT', /NOPE.*Known types/);
    await refused('{ graph(types: ["NOPE"]) { truncated } }', 'BAD_USER_INPUT', /NOPE/);
    await refused('{ relations(where: { types: ["NOPE"] }) { totalCount } }', 'BAD_USER_INPUT', /where\.types/);
  });

  it('filters relations by endpoint, type, the other end\'s kind, dates, article and certainty, and orders them', async () => {
    const all = (await ok('{ relations(first: 500) { nodes { id type date from { id kind } to { id kind } certainty evidence { article { id } } } } }')).relations.nodes;
    const check = async (where: string, expected: (r: any) => boolean, orderBy = '') => {
      const got = (await ok(`{ relations(first: 500, where: ${where} ${orderBy}) { totalCount nodes { id date } } }`)).relations;
      const want = all.filter(expected);
      expect(want.length).toBeGreaterThan(0);
      expect(got.totalCount).toBe(want.length);
      expect(new Set(got.nodes.map((n: any) => n.id))).toEqual(new Set(want.map((r: any) => r.id)));
      return got.nodes;
    };
    await check('{ endpoint: "ihar-losik" }', (r) => r.from.id === 'ihar-losik' || r.to.id === 'ihar-losik');
    await check('{ from: "ihar-losik", types: ["RELEASED_IN"] }', (r) => r.from.id === 'ihar-losik' && r.type === 'RELEASED_IN');
    await check('{ kinds: [COUNTRY] }', (r) => r.from.kind === 'COUNTRY' || r.to.kind === 'COUNTRY');
    await check('{ article: "004_db2554f03e592df2" }', (r) => r.evidence.some((e: any) => e.article.id === '004_db2554f03e592df2'));
    await check('{ certainty: [STATED] }', (r) => r.certainty === 'STATED');
    const dated = await check('{ dateFrom: "2025-09", dateTo: "2025-09-30" }', (r) => r.date !== null && r.date.slice(0, 7) === '2025-09', 'orderBy: { field: DATE, direction: DESC }');
    const dates = dated.map((n: any) => n.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters and orders an entity\'s relations by the other end\'s kind', async () => {
    const data = await ok('{ entity(id: "alexander-lukashenko") { id relationsConnection(where: { kinds: [PERSON] }, orderBy: { field: TYPE }) { nodes { type from { id kind } to { id kind } } } } }');
    const nodes = data.entity.relationsConnection.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const r of nodes) expect((r.from.id === 'alexander-lukashenko' ? r.to : r.from).kind).toBe('PERSON');
    expect(nodes.map((r: any) => r.type)).toEqual([...nodes.map((r: any) => r.type)].sort());
  });

  it('filters and orders entities by kind, date, article and relation', async () => {
    const events = (await ok('{ entities(first: 500, where: { kinds: [EVENT], dateFrom: "2025" }, orderBy: { field: DATE }) { nodes { kind date } } }')).entities.nodes;
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e: any) => e.kind === 'EVENT' && e.date >= '2025')).toBe(true);
    expect(events.map((e: any) => e.date)).toEqual([...events.map((e: any) => e.date)].sort());
    const inArticle = (await ok('{ entities(first: 500, where: { article: "004_db2554f03e592df2" }) { nodes { id } } article(id: "004_db2554f03e592df2") { entities { id } } }'));
    expect(new Set(inArticle.entities.nodes.map((n: any) => n.id))).toEqual(new Set(inArticle.article.entities.map((n: any) => n.id)));
    const byDegree = (await ok('{ entities(first: 3, orderBy: { field: DEGREE, direction: DESC }) { nodes { degree } } }')).entities.nodes.map((n: any) => n.degree);
    expect(byDegree).toEqual([...byDegree].sort((a: number, b: number) => b - a));
    const related = (await ok('{ entities(where: { relatedTo: "ihar-losik" }) { nodes { id } } entity(id: "ihar-losik") { relations(first: 500) { from { id } to { id } } } }'));
    const ends = new Set(related.entity.relations.flatMap((r: any) => [r.from.id, r.to.id]).filter((id: string) => id !== 'ihar-losik'));
    expect(new Set(related.entities.nodes.map((n: any) => n.id))).toEqual(ends);
  });

  it('aggregates a filtered set: count and first and last date, for the whole set not the page', async () => {
    const data = await ok('{ relations(first: 1, where: { types: ["RELEASED_IN"] }) { totalCount aggregate { count firstDate lastDate } } all: relations(first: 500, types: ["RELEASED_IN"]) { nodes { date } } plain: relations(first: 1, types: ["RELEASED_IN"]) { aggregate { count firstDate lastDate } } }');
    const dates = data.all.nodes.map((n: any) => n.date).filter(Boolean).sort();
    expect(data.relations.aggregate).toEqual({ count: data.all.nodes.length, firstDate: dates[0], lastDate: dates.at(-1) });
    expect(data.relations.totalCount).toBe(data.all.nodes.length);
    expect(data.plain.aggregate).toEqual(data.relations.aggregate);
  });

  it('gives each relation the strongest certainty of its evidence, and each evidence its own', async () => {
    const { relations } = await ok('{ relations(first: 500) { nodes { certainty evidence { certainty accordingTo { id } } } } }');
    const order = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'];
    for (const r of relations.nodes) {
      const strongest = order[Math.min(...r.evidence.map((e: any) => order.indexOf(e.certainty)))];
      expect(r.certainty).toBe(strongest);
    }
  });

  it('lists the members of a group, and none for other kinds', async () => {
    const data = await ok('{ entities(first: 500, where: { kinds: [GROUP] }) { nodes { id members { id } } } person: entity(id: "ihar-losik") { members { id } } }');
    expect(data.person.members).toEqual([]);
    for (const g of data.entities.nodes) {
      const { relations } = await ok('query($id: ID!) { relations(first: 500, where: { to: $id, types: ["MEMBER_OF"] }) { nodes { from { id } } } }', { id: g.id });
      expect(new Set(g.members.map((m: any) => m.id))).toEqual(new Set(relations.nodes.map((r: any) => r.from.id)));
    }
  });

  it('lists statements by speaker and subject, the same as each speaker\'s Entity.statements, and finds one by node(id:)', async () => {
    const all = (await ok('{ statements(first: 500) { id speaker { id } words about { id } reportedBy { id } evidence { quote certainty } } }')).statements;
    expect(all.length).toBeGreaterThan(0);
    const speaker = all[0].speaker.id;
    const data = await ok('query($s: ID!) { statements(speaker: $s, first: 500) { id speaker { id } } entity(id: $s) { statements { id } } }', { s: speaker });
    expect(data.statements.every((st: any) => st.speaker.id === speaker)).toBe(true);
    expect(data.entity.statements.map((st: any) => st.id)).toEqual(data.statements.map((st: any) => st.id));
    const withSubject = all.find((st: any) => st.about.length > 0);
    if (withSubject) {
      const about = (await ok('query($a: ID!) { statements(about: $a, first: 500) { id about { id } } }', { a: withSubject.about[0].id })).statements;
      expect(about.map((st: any) => st.id)).toContain(withSubject.id);
      expect(about.every((st: any) => st.about.some((e: any) => e.id === withSubject.about[0].id))).toBe(true);
    }
    const node = (await ok('query($id: ID!) { node(id: $id) { __typename ... on Statement { words } } }', { id: all[0].id })).node;
    expect(node).toEqual({ __typename: 'Statement', words: all[0].words });
  });

  it('refuses a malformed date in where with BAD_USER_INPUT saying the format', async () => {
    await refused('{ relations(where: { dateFrom: "September" }) { totalCount } }', 'BAD_USER_INPUT', /YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});
