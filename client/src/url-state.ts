/**
 * The view's state and its round trip through the URL's query string, so a
 * copied link reopens the same view. Pure: no window, no DOM.
 */
import { KINDS, type Kind } from './queries.js';

export type Selection = { type: 'node' | 'edge'; id: string } | null;
/** What the side panel shows. */
export type Tab = 'details' | 'answer' | 'path' | 'table';
export const TABS: readonly Tab[] = ['details', 'answer', 'path', 'table'];
export interface Point { x: number; y: number }
export interface Expansion { id: string; pages: number; types?: string[] }
/** Zoom and pan of the canvas (Cytoscape's own numbers). */
export interface Viewport { zoom: number; pan: Point }
/** What node size shows: connections, or a centrality computed in the page. */
export type SizeBy = 'degree' | 'betweenness' | 'pagerank';
export const SIZE_BY: readonly SizeBy[] = ['degree', 'betweenness', 'pagerank'];

export interface ViewState {
  /** 'all': start from the overview; 'none': only what was added and expanded. */
  scope: 'all' | 'none';
  /** Nodes added one by one (search, focus). */
  added: string[];
  /** Expanded nodes with how many pages of neighbours are shown (1 = the first cap), and the relation types followed (all when absent). */
  expanded: Expansion[];
  /** Nodes the user hid. */
  hidden: string[];
  /** Kinds and relation types filtered out. */
  hiddenKinds: Kind[];
  hiddenTypes: string[];
  /** Inclusive date range of the timeline filter, ISO prefixes (2020, 2025-09). */
  range: { from: string; to: string } | null;
  selection: Selection;
  /** An article open in the panel, with the passage to highlight. */
  article: { id: string; quote: string | null } | null;
  question: string | null;
  path: { from: string; to: string } | null;
  /** The panel's tab. */
  tab: Tab;
  /** Nodes the user moved or pinned, in model coordinates: the layout never moves them. */
  positions: Record<string, Point>;
  /** Zoom and pan; null: fit the drawing. */
  viewport: Viewport | null;
  sizeBy: SizeBy;
}

export const EMPTY_STATE: ViewState = {
  scope: 'all',
  added: [],
  expanded: [],
  hidden: [],
  hiddenKinds: [],
  hiddenTypes: [],
  range: null,
  selection: null,
  article: null,
  question: null,
  path: null,
  tab: 'details',
  positions: {},
  viewport: null,
  sizeBy: 'degree',
};

const MAX_LIST = 500;
const MAX_PAGES = 40;
const MAX_TEXT = 500;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const TYPE = /^[A-Z][A-Z0-9_]*$/;

/** The state as a query string (without "?"); the empty state is "". Keys are stable and short. */
export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.scope === 'none') p.set('scope', 'none');
  if (state.added.length) p.set('add', list(state.added));
  if (state.expanded.length) p.set('expand', list(state.expanded.map((x) => `${x.id}${x.pages > 1 ? `*${x.pages}` : ''}${x.types?.length ? `~${x.types.join('~')}` : ''}`)));
  if (state.hidden.length) p.set('hide', list(state.hidden));
  if (state.hiddenKinds.length) p.set('nokind', state.hiddenKinds.join(','));
  if (state.hiddenTypes.length) p.set('notype', state.hiddenTypes.join(','));
  if (state.range) p.set('dates', `${state.range.from}..${state.range.to}`);
  if (state.selection) p.set('sel', `${state.selection.type === 'node' ? 'n' : 'e'}:${state.selection.id}`);
  if (state.article) {
    p.set('article', state.article.id);
    if (state.article.quote) p.set('quote', state.article.quote);
  }
  if (state.question) p.set('q', state.question);
  if (state.path) p.set('path', list([state.path.from, state.path.to]));
  if (state.tab !== 'details') p.set('tab', state.tab);
  const moved = Object.entries(state.positions).slice(0, MAX_LIST);
  if (moved.length) p.set('pos', list(moved.map(([id, at]) => `${id}@${Math.round(at.x)}@${Math.round(at.y)}`)));
  if (state.sizeBy !== 'degree') p.set('size', state.sizeBy);
  if (state.viewport) p.set('view', `${round(state.viewport.zoom, 4)},${round(state.viewport.pan.x, 1)},${round(state.viewport.pan.y, 1)}`);
  return p.toString();
}

/** Reads a query string (with or without "?"); anything malformed is dropped, never thrown. */
export function decodeState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: ViewState = { ...EMPTY_STATE };
  if (p.get('scope') === 'none') state.scope = 'none';
  state.added = unlist(p.get('add'));
  state.expanded = unlist(p.get('expand'))
    .map((item): Expansion => {
      const m = /^(.*?)(?:\*(\d+))?(?:~([A-Z][A-Z0-9_~]*))?$/.exec(item)!;
      const types = m[3]?.split('~').filter((t) => TYPE.test(t));
      return { id: m[1]!, pages: m[2] ? clamp(Number(m[2]), 1, MAX_PAGES) : 1, ...(types?.length ? { types } : {}) };
    })
    .filter((x) => x.id);
  state.hidden = unlist(p.get('hide'));
  state.hiddenKinds = (p.get('nokind') ?? '').split(',').filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  state.hiddenTypes = (p.get('notype') ?? '').split(',').filter((t) => TYPE.test(t)).slice(0, MAX_LIST);
  const dates = /^([\d-]+)\.\.([\d-]+)$/.exec(p.get('dates') ?? '');
  if (dates && DATE.test(dates[1]!) && DATE.test(dates[2]!)) state.range = { from: dates[1]!, to: dates[2]! };
  const sel = /^([ne]):(.+)$/.exec(p.get('sel') ?? '');
  if (sel) state.selection = { type: sel[1] === 'n' ? 'node' : 'edge', id: sel[2]! };
  const article = p.get('article');
  if (article) state.article = { id: article, quote: text(p.get('quote')) };
  state.question = text(p.get('q'));
  const path = unlist(p.get('path'));
  if (path.length === 2) state.path = { from: path[0]!, to: path[1]! };
  const tab = p.get('tab');
  if ((TABS as readonly string[]).includes(tab ?? '')) state.tab = tab as Tab;
  state.positions = {};
  for (const item of unlist(p.get('pos'))) {
    const m = /^(.+)@(-?\d+(?:\.\d+)?)@(-?\d+(?:\.\d+)?)$/.exec(item);
    if (m && Math.abs(Number(m[2])) < 1e7 && Math.abs(Number(m[3])) < 1e7) state.positions[m[1]!] = { x: Number(m[2]), y: Number(m[3]) };
  }
  const sizeBy = p.get('size');
  if ((SIZE_BY as readonly string[]).includes(sizeBy ?? '')) state.sizeBy = sizeBy as SizeBy;
  const view = (p.get('view') ?? '').split(',').map(Number);
  if (view.length === 3 && view.every(Number.isFinite) && view[0]! > 0 && view[0]! <= 100) state.viewport = { zoom: view[0]!, pan: { x: view[1]!, y: view[2]! } };
  return state;
}

/** Ids joined by commas; a comma inside an id is escaped so the list splits back exactly. */
function list(ids: readonly string[]): string {
  return ids.slice(0, MAX_LIST).map((id) => id.replace(/%/g, '%25').replace(/,/g, '%2C')).join(',');
}

function unlist(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const piece of value.split(',').slice(0, MAX_LIST)) {
    let id: string;
    try {
      id = decodeURIComponent(piece);
    } catch {
      continue;
    }
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

function text(value: string | null): string | null {
  const t = value?.trim();
  return t ? t.slice(0, MAX_TEXT) : null;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min;
}
