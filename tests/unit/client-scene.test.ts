/** What the canvas shows and what the filters hide (client/src/scene.ts, filters.ts). */
import { dateBounds, hiddenByFilters, inRange } from '../../client/src/filters.js';
import { placeLabels } from '../../client/src/label-culling.js';
import type { EntityNode, RelationEdge, Subgraph } from '../../client/src/queries.js';
import { renderPlan, WEBGL_THRESHOLD } from '../../client/src/scale.js';
import { composeScene, leavesOf, neighboursOf, type SceneSources } from '../../client/src/scene.js';
import { EMPTY_STATE, type ViewState } from '../../client/src/url-state.js';

const node = (id: string, over: Partial<EntityNode> = {}): EntityNode => ({ id, kind: 'PERSON', name: id, aliases: [], degree: 1, date: null, ...over });
const edge = (from: string, to: string, over: Partial<RelationEdge> = {}): RelationEdge => ({ id: `${from}-${to}`, type: 'MET', label: 'met', date: null, from: { id: from }, to: { id: to }, evidence: [], ...over });
const g = (nodes: EntityNode[], edges: RelationEdge[]): Subgraph => ({ nodes, edges, truncated: false });

const hub = node('hub', { degree: 4 });
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id, i) => node(id, { degree: 4 - i }));
const star = g([hub, a!, b!, c!, d!], [edge('hub', 'a'), edge('b', 'hub'), edge('hub', 'c'), edge('hub', 'd'), edge('a', 'b')]);
const none: SceneSources = { overview: null, neighbourhoods: new Map(), added: new Map(), path: null, answer: null };
const state = (over: Partial<ViewState>): ViewState => ({ ...EMPTY_STATE, ...over });
const ids = (s: { nodes: { id: string }[] }) => s.nodes.map((n) => n.id).sort();

describe('composeScene', () => {
  it('opens on the overview, less the hidden nodes and their edges', () => {
    const scene = composeScene(state({ hidden: ['a'] }), { ...none, overview: star });
    expect(ids(scene.subgraph)).toEqual(['b', 'c', 'd', 'hub']);
    expect(scene.subgraph.edges.map((e) => e.id)).not.toContain('a-b');
  });

  it('with an empty scope shows only added nodes and expanded neighbourhoods, capped', () => {
    const sources = { ...none, neighbourhoods: new Map([['hub', star]]) };
    const capped = composeScene(state({ scope: 'none', expanded: [{ id: 'hub', pages: 1 }] }), sources, 2);
    expect(ids(capped.subgraph)).toEqual(['a', 'b', 'hub']);
    expect(capped.more.get('hub')).toBe(2);
    const more = composeScene(state({ scope: 'none', expanded: [{ id: 'hub', pages: 2 }] }), sources, 2);
    expect(ids(more.subgraph)).toEqual(['a', 'b', 'c', 'd', 'hub']);
    expect(more.more.has('hub')).toBe(false);
  });

  it('marks a neighbourhood cut at the fetch limit, so the page can say the rest lies beyond it', () => {
    const whole = composeScene(state({ scope: 'none', expanded: [{ id: 'hub', pages: 1 }] }), { ...none, neighbourhoods: new Map([['hub', star]]) }, 2);
    expect(whole.cut.has('hub')).toBe(false);
    const cut = composeScene(state({ scope: 'none', expanded: [{ id: 'hub', pages: 2 }] }), { ...none, neighbourhoods: new Map([['hub', { ...star, truncated: true }]]) }, 2);
    expect(cut.cut.has('hub')).toBe(true);
    expect(cut.more.has('hub')).toBe(false); // every fetched neighbour is shown, and still there are more
  });

  it('brings added nodes in with their relations to what is already shown', () => {
    const sources = { ...none, overview: g([a!], []), added: new Map([['b', g([b!], [edge('a', 'b'), edge('b', 'zz')])]]) };
    const scene = composeScene(state({ added: ['b'] }), sources);
    expect(ids(scene.subgraph)).toEqual(['a', 'b']);
    expect(scene.subgraph.edges.map((e) => e.id)).toEqual(['a-b']);
  });

  it('always shows the path and the answer, even through hidden nodes', () => {
    const path = g([a!, b!], [edge('a', 'b')]);
    const scene = composeScene(state({ scope: 'none', hidden: ['a'] }), { ...none, path });
    expect(ids(scene.subgraph)).toEqual(['a', 'b']);
  });
});

