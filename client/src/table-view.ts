/**
 * The table beside the graph (and its text alternative): the entities and
 * relations of the current view, sortable and filterable, each relation with
 * its quotes and sources. Choosing a row selects it in the graph.
 */
import { h } from './dom.js';
import { certaintyWords } from './evidence.js';
import type { Evidence, ExplorerApi, Subgraph } from './queries.js';
import type { SourceCache } from './source-cache.js';
import { kindLook } from './style.js';
import type { Selection, ViewState } from './url-state.js';
import { filterRows, sortRows, type SortKey } from './table-rows.js';

export interface TableDeps {
  select: (selection: NonNullable<Selection>) => void;
  cache: SourceCache;
  api: ExplorerApi;
}

/** Sort and filter survive redraws of the panel. */
const view = { text: '', entitySort: { key: 'degree', descending: true } as SortKey, relationSort: { key: 'from', descending: false } as SortKey };

export function tableView(scene: Pick<Subgraph, 'nodes' | 'edges'>, state: ViewState, d: TableDeps): HTMLElement {
  const root = h('div', { class: 'table-view' });
  const names = new Map(scene.nodes.map((n) => [n.id, n.name]));
  const draw = () => {
    const quotes = d.cache.peek<Map<string, Evidence[]>>('quotes:all');
    const entities = sortRows(filterRows(scene.nodes.map((n) => ({ id: n.id, name: n.name, kind: kindLook(n.kind).label, degree: n.degree, date: n.date ?? '' })), view.text), view.entitySort);
    const relations = sortRows(
      filterRows(
        scene.edges.map((e) => ({ id: e.id, from: names.get(e.from.id) ?? e.from.id, relation: e.label, to: names.get(e.to.id) ?? e.to.id, date: e.date ?? '', quote: (quotes?.get(e.id) ?? []).map((q) => q.quote).join(' ') })),
        view.text,
      ),
      view.relationSort,
    );
    const header = (label: string, key: string, sort: SortKey, set: (s: SortKey) => void) =>
      h('th', { scope: 'col', 'aria-sort': sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none' }, h('button', { type: 'button', class: 'sort', 'data-focus': `sort-${label}`, onclick: () => (set({ key, descending: sort.key === key ? !sort.descending : key === 'degree' }), draw()) }, label, sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''));
    root.replaceChildren(
      h('h2', { id: 'details-title', tabindex: '-1' }, 'The view as a table'),
      h('label', { class: 'table-filter' }, 'Filter ', h('input', { type: 'search', id: 'table-filter', value: view.text, placeholder: 'name, relation, words of a quote', oninput: (ev: Event) => ((view.text = (ev.target as HTMLInputElement).value), redrawKeepingFocus()) })),
      h(
        'table',
        { class: 'rows-table', id: 'entity-table' },
        h('caption', {}, `Entities (${entities.length})`),
        h('thead', {}, h('tr', {}, header('Name', 'name', view.entitySort, (s) => (view.entitySort = s)), header('Kind', 'kind', view.entitySort, (s) => (view.entitySort = s)), header('Relations', 'degree', view.entitySort, (s) => (view.entitySort = s)), header('Date', 'date', view.entitySort, (s) => (view.entitySort = s)))),
        h('tbody', {}, entities.map((r) => h('tr', { class: state.selection?.id === r.id ? 'chosen' : null, 'data-id': r.id }, h('th', { scope: 'row' }, h('button', { type: 'button', class: 'entity-link', onclick: () => d.select({ type: 'node', id: r.id }) }, r.name)), h('td', {}, r.kind), h('td', { class: 'num' }, r.degree), h('td', {}, r.date)))),
      ),
      h(
        'table',
        { class: 'rows-table', id: 'relation-table' },
        h('caption', {}, `Relations (${relations.length})`),
        h('thead', {}, h('tr', {}, header('From', 'from', view.relationSort, (s) => (view.relationSort = s)), header('Relation', 'relation', view.relationSort, (s) => (view.relationSort = s)), header('To', 'to', view.relationSort, (s) => (view.relationSort = s)), h('th', { scope: 'col' }, 'Quotes and sources'))),
        h(
          'tbody',
          {},
          relations.map((r) =>
            h(
              'tr',
              { class: state.selection?.id === r.id ? 'chosen' : null, 'data-id': r.id },
              h('td', {}, r.from),
              h('th', { scope: 'row' }, h('button', { type: 'button', class: 'entity-link', onclick: () => d.select({ type: 'edge', id: r.id }) }, r.relation)),
              h('td', {}, r.to),
              h('td', { class: 'quotes' }, quotes ? (quotes.get(r.id) ?? []).map((q) => h('p', {}, h('q', {}, q.quote), h('span', { class: 'muted' }, ` ${[certaintyWords(q.certainty, q.accordingTo?.name), q.article.source ?? q.article.title].filter(Boolean).join(' · ')}`))) : h('span', { class: 'muted loading' }, 'Loading…')),
            ),
          ),
        ),
      ),
    );
  };
  const redrawKeepingFocus = () => {
    const at = (document.activeElement as HTMLInputElement | null)?.selectionStart ?? null;
    draw();
    const input = root.querySelector<HTMLInputElement>('#table-filter');
    input?.focus();
    if (input && at !== null) input.setSelectionRange(at, at);
  };
  draw();
  if (!d.cache.has('quotes:all')) void d.cache.get('quotes:all', () => d.api.relationQuotes()).then(draw, () => undefined);
  return root;
}


