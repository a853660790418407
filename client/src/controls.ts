/**
 * The page's controls around the canvas: toolbar, search and path boxes, the
 * question form, filters and legend, timeline, keyboard shortcuts, and the
 * overlays on the canvas (result chip, tooltip, context menu, bulk bar).
 */
import type { Actions } from './actions.js';
import { createCanvasOverlays } from './canvas-overlays.js';
import { byId, h } from './dom.js';
import type { Explorer } from './explorer.js';
import { copyText } from './export.js';
import { createFiltersPanel } from './filters-panel.js';
import type { EntityNode, ExplorerApi } from './queries.js';
import { createSearchBox } from './search-box.js';
import * as step from './steps.js';
import { createTimeline } from './timeline.js';
import { SIZE_BY, type SizeBy, type ViewState } from './url-state.js';

export type Controls = ReturnType<typeof createControls>;

export function createControls(x: Explorer, act: Actions) {
  const push = (next: ViewState, o: { fresh?: boolean } = {}) => void x.apply(next, { history: 'push', ...o });
  const filters = createFiltersPanel({
    onKinds: (hiddenKinds) => push(step.setKinds(x.state, hiddenKinds)),
    onTypes: (hiddenTypes) => push(step.setTypes(x.state, hiddenTypes)),
  });
  const timeline = createTimeline({
    onRange: (range) => push(step.setRange(x.state, range)),
    onPick: (event) => void act.choose(event),
  });
  const search = x.api.search;
  createSearchBox({ input: byId('search-input'), list: byId('search-list'), search, onChoose: (e) => void act.choose(e), passages: x.api.passages, onChoosePassage: (p) => void act.openPassage(p) });
  const pathFrom = createSearchBox({ input: byId('path-from'), list: byId('path-from-list'), search, onChoose: (e) => x.remember([e]), keepChoice: true });
  const pathTo = createSearchBox({ input: byId('path-to'), list: byId('path-to-list'), search, onChoose: (e) => x.remember([e]), keepChoice: true });
  const overlays = createCanvasOverlays(x, act);
  // Exports and the table are not needed for the first drawing: they load when first used.
  const exports = () => import('./export-actions.js').then((m) => m.exportActions(x));

  const on = (id: string, fn: () => void) => byId(id).addEventListener('click', fn);
  on('undo', () => x.back());
  on('redo', () => x.forward());
  on('overview', () => push(step.overview(x.state), { fresh: true }));
  on('clear', () => push(step.clear(x.state), { fresh: true }));
  on('fit', () => x.view.fit());
  on('zoom-in', () => x.view.zoomBy(1.25));
  on('zoom-out', () => x.view.zoomBy(0.8));
  on('relayout', () => push(step.relayout(x.state), { fresh: true }));
  on('copy-link', () => void copyText(location.href).then((ok) => x.notice(ok ? 'Link copied: it reopens this view.' : `Copy this link: ${location.href}`)));
  on('export-png', () => void exports().then((e) => e.png()));
  on('export-svg', () => void exports().then((e) => e.svg()));
  on('export-json', () => void exports().then((e) => e.json()));
  on('export-csv', () => void exports().then((e) => e.csv()));
  const sizeBy = byId<HTMLSelectElement>('size-by');
  sizeBy.addEventListener('change', () => push({ ...x.state, sizeBy: (SIZE_BY as readonly string[]).includes(sizeBy.value) ? (sizeBy.value as SizeBy) : 'degree' }));
  // Phone: the legend and filters are an overlay, the panel a bottom sheet that folds down.
  const filtersBox = byId('filters');
  on('filters-toggle', () => {
    const open = !filtersBox.classList.contains('open');
    filtersBox.classList.toggle('open', open);
    byId('filters-toggle').setAttribute('aria-expanded', String(open));
  });
  on('panel-toggle', () => {
    const folded = byId('panel').classList.toggle('folded');
    byId('panel-toggle').setAttribute('aria-expanded', String(!folded));
    byId('panel-toggle').textContent = folded ? 'Show details' : 'Hide details';
  });
  on('who-matters', () => push({ ...x.state, sizeBy: 'betweenness' }));
  byId('ask-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    act.ask(byId<HTMLInputElement>('ask-input').value);
  });
  byId('path-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const from = pathFrom.chosen();
    const to = pathTo.chosen();
    if (from && to) act.findPath(from, to);
    else x.notice('Choose both ends from the suggestions first.');
  });
  on('path-clear', () => act.findings.clearPath());
  // The graph by keyboard: arrows go round the anchor's neighbours, Enter walks on, E expands.
  let anchor: string | null = null;
  byId('graph').addEventListener('keydown', (ev) => {
    const cy = x.view.cy;
    const selected = x.state.selection?.type === 'node' ? x.state.selection.id : null;
    const say = (id: string) => {
      const n = cy.getElementById(id);
      byId('graph-live').textContent = `${n.data('name')}, ${String(n.data('kind')).toLowerCase()}, ${n.data('degree')} relations${anchor && anchor !== id ? `, neighbour of ${cy.getElementById(anchor).data('name')}` : ''}.`;
    };
    const go = (id: string) => {
      void x.apply(step.select(x.state, { type: 'node', id }), { history: 'replace' }).then(() => x.view.centreOn(id));
      say(id);
    };
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft' || ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!selected) {
        const first = x.view.hubIds[0] ?? cy.nodes(':visible').first().id();
        anchor = first ?? null;
        if (first) go(first);
        return;
      }
      if (!anchor || (anchor !== selected && cy.getElementById(anchor).edgesWith(cy.getElementById(selected)).empty())) anchor = selected;
      const around = cy.getElementById(anchor).neighborhood('node:visible').map((n) => n.id()).sort((a, b) => String(cy.getElementById(a).data('name')).localeCompare(String(cy.getElementById(b).data('name'))));
      if (!around.length) return;
      const i = around.indexOf(selected);
      const forward = ev.key === 'ArrowRight' || ev.key === 'ArrowDown';
      go(around[(i < 0 ? (forward ? 0 : around.length - 1) : i + (forward ? 1 : -1) + around.length) % around.length]!);
    } else if (ev.key === 'Enter' && selected) {
      ev.preventDefault();
      anchor = selected;
      say(selected);
    } else if ((ev.key === 'e' || ev.key === 'E') && selected) {
      ev.preventDefault();
      void act.expand(selected);
    }
  });
  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement || ev.target instanceof HTMLSelectElement;
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      byId('search-input').focus();
    } else if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z' && !typing) {
      ev.preventDefault();
      if (ev.shiftKey) x.forward();
      else x.back();
    } else if (ev.key === 'Escape' && !typing) {
      overlays.closeMenu();
      if (x.state.selection) void x.apply(step.select(x.state, null), { history: 'replace' });
    }
  });

  return {
    setOverview(o: Awaited<ReturnType<ExplorerApi['overview']>>) {
      filters.setTypes(o.relationTypeInfo);
      byId('stats').textContent = `${o.stats.entities} entities · ${o.stats.relations} relations · ${o.stats.articles} articles`;
    },
    setEvents(events: EntityNode[] | null) {
      if (!events) return timeline.showError('The timeline could not be loaded.');
      x.remember(events);
      timeline.setEvents(events);
      this.renderChrome();
    },
    /** The state a first visit opens on: on a phone, the best-connected entity and its neighbours, labelled, not a speck. */
    openingState(state: ViewState, overview: readonly EntityNode[]): ViewState {
      if (location.search || !window.matchMedia('(max-width: 600px)').matches) return state;
      const hub = [...overview].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id))[0];
      return hub ? step.focus(state, hub.id) : state;
    },
    renderChrome() {
      const s = x.state;
      filters.render(x.scene.subgraph, s.hiddenKinds, s.hiddenTypes);
      timeline.render(s.range, s.selection?.type === 'node' ? s.selection.id : null, new Set(x.scene.subgraph.nodes.map((n) => n.id)));
      const input = byId<HTMLInputElement>('ask-input');
      if (document.activeElement !== input) input.value = s.question ?? '';
      sizeBy.value = s.sizeBy;
      if (s.path) {
        const from = x.names.get(s.path.from);
        const to = x.names.get(s.path.to);
        if (from && !pathFrom.chosen()) pathFrom.set(from);
        if (to && !pathTo.chosen()) pathTo.set(to);
      }
    },
    setHistory(canBack: boolean, canForward: boolean) {
      byId<HTMLButtonElement>('undo').disabled = !canBack;
      byId<HTMLButtonElement>('redo').disabled = !canForward;
    },
    setPathEnds(from: EntityNode | null, to: EntityNode | null) {
      pathFrom.set(from);
      pathTo.set(to);
    },
    pathEnds: () => ({ from: pathFrom.chosen(), to: pathTo.chosen() }),
    resultChip: overlays.resultChip,
    contextMenu: overlays.contextMenu,
    tooltip: overlays.tooltip,
    table: async () => (await import('./table-view.js')).tableView(x.scene.subgraph, x.state, { select: (sel) => (sel.type === 'node' ? act.selectNode(sel.id) : act.selectEdge(sel.id)), cache: x.cache, api: x.api }),
    multiBar(): HTMLElement | null {
      if (x.multi.length < 2) return null;
      const ids = [...x.multi];
      return h(
        'div',
        { class: 'multi-bar', role: 'group', 'aria-label': 'Selected nodes' },
        h('p', {}, `${ids.length} nodes selected`),
        h('button', { type: 'button', 'data-action': 'expand-many', 'data-focus': 'expand-many', onclick: () => void act.expandMany(ids) }, 'Expand all'),
        h('button', { type: 'button', 'data-action': 'hide-many', 'data-focus': 'hide-many', onclick: () => act.hide(ids) }, 'Hide all'),
        h('button', { type: 'button', class: 'link', onclick: () => (x.view.selectMany([]), x.setMulti([])) }, 'Clear the selection'),
      );
    },
  };
}
