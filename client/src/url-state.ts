/**
 * The view's state and its round trip through the URL's query string, so a
 * copied link reopens the same view. Pure: no window, no DOM.
 */
import { KINDS, type Kind } from './queries.js';

export type Selection = { type: 'node' | 'edge'; id: string } | null;

export interface ViewState {
  /** 'all': start from the overview; 'none': only what was added and expanded. */
  scope: 'all' | 'none';
  /** Nodes added one by one (search, focus). */
  added: string[];
  /** Expanded nodes with how many pages of neighbours are shown (1 = the first cap). */
  expanded: { id: string; pages: number }[];
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
  if (state.expanded.length) p.set('expand', list(state.expanded.map((x) => (x.pages > 1 ? `${x.id}*${x.pages}` : x.id))));
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
  return p.toString();
}

/** Reads a query string (with or without "?"); anything malformed is dropped, never thrown. */
export function decodeState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: ViewState = { ...EMPTY_STATE };
  if (p.get('scope') === 'none') state.scope = 'none';
  state.added = unlist(p.get('add'));
  state.expanded = unlist(p.get('expand')).map((item) => {
    const m = /^(.*)\*(\d+)$/.exec(item);
    return m ? { id: m[1]!, pages: clamp(Number(m[2]), 1, MAX_PAGES) } : { id: item, pages: 1 };
  }).filter((x) => x.id);
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

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min;
}
