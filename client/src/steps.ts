/**
 * Every exploring step as a pure producer, `(state, args) => state`, in the
 * manner of Gephi Lite's core producers: no fetching, no DOM, tested in Node.
 * The controller fetches what a step needs first and passes it in.
 */
import type { Kind, Subgraph } from './queries.js';
import { composeScene, EXPAND_CAP, leavesOf, neighboursOf, type SceneSources } from './scene.js';
import type { Point, Selection, Tab, ViewState, Viewport } from './url-state.js';

/** Selecting closes the article and shows the details. */
export function select(state: ViewState, selection: Selection): ViewState {
  return { ...state, selection, article: null, tab: 'details' };
}

/**
 * Brings an entity in (search, timeline, panel links): unhides it, adds it
 * when the scene lacks it, selects it.
 */
export function choose(state: ViewState, id: string, onScene: boolean): ViewState {
  return {
    ...state,
    hidden: state.hidden.filter((h) => h !== id),
    added: onScene || state.added.includes(id) ? state.added : [...state.added, id],
    selection: { type: 'node', id },
    article: null,
    tab: 'details',
  };
}

/** The neighbours one more page of `id` shows, given its neighbourhood. */
function shownNeighbours(id: string, g: Pick<Subgraph, 'nodes' | 'edges'>, pages: number, cap: number, types?: readonly string[]): Set<string> {
  return new Set(neighboursOf(id, g, types).slice(0, cap * pages).map((n) => n.id));
}

/** Expands `id` (its first page of neighbours), unhiding them; selects it when nothing is. */
export function expand(state: ViewState, id: string, neighbourhood: Pick<Subgraph, 'nodes' | 'edges'>, cap = EXPAND_CAP): ViewState {
  const existing = state.expanded.find((x) => x.id === id);
  const shown = shownNeighbours(id, neighbourhood, existing?.pages ?? 1, cap);
  return {
    ...state,
    // Expanding in full drops a relation-type restriction.
    expanded: existing ? state.expanded.map((x) => (x.id === id ? { id, pages: x.pages } : x)) : [...state.expanded, { id, pages: 1 }],
    hidden: state.hidden.filter((h) => !shown.has(h) && h !== id),
    selection: state.selection ?? { type: 'node', id },
  };
}

/**
 * Expands `id` along one relation type only (the context menu), up to the
 * cap; a node already expanded in full stays so.
 */
export function expandType(state: ViewState, id: string, type: string, neighbourhood: Pick<Subgraph, 'nodes' | 'edges'>, cap = EXPAND_CAP): ViewState {
  const existing = state.expanded.find((x) => x.id === id);
  if (existing && !existing.types) return state;
  const types = [...new Set([...(existing?.types ?? []), type])];
  const shown = shownNeighbours(id, neighbourhood, existing?.pages ?? 1, cap, types);
  return {
    ...state,
    expanded: existing ? state.expanded.map((x) => (x.id === id ? { ...x, types } : x)) : [...state.expanded, { id, pages: 1, types }],
    hidden: state.hidden.filter((h) => !shown.has(h) && h !== id),
    selection: state.selection ?? { type: 'node', id },
  };
}

/** Expands several nodes at once (bulk expand of a multi-selection). */
export function expandAll(state: ViewState, ids: readonly string[], neighbourhoods: ReadonlyMap<string, Pick<Subgraph, 'nodes' | 'edges'>>, cap = EXPAND_CAP): ViewState {
  return ids.reduce((s, id) => {
    const g = neighbourhoods.get(id);
    return g ? { ...expand(s, id, g, cap), selection: s.selection } : s;
  }, state);
}

/** One more page of neighbours of an expanded node. */
export function showMore(state: ViewState, id: string, neighbourhood: Pick<Subgraph, 'nodes' | 'edges'>, cap = EXPAND_CAP): ViewState {
  const expanded = state.expanded.map((x) => (x.id === id ? { ...x, pages: x.pages + 1 } : x));
  const entry = expanded.find((x) => x.id === id);
  const shown = shownNeighbours(id, neighbourhood, entry?.pages ?? 1, cap, entry?.types);
  return { ...state, expanded, hidden: state.hidden.filter((h) => !shown.has(h)) };
}

