/**
 * The page's controller: holds the view state, fetches what a state needs,
 * recomputes the scene and hands it to the graph view and the panels. Every
 * exploring step goes through apply(), so the URL, undo and a reopened link
 * all see the same thing.
 */
import { ApiError } from './api.js';
import { articleView, entityView, relationView, type DetailActions } from './details-panel.js';
import { byId, fill, h } from './dom.js';
import { elementIds, subgraphToElements } from './elements.js';
import { copyText, download, exportName, jsonBlob } from './export.js';
import { createFiltersPanel } from './filters-panel.js';
import { hiddenByFilters } from './filters.js';
import { answerView, pathView, type FindingActions } from './findings-panel.js';
import { GraphView } from './graph-view.js';
import type { Answer, EntityNode, ExplorerApi, Subgraph } from './queries.js';
import { OVERVIEW_LIMIT } from './scale.js';
import { composeScene, leavesOf, neighboursOf, EXPAND_CAP, type Scene } from './scene.js';
import { createSearchBox } from './search-box.js';
import { createTimeline } from './timeline.js';
import { UndoHistory } from './undo.js';
import { decodeState, encodeState, EMPTY_STATE, type Selection, type ViewState } from './url-state.js';

type Tab = 'details' | 'answer' | 'path';
/** Node limit of one neighbourhood request: the cap pages through it. */
const NEIGHBOURHOOD_LIMIT = 500;

export class Explorer {
  private state: ViewState = EMPTY_STATE;
  private readonly undo = new UndoHistory();
  private readonly view: GraphView;
  private scene: Scene = { subgraph: { nodes: [], edges: [], truncated: false }, more: new Map() };
  private overview: Subgraph | null = null;
  private readonly neighbourhoods = new Map<string, Subgraph>();
  private readonly added = new Map<string, Subgraph>();
  private readonly paths = new Map<string, Subgraph | null>();
  private readonly answers = new Map<string, Answer>();
  private readonly names = new Map<string, EntityNode>();
  private tab: Tab = 'details';
  private queue: Promise<void> = Promise.resolve();
  private panelToken = 0;
  private readonly filters = createFiltersPanel({
    onKinds: (hiddenKinds) => this.step({ ...this.state, hiddenKinds }),
    onTypes: (hiddenTypes) => this.step({ ...this.state, hiddenTypes }),
  });
  private readonly timeline = createTimeline({
    onRange: (range) => this.step({ ...this.state, range }),
    onPick: (event) => this.choose(event),
  });
  private readonly pathFrom;
  private readonly pathTo;

  constructor(private readonly api: ExplorerApi) {
    this.view = new GraphView({
      container: byId('graph'),
      onSelect: (selection) => this.select(selection),
      onExpand: (id) => void this.expand(id),
    });
    createSearchBox({ input: byId('search-input'), list: byId('search-list'), search: api.search, onChoose: (e) => this.choose(e) });
    this.pathFrom = createSearchBox({ input: byId('path-from'), list: byId('path-from-list'), search: api.search, onChoose: (e) => this.remember([e]), keepChoice: true });
    this.pathTo = createSearchBox({ input: byId('path-to'), list: byId('path-to-list'), search: api.search, onChoose: (e) => this.remember([e]), keepChoice: true });
    this.wireControls();
  }

  /**
   * Loads the overview and the events, then restores the state in the URL.
   * `early` are requests main.ts started before building the page.
   */
  async start(search: string, early: { overview?: ReturnType<ExplorerApi['overview']>; timeline?: ReturnType<ExplorerApi['timeline']> } = {}): Promise<void> {
    this.status('Loading the graph…');
    document.body.dataset.busy = 'true';
    this.view.prepare();
    try {
      // The timeline is asked for in parallel but drawn after the graph: the graph comes first.
      const timeline = (early.timeline ?? this.api.timeline()).catch(() => null);
      const overview = await (early.overview ?? this.api.overview(OVERVIEW_LIMIT));
      performance.mark('explorer:requests-done');
      void timeline.then((events) => {
        if (events) {
          this.remember(events);
          this.timeline.setEvents(events);
          this.renderChrome();
        } else this.timeline.showError('The timeline could not be loaded.');
      });
      this.overview = overview.graph;
      this.remember(overview.graph.nodes);
      this.filters.setTypes(overview.relationTypeInfo);
      byId('stats').textContent = `${overview.stats.entities} entities · ${overview.stats.relations} relations · ${overview.stats.articles} articles`;
      if (overview.graph.truncated) this.notice(`Showing the ${overview.graph.nodes.length.toLocaleString('en-GB')} best-connected of ${overview.stats.entities.toLocaleString('en-GB')} entities. Search or expand to reach the rest.`);
    } catch (err) {
      document.body.dataset.busy = 'false';
      document.body.dataset.state = 'error';
      this.status(describe(err), { retry: () => void this.start(location.search) });
      byId('stats').textContent = 'Not connected';
      return;
    }
    const state = decodeState(search);
    this.tab = state.selection || state.article ? 'details' : state.question ? 'answer' : state.path ? 'path' : 'details';
    await this.apply(state, { undoable: false, fit: true });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // The first complete drawing: what bench/ui.ts times.
    performance.mark('explorer:drawn');
    document.body.dataset.state = 'ready';
  }

