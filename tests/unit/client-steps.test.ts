/** Exploring steps as pure producers (client/src/steps.ts) and the one source cache (client/src/source-cache.ts). */
import type { EntityNode, RelationEdge, Subgraph } from '../../client/src/queries.js';
import { createSourceCache } from '../../client/src/source-cache.js';
import * as step from '../../client/src/steps.js';
import { decodeState, encodeState, EMPTY_STATE, type ViewState } from '../../client/src/url-state.js';

const node = (id: string, degree = 1): EntityNode => ({ id, kind: 'PERSON', name: id, aliases: [], degree, date: null });
const edge = (from: string, to: string, type = 'MET'): RelationEdge => ({ id: `${from}-${type}-${to}`, type, label: type.toLowerCase(), date: null, from: { id: from }, to: { id: to }, evidence: [] });
const star: Subgraph = { nodes: [node('hub', 4), node('a', 3), node('b', 2), node('c', 1)], edges: [edge('hub', 'a'), edge('hub', 'b', 'ADVISES'), edge('c', 'hub')], truncated: false };
const state = (over: Partial<ViewState> = {}): ViewState => ({ ...EMPTY_STATE, ...over });

describe('exploring steps', () => {
  it('never change the state they are given', () => {
    const before = state({ hidden: ['a'], positions: { a: { x: 1, y: 2 } } });
    const copy = structuredClone(before);
    step.expand(before, 'hub', star);
    step.hide(before, ['b']);
    step.move(before, { c: { x: 5, y: 5 } });
    step.focus(before, 'a');
    expect(before).toEqual(copy);
  });

  it('expanding unhides the neighbours it brings and selects the node when nothing is selected', () => {
    const next = step.expand(state({ hidden: ['a', 'zz'] }), 'hub', star);
    expect(next.expanded).toEqual([{ id: 'hub', pages: 1 }]);
    expect(next.hidden).toEqual(['zz']);
    expect(next.selection).toEqual({ type: 'node', id: 'hub' });
  });

  it('expanding by one relation type brings only neighbours through it, up to the cap', () => {
    const next = step.expandType(state({ hidden: ['a', 'b'] }), 'hub', 'ADVISES', star);
    expect(next.expanded).toEqual([{ id: 'hub', pages: 1, types: ['ADVISES'] }]);
    expect(next.hidden).toEqual(['a']);
    const full = step.expand(next, 'hub', star);
    expect(full.expanded).toEqual([{ id: 'hub', pages: 1 }]);
  });

  it('bulk expand expands each node of a multi-selection but keeps the selection', () => {
    const next = step.expandAll(state({ selection: { type: 'node', id: 'c' } }), ['hub', 'a'], new Map([['hub', star], ['a', star]]));
    expect(next.expanded.map((x) => x.id)).toEqual(['hub', 'a']);
    expect(next.selection).toEqual({ type: 'node', id: 'c' });
  });

  it('hiding drops the selection and the pinned positions of what it hides', () => {
    const next = step.hide(state({ selection: { type: 'node', id: 'a' }, positions: { a: { x: 1, y: 1 }, b: { x: 2, y: 2 } } }), ['a', 'c']);
    expect(next.hidden).toEqual(['a', 'c']);
    expect(next.selection).toBeNull();
    expect(next.positions).toEqual({ b: { x: 2, y: 2 } });
  });

  it('moving records rounded model positions; re-layout forgets them and the viewport', () => {
    const moved = step.move(state(), { a: { x: 10.4, y: -3.6 } });
    expect(moved.positions).toEqual({ a: { x: 10, y: -4 } });
    const fresh = step.relayout({ ...moved, viewport: { zoom: 2, pan: { x: 1, y: 1 } } });
    expect(fresh.positions).toEqual({});
    expect(fresh.viewport).toBeNull();
  });

  it('asking and finding a path open their tab; clearing them returns to the details', () => {
    const asked = step.ask(state(), '  Who brokered the release?  ');
    expect([asked.question, asked.tab]).toEqual(['Who brokered the release?', 'answer']);
    expect(step.ask(asked, '   ')).toBe(asked);
    expect(step.clearAnswer(asked).tab).toBe('details');
    const path = step.findPath(state(), 'a', 'b');
    expect([path.path, path.tab]).toEqual([{ from: 'a', to: 'b' }, 'path']);
    expect(step.findPath(state(), 'a', 'a').path).toBeNull();
  });

  it('choosing an entity adds it only when the scene lacks it', () => {
    expect(step.choose(state(), 'x', true).added).toEqual([]);
    expect(step.choose(state({ hidden: ['x'] }), 'x', false)).toMatchObject({ added: ['x'], hidden: [], selection: { type: 'node', id: 'x' } });
  });

  it('focus shows one node and its neighbours, laid out afresh', () => {
    expect(step.focus(state({ positions: { a: { x: 1, y: 1 } } }), 'a')).toMatchObject({ scope: 'none', added: ['a'], expanded: [{ id: 'a', pages: 1 }], positions: {}, viewport: null });
  });

  it('every step survives the round trip through the link', () => {
    let s = state();
    s = step.expandType(s, 'hub', 'ADVISES', star);
    s = step.move(s, { hub: { x: 3, y: 4 } });
    s = step.setViewport(s, { zoom: 1.25, pan: { x: 10, y: 20 } });
    s = step.showTab(s, 'table');
    expect(decodeState(encodeState(s))).toEqual(s);
  });
});

describe('the source cache', () => {
  it('loads a key once while it is in flight and after it arrived', async () => {
    const cache = createSourceCache();
    let calls = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await cache.get('k', load)).toBe(1);
    expect(cache.peek('k')).toBe(1);
  });

  it('forgets a failure so the next ask retries', async () => {
    const cache = createSourceCache();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve(2))).toBe(2);
  });

  it('is emptied when the graph reloads, and an answer about the old graph is not kept', async () => {
    const cache = createSourceCache();
    let release: (v: string) => void = () => undefined;
    const old = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('old graph');
    expect(await old).toBe('old graph');
    expect(cache.has('k')).toBe(false);
    expect(await cache.get('k', () => Promise.resolve('new graph'))).toBe('new graph');
  });
});