describe('neighboursOf and leavesOf', () => {
  it('lists neighbours best connected first', () => {
    expect(neighboursOf('hub', star).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds the nodes hanging only from a node', () => {
    expect(leavesOf('hub', star).sort()).toEqual(['c', 'd']);
    expect(leavesOf('a', star)).toEqual([]);
  });
});

describe('filters', () => {
  const events = g(
    [node('e2010', { kind: 'EVENT', date: '2010' }), node('e2025', { kind: 'EVENT', date: '2025-09-11' }), node('p'), node('q'), node('place', { kind: 'PLACE' })],
    [edge('p', 'e2010'), edge('q', 'e2025'), edge('p', 'q', { type: 'SAID' }), edge('q', 'place', { date: '2025-09' })],
  );

  it('reads partial dates as the span they may mean', () => {
    expect(dateBounds('2020')).toEqual(['2020-01-01', '2020-12-31']);
    expect(dateBounds('2020-09')).toEqual(['2020-09-01', '2020-09-31']);
    expect(inRange('2020', { from: '2020-06', to: '2021' })).toBe(true);
    expect(inRange('2019-12-31', { from: '2020', to: '2021' })).toBe(false);
    expect(inRange(null, { from: '2020', to: '2021' })).toBe(true);
  });

  it('hides kinds, relation types, and the edges of hidden nodes', () => {
    const hidden = hiddenByFilters(events, { hiddenKinds: ['PLACE'], hiddenTypes: ['SAID'], range: null });
    expect([...hidden].sort()).toEqual(['p-q', 'place', 'q-place']);
  });

  it('with a date range hides events outside it, and entities left with nothing visible', () => {
    const hidden = hiddenByFilters(events, { hiddenKinds: [], hiddenTypes: ['SAID'], range: { from: '2025', to: '2025' } });
    expect([...hidden].sort()).toEqual(['e2010', 'p', 'p-e2010', 'p-q']);
  });
});

describe('placeLabels', () => {
  const box = (id: string, priority: number, x: number, y: number, w = 10, h = 4) => ({ id, priority, x1: x, y1: y, x2: x + w, y2: y + h });

  it('shows the more important of two overlapping labels', () => {
    expect([...placeLabels([box('small', 1, 0, 0), box('hub', 9, 5, 1), box('far', 0, 100, 100)])].sort()).toEqual(['far', 'hub']);
  });

  it('keeps a label off the body of a more important node, but not off its own', () => {
    const bodies = [{ id: 'hub', x1: 0, y1: 0, x2: 10, y2: 10 }, { id: 'leaf', x1: 0, y1: 12, x2: 4, y2: 14 }];
    const shown = placeLabels([box('hub', 9, 0, 9, 10, 2), box('leaf', 1, -2, 4, 6, 4)], bodies, 0);
    expect([...shown]).toEqual(['hub']);
  });
});

describe('renderPlan', () => {
  it('uses the readable force layout on canvas for story-sized graphs', () => {
    expect(renderPlan(255)).toMatchObject({ webgl: false, layout: { name: 'fcose', quality: 'default', nodeDimensionsIncludeLabels: true } });
  });

  it('switches to WebGL and a cheap layout above a few thousand elements', () => {
    expect(renderPlan(WEBGL_THRESHOLD + 1)).toMatchObject({ webgl: true, layout: { name: 'fcose', quality: 'draft' } });
    expect(renderPlan(50_000)).toMatchObject({ webgl: true, layout: { name: 'grid' } });
  });

  it('stays on canvas, panning a snapshot, when WebGL would only be software', () => {
    expect(renderPlan(WEBGL_THRESHOLD + 1, { webglAvailable: false })).toMatchObject({ webgl: false, textureOnViewport: true, layout: { quality: 'draft' } });
    expect(renderPlan(100, { webglAvailable: false })).toMatchObject({ webgl: false, textureOnViewport: false });
  });
});