  // ——— exploring steps ———

  /** A step that undo can take back. */
  private step(next: ViewState, options: { fit?: boolean } = {}): Promise<void> {
    return this.apply(next, { undoable: true, ...options });
  }

  private apply(next: ViewState, { undoable, fit = false }: { undoable: boolean; fit?: boolean }): Promise<void> {
    const run = async () => {
      document.body.dataset.busy = 'true';
      if (undoable) this.undo.push(this.state);
      this.state = next;
      history.replaceState(null, '', `${location.pathname}${encodeState(next) ? `?${encodeState(next)}` : ''}`);
      try {
        await this.fetchSources(next);
        this.scene = composeScene(next, this.sources());
        this.renderChrome();
        await this.view.show(subgraphToElements(this.scene.subgraph), { fit });
        this.view.setFiltered(hiddenByFilters(this.scene.subgraph, next));
        this.view.setHighlight('path', next.path ? elementIds(this.paths.get(pathKey(next.path))) : null);
        this.view.setHighlight('answer', next.question ? elementIds(this.answers.get(next.question)?.subgraph) : null);
        this.view.markExpanded(next.expanded.map((x) => x.id));
        this.view.select(next.selection);
        this.status(this.scene.subgraph.nodes.length ? '' : next.scope === 'none' ? 'The canvas is empty. Search for an entity to start from, or go back to the overview.' : 'Nothing to show: every node is hidden.', this.scene.subgraph.nodes.length ? {} : { overview: true });
      } catch (err) {
        this.notice(describe(err));
      } finally {
        (byId('undo') as HTMLButtonElement).disabled = this.undo.size === 0;
        document.body.dataset.busy = 'false';
      }
      void this.renderPanel();
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async fetchSources(state: ViewState): Promise<void> {
    const jobs: Promise<unknown>[] = [];
    for (const { id } of state.expanded) if (!this.neighbourhoods.has(id)) jobs.push(this.neighbourhood(id));
    for (const id of state.added) {
      if (this.added.has(id)) continue;
      jobs.push(
        this.api.entityNode(id).then((e) => {
          if (!e) return;
          const { relations, ...node } = e;
          this.remember([node]);
          this.added.set(id, { nodes: [node], edges: relations, truncated: false });
        }),
      );
    }
    if (state.path && !this.paths.has(pathKey(state.path))) {
      const { from, to } = state.path;
      jobs.push(this.api.shortestPath(from, to).then((p) => (p && this.remember(p.nodes), this.paths.set(pathKey(state.path!), p))));
    }
    if (state.question && !this.answers.has(state.question)) {
      const q = state.question;
      jobs.push(this.api.ask(q).then((a) => (this.remember(a.subgraph.nodes), this.answers.set(q, a))));
    }
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) this.notice(describe(failed.reason));
  }

  private async neighbourhood(id: string): Promise<Subgraph> {
    const cached = this.neighbourhoods.get(id);
    if (cached) return cached;
    const g = await this.api.neighbourhood(id, NEIGHBOURHOOD_LIMIT);
    this.remember(g.nodes);
    this.neighbourhoods.set(id, g);
    return g;
  }

  private sources() {
    const s = this.state;
    return {
      overview: this.overview,
      neighbourhoods: this.neighbourhoods,
      added: this.added,
      path: s.path ? (this.paths.get(pathKey(s.path)) ?? null) : null,
      answer: s.question ? (this.answers.get(s.question)?.subgraph ?? null) : null,
    };
  }

  private onScene(id: string): boolean {
    return this.scene.subgraph.nodes.some((n) => n.id === id);
  }

  /** Search, timeline and panel links: bring the entity in if needed, centre and select it. */
  private async choose(entity: EntityNode): Promise<void> {
    this.remember([entity]);
    this.tab = 'details';
    const selection: Selection = { type: 'node', id: entity.id };
    const unhide = this.state.hidden.filter((id) => id !== entity.id);
    if (this.onScene(entity.id) && unhide.length === this.state.hidden.length) {
      await this.apply({ ...this.state, selection, article: null }, { undoable: false });
    } else {
      await this.step({ ...this.state, hidden: unhide, added: this.onScene(entity.id) ? this.state.added : [...this.state.added, entity.id], selection, article: null });
    }
    this.view.centreOn(entity.id);
  }

  private select(selection: Selection): void {
    this.tab = 'details';
    void this.apply({ ...this.state, selection, article: null }, { undoable: false });
  }

  async expand(id: string): Promise<void> {
    document.body.dataset.busy = 'true';
    let g: Subgraph;
    try {
      g = await this.neighbourhood(id);
    } catch (err) {
      this.notice(describe(err));
      document.body.dataset.busy = 'false';
      return;
    }
    const existing = this.state.expanded.find((x) => x.id === id);
    const pages = existing ? existing.pages : 1;
    const shown = new Set(neighboursOf(id, g).slice(0, EXPAND_CAP * pages).map((n) => n.id));
    const before = this.scene.subgraph.nodes.length;
    await this.step({
      ...this.state,
      expanded: existing ? this.state.expanded : [...this.state.expanded, { id, pages: 1 }],
      hidden: this.state.hidden.filter((h) => !shown.has(h) && h !== id),
      selection: this.state.selection ?? { type: 'node', id },
    });
    const added = this.scene.subgraph.nodes.length - before;
    const more = this.scene.more.get(id) ?? 0;
    this.notice(`${added > 0 ? `Added ${added} neighbour${added === 1 ? '' : 's'}` : 'Every neighbour was already in view'}${more ? `; ${more} more with “Show more”` : ''}.`);
  }

  private async showMore(id: string): Promise<void> {
    document.body.dataset.busy = 'true';
    const g = await this.neighbourhood(id);
    const expanded = this.state.expanded.map((x) => (x.id === id ? { id, pages: x.pages + 1 } : x));
    const pages = expanded.find((x) => x.id === id)?.pages ?? 1;
    const shown = new Set(neighboursOf(id, g).slice(0, EXPAND_CAP * pages).map((n) => n.id));
    await this.step({ ...this.state, expanded, hidden: this.state.hidden.filter((h) => !shown.has(h)) });
  }

  private async collapse(id: string): Promise<void> {
    const expanded = this.state.expanded.filter((x) => x.id !== id);
    const unexpanded = composeScene({ ...this.state, expanded }, this.sources());
    const leaves = leavesOf(id, unexpanded.subgraph).filter((n) => n !== id);
    const hidden = [...new Set([...this.state.hidden, ...leaves])];
    const before = this.scene.subgraph.nodes.length;
    await this.step({ ...this.state, expanded, hidden });
    const removed = before - this.scene.subgraph.nodes.length;
    this.notice(removed ? `Folded away ${removed} node${removed === 1 ? '' : 's'}. Undo brings them back.` : 'Nothing to collapse: every neighbour is linked to something else too.');
  }

  private hide(id: string): void {
    const selection = this.state.selection?.id === id ? null : this.state.selection;
    void this.step({ ...this.state, hidden: [...new Set([...this.state.hidden, id])], selection });
  }

  private focus(id: string): void {
    void this.step({ ...this.state, scope: 'none', added: [id], expanded: [{ id, pages: 1 }], hidden: [], selection: { type: 'node', id }, article: null }, { fit: true });
  }

  private ask(question: string): void {
    const q = question.trim();
    if (!q) return;
    (byId('ask-input') as HTMLInputElement).value = q;
    this.tab = 'answer';
    void this.step({ ...this.state, question: q });
  }

  private findPath(from: EntityNode, to: EntityNode): void {
    this.remember([from, to]);
    this.pathFrom.set(from);
    this.pathTo.set(to);
    this.tab = 'path';
    void this.step({ ...this.state, path: { from: from.id, to: to.id } });
  }

  private remember(nodes: readonly EntityNode[]): void {
    for (const n of nodes) this.names.set(n.id, n);
  }

  // ——— chrome: filters, timeline, panel ———

  private renderChrome(): void {
    this.filters.render(this.scene.subgraph, this.state.hiddenKinds, this.state.hiddenTypes);
    const ids = new Set(this.scene.subgraph.nodes.map((n) => n.id));
    this.timeline.render(this.state.range, this.state.selection?.type === 'node' ? this.state.selection.id : null, ids);
    const input = byId('ask-input') as HTMLInputElement;
    if (document.activeElement !== input) input.value = this.state.question ?? '';
    if (this.state.path) {
      const from = this.names.get(this.state.path.from);
      const to = this.names.get(this.state.path.to);
      if (from && !this.pathFrom.chosen()) this.pathFrom.set(from);
      if (to && !this.pathTo.chosen()) this.pathTo.set(to);
    }
  }

  private async renderPanel(): Promise<void> {
    const token = ++this.panelToken;
    const body = byId('panel-body');
    const s = this.state;
    const tabs: [Tab, string][] = [['details', 'Details']];
    if (s.question) tabs.push(['answer', 'Answer']);
    if (s.path) tabs.push(['path', 'Path']);
    if (!tabs.some(([t]) => t === this.tab)) this.tab = 'details';
    fill(
      byId('panel-tabs'),
      tabs.length > 1
        ? tabs.map(([t, label]) => h('button', { type: 'button', class: t === this.tab ? 'tab active' : 'tab', 'aria-pressed': String(t === this.tab), onclick: () => ((this.tab = t), void this.renderPanel()) }, label))
        : null,
    );
    const show = (el: HTMLElement) => {
      if (token !== this.panelToken) return;
      fill(body, el);
    };
    try {
      if (this.tab === 'answer' && s.question) {
        const a = this.answers.get(s.question);
        show(a ? answerView(a, this.findingActions) : h('p', { class: 'muted' }, 'Asking…'));
      } else if (this.tab === 'path' && s.path) {
        const from = this.names.get(s.path.from) ?? { id: s.path.from, name: s.path.from };
        const to = this.names.get(s.path.to) ?? { id: s.path.to, name: s.path.to };
        show(pathView(from, to, this.paths.get(pathKey(s.path)) ?? null, this.findingActions));
      } else if (s.article) {
        show(h('p', { class: 'muted loading' }, 'Opening the article…'));
        const a = await this.api.article(s.article.id);
        show(a ? articleView(a, s.article.quote, this.detailActions) : h('p', { class: 'error' }, 'That article is not in the graph.'));
        if (token === this.panelToken) document.getElementById('quoted')?.scrollIntoView({ block: 'center' });
      } else if (s.selection?.type === 'node') {
        show(h('p', { class: 'muted loading' }, 'Loading details…'));
        const e = await this.api.entity(s.selection.id);
        if (!e) return show(h('p', { class: 'error' }, `No entity “${s.selection.id}” in the graph.`));
        const neighbours = new Set(e.relations.map((r) => (r.from.id === e.id ? r.to.id : r.from.id)));
        const onCanvas = new Set(this.scene.subgraph.nodes.map((n) => n.id));
        show(
          entityView(
            e,
            {
              onCanvas: onCanvas.has(e.id),
              expanded: s.expanded.some((x) => x.id === e.id),
              more: this.scene.more.get(e.id) ?? 0,
              hiddenNeighbours: [...neighbours].filter((n) => !onCanvas.has(n)).length,
            },
            this.detailActions,
          ),
        );
      } else if (s.selection?.type === 'edge') {
        show(h('p', { class: 'muted loading' }, 'Loading the evidence…'));
        const r = await this.api.relation(s.selection.id);
        show(r ? relationView(r, this.detailActions) : h('p', { class: 'error' }, 'That relation is not in the graph.'));
      } else {
        show(intro());
      }
    } catch (err) {
      show(h('p', { class: 'error' }, describe(err)));
    }
  }

  private readonly detailActions: DetailActions = {
    selectNode: (id) => {
      const known = this.names.get(id);
      if (known) return void this.choose(known);
      this.api.entityNode(id).then(
        (e) => (e ? this.choose(e) : this.notice(`No entity “${id}” in the graph.`)),
        (err) => this.notice(describe(err)),
      );
    },
    selectEdge: (id) => {
      this.tab = 'details';
      void this.apply({ ...this.state, selection: { type: 'edge', id }, article: null }, { undoable: false }).then(() => this.view.centreOn(id));
    },
    openArticle: (id, quote) => {
      this.tab = 'details';
      void this.apply({ ...this.state, article: { id, quote } }, { undoable: false });
    },
    closeArticle: () => void this.apply({ ...this.state, article: null }, { undoable: false }),
    expand: (id) => void this.expand(id),
    showMore: (id) => void this.showMore(id),
    collapse: (id) => void this.collapse(id),
    hide: (id) => this.hide(id),
    focus: (id) => this.focus(id),
    pathFrom: (e) => {
      this.pathFrom.set(e);
      const to = this.pathTo.chosen();
      if (to && to.id !== e.id) this.findPath(e, to);
      else this.notice(`Path from ${e.name}: now choose where to (the “To” box, or “Path to” on another node).`);
    },
    pathTo: (e) => {
      this.pathTo.set(e);
      const from = this.pathFrom.chosen();
      if (from && from.id !== e.id) this.findPath(from, e);
      else this.notice(`Path to ${e.name}: now choose where from.`);
    },
  };

  private readonly findingActions: FindingActions = {
    selectNode: (id) => this.detailActions.selectNode(id),
    selectEdge: (id) => this.detailActions.selectEdge(id),
    openArticle: (id, quote) => this.detailActions.openArticle(id, quote),
    ask: (q) => this.ask(q),
    clearAnswer: () => void this.step({ ...this.state, question: null }),
    clearPath: () => {
      this.pathFrom.set(null);
      this.pathTo.set(null);
      void this.step({ ...this.state, path: null });
    },
  };

  private wireControls(): void {
    const on = (id: string, fn: () => void) => byId(id).addEventListener('click', fn);
    on('undo', () => {
      const prev = this.undo.pop();
      if (prev) void this.apply(prev, { undoable: false });
    });
    on('overview', () => void this.step({ ...this.state, scope: 'all', added: [], expanded: [], hidden: [] }, { fit: true }));
    on('clear', () => void this.step({ ...this.state, scope: 'none', added: [], expanded: [], hidden: [], selection: null, article: null, path: null, question: null }));
    on('fit', () => this.view.fit());
    on('zoom-in', () => this.view.zoomBy(1.25));
    on('zoom-out', () => this.view.zoomBy(0.8));
    on('relayout', () => void this.view.relayout());
    on('copy-link', () => void copyText(location.href).then((ok) => this.notice(ok ? 'Link copied: it reopens this view.' : `Copy this link: ${location.href}`)));
    on('export-png', () =>
      void this.view.png().then(
        (blob) => download(blob, exportName('png')),
        () => this.notice('The PNG could not be made.'),
      ),
    );
    on('export-json', () => download(jsonBlob({ exported: new Date().toISOString(), link: location.href, state: this.state, ...this.view.json() }), exportName('json')));
    byId('ask-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.ask((byId('ask-input') as HTMLInputElement).value);
    });
    byId('path-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const from = this.pathFrom.chosen();
      const to = this.pathTo.chosen();
      if (from && to) this.findPath(from, to);
      else this.notice('Choose both ends from the suggestions first.');
    });
    on('path-clear', () => this.findingActions.clearPath());
    document.addEventListener('keydown', (ev) => {
      const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement || ev.target instanceof HTMLSelectElement;
      if (ev.key === '/' && !typing) {
        ev.preventDefault();
        byId('search-input').focus();
      } else if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z' && !typing) {
        ev.preventDefault();
        byId('undo').click();
      } else if (ev.key === 'Escape' && !typing && this.state.selection) {
        this.select(null);
      }
    });
  }

  private status(message: string, options: { retry?: () => void; overview?: boolean } = {}): void {
    const el = byId('status');
    fill(
      el,
      message ? h('p', {}, message) : null,
      options.retry ? h('button', { type: 'button', onclick: options.retry }, 'Try again') : null,
      message && options.overview ? h('button', { type: 'button', onclick: () => byId('overview').click() }, 'Show the whole graph') : null,
    );
    el.hidden = !message;
  }

  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private notice(message: string): void {
    const el = byId('notice');
    el.textContent = message;
    el.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (el.hidden = true), 6000);
  }
}

function pathKey(p: { from: string; to: string }): string {
  return `${p.from}\u0000${p.to}`;
}

function describe(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
}

function intro(): HTMLElement {
  return h(
    'div',
    { class: 'details intro' },
    h('h2', {}, 'Explore the story'),
    h('p', {}, 'Every line in this graph comes from a sentence in an article. Click a node or a relation to read what the articles say, with the quotes.'),
    h(
      'ul',
      {},
      h('li', {}, h('strong', {}, 'Search'), ' by any spelling: “Tikhanovskaya”, “Nauseda”, “Lukashenka”.'),
      h('li', {}, h('strong', {}, 'Double-click'), ' a node to expand its neighbourhood; Collapse, Hide and Undo take it back.'),
      h('li', {}, h('strong', {}, 'Thicker lines'), ' are stated by more articles.'),
      h('li', {}, h('strong', {}, 'Timeline'), ' below: narrow the view to a period.'),
      h('li', {}, h('strong', {}, 'Copy link'), ' reopens exactly this view.'),
    ),
  );
}
