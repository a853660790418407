/** Subgraph.layout: the overview laid out on the server, over the real server and a real database. */
import { layoutOf, warmOverviewLayouts } from '../../server/graphql/layout.js';
import { COMMON_CANVASES, OVERVIEW_LIMIT } from '../../server/layout/readable.js';
import { seededServer, seededStore } from '../support/graph.js';

const OVERVIEW = `query($w: Int!, $h: Int!) { graph(limit: 2000) { nodes { id degree } layout(width: $w, height: $h) { labelScale positions { id x y } } } }`;

describe('Subgraph.layout on the seeded story', () => {
  let server: Awaited<ReturnType<typeof seededServer>>;
  beforeAll(async () => {
    server = await seededServer();
  });
  afterAll(() => server.cleanup());

  it('places every node of the overview once, nodes apart, the same on every request', async () => {
    const first = await server.gql(OVERVIEW, { w: 1000, h: 700 });
    expect(first.body.errors).toBeUndefined();
    const { nodes, layout } = first.body.data.graph;
    expect(layout.positions.map((p: { id: string }) => p.id).sort()).toEqual(nodes.map((n: { id: string }) => n.id).sort());
    expect(layout.labelScale).toBeGreaterThanOrEqual(1);
    expect(layout.labelScale).toBeLessThanOrEqual(6);
    // No node's body deep in another's: centres at least 85% of the two radii apart (the page's sizes, 30 + 10 sqrt(degree)).
    // fcose leaves a few pixels of overlap here and there, as it does in the page.
    const radius = new Map<string, number>(nodes.map((n: { id: string; degree: number }) => [n.id, (30 + 10 * Math.sqrt(n.degree)) / 2]));
    const at = layout.positions as { id: string; x: number; y: number }[];
    let touching = 0;
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        if (Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y) < 0.85 * (radius.get(at[i]!.id)! + radius.get(at[j]!.id)!)) touching++;
      }
    }
    expect(touching).toBe(0);
    const again = await server.gql(OVERVIEW, { w: 1000, h: 700 });
    expect(again.body.data.graph.layout).toEqual(layout);
  });

  it('fits the label scale to the canvas: a phone-sized canvas gets bigger labels in layout units', async () => {
    const desk = (await server.gql(OVERVIEW, { w: 1600, h: 900 })).body.data.graph.layout;
    const phone = (await server.gql(OVERVIEW, { w: 390, h: 500 })).body.data.graph.layout;
    expect(phone.labelScale).toBeGreaterThan(desk.labelScale);
  });

  it('lays out any subgraph, a neighbourhood too', async () => {
    const { body } = await server.gql('{ neighbourhood(id: "ihar-losik", depth: 1) { nodes { id } layout(width: 800, height: 600) { positions { id } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.neighbourhood.layout.positions).toHaveLength(body.data.neighbourhood.nodes.length);
  });

  it('says what was wrong with a canvas size, and how to give one', async () => {
    const { body } = await server.gql(OVERVIEW, { w: 10, h: 700 });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/width must be a whole number of CSS pixels from 100 to 10000.*got 10/);
  });
});

describe('the overview laid out ahead of its first reader', () => {
  it('leaves the common canvases\' layouts ready: a request that waits for nothing gets one', async () => {
    const seeded = await seededStore();
    try {
      const g = await seeded.store.graph({ limit: OVERVIEW_LIMIT });
      // Another story's subgraph: nothing cached for it before the warm-up.
      const fewer = { ...g, nodes: g.nodes.slice(0, 40) };
      expect(await layoutOf(fewer, COMMON_CANVASES[0]!.width, COMMON_CANVASES[0]!.height, { waitMs: 0 })).toBeNull();
      await warmOverviewLayouts(seeded.store);
      for (const c of COMMON_CANVASES) expect((await layoutOf(g, c.width, c.height, { waitMs: 0 }))?.positions).toHaveLength(g.nodes.length);
    } finally {
      await seeded.cleanup();
    }
  });
});