/** Folds away what `id` brought in, or what hangs only from it. */
export function collapse(state: ViewState, id: string, sources: SceneSources): ViewState {
  const expanded = state.expanded.filter((x) => x.id !== id);
  const unexpanded = composeScene({ ...state, expanded }, sources);
  const leaves = leavesOf(id, unexpanded.subgraph).filter((n) => n !== id);
  return { ...state, expanded, hidden: [...new Set([...state.hidden, ...leaves])] };
}

/** Hides nodes; a hidden selection is dropped, and so are their pinned positions. */
export function hide(state: ViewState, ids: readonly string[]): ViewState {
  const gone = new Set(ids);
  return {
    ...state,
    hidden: [...new Set([...state.hidden, ...ids])],
    selection: state.selection && gone.has(state.selection.id) ? null : state.selection,
    positions: withoutKeys(state.positions, gone),
  };
}

/** Only this node and its neighbours. */
export function focus(state: ViewState, id: string): ViewState {
  return { ...state, scope: 'none', added: [id], expanded: [{ id, pages: 1 }], hidden: [], selection: { type: 'node', id }, article: null, positions: {}, viewport: null, tab: 'details' };
}

export function overview(state: ViewState): ViewState {
  return { ...state, scope: 'all', added: [], expanded: [], hidden: [], positions: {}, viewport: null };
}

export function clear(state: ViewState): ViewState {
  return { ...state, scope: 'none', added: [], expanded: [], hidden: [], selection: null, article: null, path: null, question: null, positions: {}, viewport: null, tab: 'details' };
}

export function ask(state: ViewState, question: string): ViewState {
  const q = question.trim();
  return q ? { ...state, question: q, tab: 'answer', viewport: null } : state;
}

export function clearAnswer(state: ViewState): ViewState {
  return { ...state, question: null, tab: state.tab === 'answer' ? 'details' : state.tab };
}

export function findPath(state: ViewState, from: string, to: string): ViewState {
  return from === to ? state : { ...state, path: { from, to }, tab: 'path', viewport: null };
}

export function clearPath(state: ViewState): ViewState {
  return { ...state, path: null, tab: state.tab === 'path' ? 'details' : state.tab };
}

export function setKinds(state: ViewState, hiddenKinds: Kind[]): ViewState {
  return { ...state, hiddenKinds };
}

export function setTypes(state: ViewState, hiddenTypes: string[]): ViewState {
  return { ...state, hiddenTypes };
}

export function setRange(state: ViewState, range: ViewState['range']): ViewState {
  return { ...state, range };
}

export function openArticle(state: ViewState, id: string, quote: string | null): ViewState {
  return { ...state, article: { id, quote }, tab: 'details' };
}

export function closeArticle(state: ViewState): ViewState {
  return { ...state, article: null };
}

export function showTab(state: ViewState, tab: Tab): ViewState {
  return { ...state, tab };
}

/** Nodes the user dragged or pinned keep these positions. */
export function move(state: ViewState, moved: Readonly<Record<string, Point>>): ViewState {
  const positions = { ...state.positions };
  for (const [id, at] of Object.entries(moved)) positions[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  return { ...state, positions };
}

/** Lets the layout place these nodes again. */
export function unpin(state: ViewState, ids: readonly string[]): ViewState {
  return { ...state, positions: withoutKeys(state.positions, new Set(ids)) };
}

/** A fresh layout: forget moved positions and the viewport. */
export function relayout(state: ViewState): ViewState {
  return { ...state, positions: {}, viewport: null };
}

export function setViewport(state: ViewState, viewport: Viewport | null): ViewState {
  return { ...state, viewport };
}

/** The tab a state opens on when none was chosen: what the link was about. */
export function defaultTab(state: ViewState): Tab {
  if (state.tab !== 'details') return state.tab;
  return state.selection || state.article ? 'details' : state.question ? 'answer' : state.path ? 'path' : 'details';
}

function withoutKeys<T>(record: Readonly<Record<string, T>>, keys: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.has(k)));
}
