/** Every query of the public contract, over the real server and a real embedded database. */
import { seededServer } from '../support/graph.js';

describe('the GraphQL API on the seeded story', () => {
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

  it('entity: every field of the contract, with evidence and the articles that mention it', async () => {
    const { entity } = await ok(`{ entity(id: "ihar-losik") {
      id kind name aliases summary date degree
      evidence { quote article { id title } }
      relations(direction: OUT, first: 5) { id type label from { id } to { id name } date evidence { quote } }
      mentionedIn { id title }
      claims { measure value qualifier evidence { quote } }
    } }`);
    expect(entity).toMatchObject({ id: 'ihar-losik', kind: 'PERSON', name: 'Ihar Losik' });
    expect(entity.aliases).toContain('Igor Losik');
    expect(entity.degree).toBeGreaterThan(2);
    expect(entity.evidence[0].article.id).toMatch(/^00\d_/);
    expect(entity.relations.length).toBeGreaterThan(0);
    for (const r of entity.relations) expect(r.from.id).toBe('ihar-losik');
    expect(entity.mentionedIn.map((a: any) => a.id)).toEqual(expect.arrayContaining(['000_ce575159250a277d', '002_7124cf9f911f637b', '004_db2554f03e592df2']));
  });

  it('entity: an unknown id gives null, not an error', async () => {
    expect((await ok('{ entity(id: "no-such-person") { id } }')).entity).toBeNull();
  });

  it('search: aliases, diacritics and typos, best match first, filtered by kind', async () => {
    const data = await ok(`{
      a: search(text: "Tikhanovskaya") { id }
      b: search(text: "nauseda", kinds: [PERSON]) { id kind }
      c: search(text: "Lukashenka", first: 1) { id }
      d: search(text: "Statkevic") { id }
      e: search(text: "Belarus", kinds: [COUNTRY]) { id kind }
    }`);
    expect(data.a[0].id).toBe('sviatlana-tsikhanouskaya');
    expect(data.b[0]).toEqual({ id: 'gitanas-nauseda', kind: 'PERSON' });
    expect(data.c).toEqual([{ id: 'alexander-lukashenko' }]);
    expect(data.d[0].id).toBe('mikalai-statkevich');
    expect(data.e.every((e: any) => e.kind === 'COUNTRY')).toBe(true);
  });

  it('entities: a cursor connection with a cheap totalCount, filtered by kind', async () => {
    const first = await ok('{ entities(kind: PERSON, first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind } } } }');
    const conn = first.entities;
    expect(conn.edges).toHaveLength(10);
    expect(conn.totalCount).toBeGreaterThan(10);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(conn.edges[9].cursor).toBe(conn.pageInfo.endCursor);
    const next = await ok('query($after: String) { entities(kind: PERSON, first: 500, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }', { after: conn.pageInfo.endCursor });
    expect(next.entities.edges.length + 10).toBe(conn.totalCount);
    expect(next.entities.pageInfo.hasNextPage).toBe(false);
  });

  it('relations: paging through all of them returns each exactly once', async () => {
    const { stats } = await ok('{ stats { relations } }');
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await ok('query($after: String) { relations(first: 23, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id type from { id } to { id } } } } }', { after });
      expect(data.relations.totalCount).toBe(stats.relations);
      for (const { node } of data.relations.edges) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
      }
      after = data.relations.pageInfo.hasNextPage ? data.relations.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen.size).toBe(stats.relations);
    expect(pages).toBe(Math.ceil(stats.relations / 23));
  });

  it('relations: filtered by type, with the count of that type', async () => {
    const data = await ok('{ relations(types: ["SPOUSE_OF", "BROKERED_BY"]) { totalCount edges { node { type } } } }');
    expect(data.relations.totalCount).toBe(data.relations.edges.length);
    expect(new Set(data.relations.edges.map((e: any) => e.node.type))).toEqual(new Set(['SPOUSE_OF', 'BROKERED_BY']));
  });

  it('graph: the overview holds every entity and the relations among them', async () => {
    const data = await ok('{ stats { entities relations } graph { truncated nodes { id } edges { id from { id } to { id } } } }');
    expect(data.graph.nodes).toHaveLength(data.stats.entities);
    expect(data.graph.edges).toHaveLength(data.stats.relations);
    expect(data.graph.truncated).toBe(false);
    const small = await ok('{ graph(kinds: [COUNTRY], limit: 3) { truncated nodes { kind } } }');
    expect(small.graph.nodes).toHaveLength(3);
    expect(small.graph.truncated).toBe(true);
  });

  it('neighbourhood: depth, kind and type filters, and a limit that says it truncated', async () => {
    const one = await ok('{ neighbourhood(id: "john-coale") { truncated nodes { id } edges { from { id } to { id } } } }');
    const ids = one.neighbourhood.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe('john-coale');
    expect(ids).toContain('us-delegation');
    const two = await ok('{ neighbourhood(id: "john-coale", depth: 2) { nodes { id } } }');
    expect(two.neighbourhood.nodes.length).toBeGreaterThan(ids.length);
    const people = await ok('{ neighbourhood(id: "john-coale", depth: 2, kinds: [PERSON]) { nodes { kind } } }');
    expect(people.neighbourhood.nodes.every((n: any) => n.kind === 'PERSON')).toBe(true);
    const typed = await ok('{ neighbourhood(id: "sviatlana-tsikhanouskaya", types: ["SPOUSE_OF"]) { nodes { id } edges { type } } }');
    expect(typed.neighbourhood.nodes.map((n: any) => n.id).sort()).toEqual(['siarhei-tsikhanouski', 'sviatlana-tsikhanouskaya']);
    const capped = await ok('{ neighbourhood(id: "alexander-lukashenko", depth: 2, limit: 4) { truncated nodes { id } } }');
    expect(capped.neighbourhood.nodes).toHaveLength(4);
    expect(capped.neighbourhood.truncated).toBe(true);
    const unknown = await server.gql('{ neighbourhood(id: "nobody") { nodes { id } edges { id } } }');
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.body.errors[0].message).toMatch(/No entity "nobody"/);
  });

  it('shortestPath: the path as a subgraph, null when none is short enough, NOT_FOUND when an end is unknown', async () => {
    const data = await ok('{ shortestPath(from: "donald-trump", to: "ihar-losik") { nodes { id } edges { type evidence { quote } } } }');
    const path = data.shortestPath;
    expect(path.nodes[0].id).toBe('donald-trump');
    expect(path.nodes[path.nodes.length - 1].id).toBe('ihar-losik');
    expect(path.edges).toHaveLength(path.nodes.length - 1);
    expect((await ok('{ shortestPath(from: "donald-trump", to: "ihar-losik", maxLength: 1) { nodes { id } } }')).shortestPath).toBeNull();
    // An unknown end is told apart from "no path": NOT_FOUND naming it.
    const unknown = await server.gql('{ shortestPath(from: "donald-trump", to: "nobody") { nodes { id } } }');
    expect(unknown.body.data.shortestPath).toBeNull();
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.body.errors[0].message).toMatch(/"nobody"/);
  });

  it('ask: answers in plain English with rows, quotes, a subgraph and how it read the question', async () => {
    const { ask } = await ok(`{ ask(question: "Who brokered the release?") {
      question understood text
      rows { subject { id } relation object { id } evidence { quote article { id } } }
      subgraph { nodes { id } edges { id } } suggestions
      interpretation { intent relationTypes entities { matched entity { id } } }
    } }`);
    expect(ask.question).toBe('Who brokered the release?');
    expect(ask.understood).toBe(true);
    expect(ask.text).toMatch(/United States/);
    expect(ask.rows.map((r: any) => r.object?.id)).toContain('united-states');
    expect(ask.rows[0].evidence[0].article.id).toMatch(/^00\d_/);
    expect(ask.subgraph.nodes.map((n: any) => n.id)).toContain('united-states');
    expect(ask.interpretation.relationTypes).toContain('BROKERED_BY');
    const refused = (await ok('{ ask(question: "zzqx blorp?") { understood text suggestions } }')).ask;
    expect(refused.understood).toBe(false);
    expect(refused.suggestions.length).toBeGreaterThan(0);
  });

  it('timeline: events only, oldest first', async () => {
    const { timeline } = await ok('{ timeline { id kind date } }');
    expect(timeline.length).toBeGreaterThan(10);
    expect(timeline.every((e: any) => e.kind === 'EVENT')).toBe(true);
    const dates = timeline.map((e: any) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('articles and article: title, full text, and the entities mentioned', async () => {
    const { articles } = await ok('{ articles { id title text } }');
    expect(articles).toHaveLength(5);
    expect(articles[0].text).toMatch(/Tsikhanouskaya/);
    const { article } = await ok('{ article(id: "004_db2554f03e592df2") { id title entities { id } } }');
    expect(article.entities.map((e: any) => e.id)).toEqual(expect.arrayContaining(['john-coale', 'belavia', 'kaja-kallas']));
    expect((await ok('{ article(id: "nope") { id } }')).article).toBeNull();
  });

  it('relationTypes, relationTypeInfo and stats agree with each other', async () => {
    const data = await ok('{ relationTypes relationTypeInfo { type label description count } stats { entities relations articles byKind { kind count } byRelationType { type count } } }');
    expect(data.relationTypes).toEqual(expect.arrayContaining(['RELEASED_BY', 'BROKERED_BY', 'SPOUSE_OF', 'CROSSED_INTO', 'NEGOTIATED']));
    expect(data.relationTypeInfo.map((t: any) => t.type).sort()).toEqual([...data.relationTypes].sort());
    expect(data.relationTypeInfo.find((t: any) => t.type === 'SPOUSE_OF')).toMatchObject({ label: 'spouse of', count: 1 });
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    expect(sum(data.stats.byKind)).toBe(data.stats.entities);
    expect(sum(data.stats.byRelationType)).toBe(data.stats.relations);
    expect(data.stats.articles).toBe(5);
  });

  it('relation: one by id, with both ends', async () => {
    const { relations } = await ok('{ relations(types: ["SPOUSE_OF"]) { edges { node { id } } } }');
    const id = relations.edges[0].node.id;
    const { relation } = await ok('query($id: ID!) { relation(id: $id) { type from { name } to { name } evidence { quote article { title } } } }', { id });
    expect(relation.type).toBe('SPOUSE_OF');
    expect(relation.evidence[0].article.title.length).toBeGreaterThan(5);
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', engine: server.store.engine });
  });

  it('serves GraphiQL with the example queries to a browser', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/GraphiQL/);
    for (const op of ['query Search', 'query Neighbourhood', 'query ShortestPath', 'query Ask']) expect(html).toContain(op);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
  });
});
