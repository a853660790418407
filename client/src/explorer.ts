/**
 * The page's shell: holds the view state, runs each step (a pure producer in
 * steps.ts) through apply(), fetches what the state needs through the one
 * source cache, and hands the scene to the graph view and the panels. Every
 * exploring step is a browser history entry: Back and Forward are undo and
 * redo, and a copied link reopens the same picture.
 */
import { describe } from './api.js';
import { createControls, type Controls } from './controls.js';
import { byId, fill, h } from './dom.js';
import { elementIds, subgraphToElements } from './elements.js';
import { hiddenByFilters } from './filters.js';
import { GraphView } from './graph-view.js';
import { layoutMap, loadForceLayout, type LaidOut } from './graph/layout.js';
import { createPanel, type Panel } from './panel.js';
import type { Answer, EntityNode, ExplorerApi, Subgraph } from './queries.js';
import { canvasSize, OVERVIEW_LIMIT } from './scale.js';
import { composeScene, type Scene, type SceneSources } from './scene.js';
import { sourceKey, createSourceCache } from './source-cache.js';
import * as step from './steps.js';
import { decodeState, encodeState, EMPTY_STATE, type ViewState } from './url-state.js';
import { createActions } from './actions.js';

/** Node limit of one neighbourhood request: the cap pages through it. */
const NEIGHBOURHOOD_LIMIT = 500;

type HistoryMode = 'push' | 'replace' | 'none';
interface ApplyOptions {
  history: HistoryMode;
  /** Lay the drawing out afresh. */
  fresh?: boolean;
  /** Put the camera where the state says (opening a link, Back, Forward). */
  restoreViewport?: boolean;
  /** Zoom to the path or answer once drawn. */
  zoomToResult?: boolean;
}

export class Explorer {
  state: ViewState = EMPTY_STATE;
  scene: Scene = { subgraph: { nodes: [], edges: [], truncated: false }, more: new Map(), cut: new Set(), origin: new Map() };
  readonly cache = createSourceCache();
  readonly names = new Map<string, EntityNode>();
  readonly view: GraphView;
  /** Nodes picked with shift-click or a box: bulk hide and expand (not part of the link). */
  multi: string[] = [];
  private overview: Subgraph | null = null;
  /** Where the server placed the overview's nodes, for this canvas: a fresh overview drawing needs no layout of its own. */
  private overviewLayout: LaidOut | null = null;
  private queue: Promise<void> = Promise.resolve();
  private depth = 0;
  private maxDepth = 0;
  private readonly panel: Panel;
  readonly controls: Controls;
  private readonly actions = createActions(this);

  constructor(readonly api: ExplorerApi) {
    this.view = new GraphView({
      container: byId('graph'),
      onSelect: (selection) => void this.apply(step.select(this.state, selection), { history: 'replace' }).then(() => this.setMulti([])),
      onMultiSelect: (ids) => this.setMulti(ids),
      onShiftTap: (id) => {
        const current = this.multi.length ? this.multi : this.state.selection?.type === 'node' ? [this.state.selection.id] : [];
        const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
        this.view.selectMany(next);
        this.setMulti(next);
      },
      onExpand: (id) => void this.actions.expand(id),
      onMoved: (moved) => void this.apply(step.move(this.state, moved), { history: 'push' }),
      onViewport: () => this.saveViewport(),
      onContextMenu: (id, at) => this.controls.contextMenu(id, at),
      onHover: (id, at) => this.controls.tooltip(id, at),
    });
    this.controls = createControls(this, this.actions);
    this.panel = createPanel({
      api,
      cache: this.cache,
      details: this.actions.details,
      findings: this.actions.findings,
      onTab: (tab) => void this.apply(step.showTab(this.state, tab), { history: 'replace' }),
      table: () => this.controls.table(),
      multi: () => this.controls.multiBar(),
      describe,
    });
    window.addEventListener('popstate', (ev) => {
      this.depth = Number((ev.state as { depth?: number } | null)?.depth ?? 0);
      void this.apply(decodeState(location.search), { history: 'none', fresh: true, restoreViewport: true });
    });
  }

  /**
   * Loads the overview and the events, then restores the state in the URL.
   * `early` are requests main.ts started before building the page.
   */
  async start(search: string, early: { overview?: ReturnType<ExplorerApi['overview']>; timeline?: ReturnType<ExplorerApi['timeline']> } = {}): Promise<void> {
    this.status('Loading the graph…');
    document.body.dataset.busy = 'true';
    // Cytoscape is set up while the graph is on its way. Requests main.ts started early have usually come by now:
    // the view then sets Cytoscape up with the graph in one go (one stylesheet, no empty instance to restyle).
    if (!early.overview) this.view.prepare();
    // A (re)loaded graph: nothing fetched before may still be true.
    this.cache.clear();
    // The events' names are known at once; the timeline is drawn after the graph's first frame, not before it.
    const timeline = (early.timeline ?? this.api.timeline()).catch(() => null).then((events) => {
      if (events) this.remember(events);
      return events;
    });
    try {
      const overview = await (early.overview ?? this.api.overview(OVERVIEW_LIMIT, canvasSize(byId('graph'))));
      performance.mark('explorer:requests-done');
      this.overview = overview.graph;
      this.overviewLayout = layoutMap(overview.graph.layout);
      this.remember(overview.graph.nodes);
      this.controls.setOverview(overview);
      if (overview.graph.truncated) this.notice(`Showing the ${overview.graph.nodes.length.toLocaleString('en-GB')} best-connected of ${overview.stats.entities.toLocaleString('en-GB')} entities. Search or expand to reach the rest.`);
    } catch (err) {
      document.body.dataset.busy = 'false';
      document.body.dataset.state = 'error';
      this.status(describe(err), { retry: () => void this.start(location.search) });
      byId('stats').textContent = 'Not connected';
      return;
    }
    const decoded = decodeState(search);
    const state = { ...decoded, tab: step.defaultTab(decoded) };
    history.replaceState({ depth: 0 }, '', urlFor(state));
    try {
      await this.apply(this.controls.openingState(state, this.overview?.nodes ?? []), { history: 'none', fresh: true, restoreViewport: true, zoomToResult: !state.viewport });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // The first complete drawing: what bench/ui.ts times.
      performance.mark('explorer:drawn');
      document.body.dataset.state = 'ready';
    } finally {
      void timeline.then((events) => this.controls.setEvents(events));
      // The force layout's code, which a server-laid overview did not wait for: ready before a step asks for it.
      void loadForceLayout();
    }
  }

  /** Runs one step: fetch what it needs, compose the scene, draw it, redraw the panels. Steps run one at a time. */
  apply(next: ViewState, o: ApplyOptions): Promise<void> {
    const run = async () => {
      document.body.dataset.busy = 'true';
      const before = this.state;
      this.state = next;
      this.record(o.history);
      try {
        await this.fetchSources(next);
        this.scene = composeScene(next, this.sources(next));
        this.controls.renderChrome();
        await this.view.show(subgraphToElements(this.scene.subgraph), {
          fresh: Boolean(o.fresh),
          base: new Set(next.scope === 'all' ? (this.overview?.nodes.map((n) => n.id) ?? []) : next.added.slice(0, 1)),
          anchorsOf: (id) => (this.scene.origin.has(id) ? [this.scene.origin.get(id)!] : []),
          anchorOrder: next.expanded.map((x) => x.id),
          positions: next.positions,
          layout: next.scope === 'all' ? this.overviewLayout : null,
          viewport: o.restoreViewport ? next.viewport : undefined,
        });
        this.view.setSizeBy(next.sizeBy);
        const path = next.path ? elementIds(this.cache.peek<Subgraph | null>(sourceKey.path(next.path.from, next.path.to))) : new Set<string>();
        const answer = next.question ? elementIds(this.cache.peek<Answer>(sourceKey.answer(next.question))?.subgraph) : new Set<string>();
        this.view.setDecorations({
          filtered: hiddenByFilters(this.scene.subgraph, next),
          path,
          answer,
          expanded: new Set(next.expanded.map((x) => x.id)),
          pinned: new Set(Object.keys(next.positions)),
        });
        this.view.select(next.selection);
        const newResult = (next.path && next.path !== before.path) || (next.question && next.question !== before.question);
        if ((o.zoomToResult || (newResult && o.history === 'push')) && (path.size || answer.size)) this.view.fitTo(new Set([...path, ...answer]));
        this.controls.resultChip(path.size > 0, answer.size > 0);
        const empty = !this.scene.subgraph.nodes.length;
        this.status(empty ? (next.scope === 'none' ? 'The canvas is empty. Search for an entity to start from, or go back to the overview.' : 'Nothing to show: every node is hidden.') : '', empty ? { overview: true } : {});
        // The label pass the steps above asked for, before the next frame: otherwise that frame draws every name, then the next one again.
        this.view.flushLabels();
      } catch (err) {
        this.notice(describe(err));
      } finally {
        this.controls.setHistory(this.depth > 0, this.depth < this.maxDepth);
        document.body.dataset.busy = 'false';
      }
      void this.renderPanel();
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  renderPanel(): Promise<void> {
    return this.panel.render({ state: this.state, scene: this.scene, names: this.names });
  }

  /** Fetches a node's neighbourhood once, however often it is asked for. */
  neighbourhood(id: string): Promise<Subgraph> {
    return this.cache.get(sourceKey.neighbourhood(id), async () => {
      const g = await this.api.neighbourhood(id, NEIGHBOURHOOD_LIMIT);
      this.remember(g.nodes);
      return g;
    });
  }

  sources(state: ViewState = this.state): SceneSources {
    const neighbourhoods = new Map<string, Subgraph>();
    for (const { id } of state.expanded) {
      const g = this.cache.peek<Subgraph>(sourceKey.neighbourhood(id));
      if (g) neighbourhoods.set(id, g);
    }
    const added = new Map<string, Subgraph>();
    for (const id of state.added) {
      const g = this.cache.peek<Subgraph | null>(sourceKey.added(id));
      if (g) added.set(id, g);
    }
    return {
      overview: this.overview,
      neighbourhoods,
      added,
      path: state.path ? (this.cache.peek<Subgraph | null>(sourceKey.path(state.path.from, state.path.to)) ?? null) : null,
      answer: state.question ? (this.cache.peek<Answer>(sourceKey.answer(state.question))?.subgraph ?? null) : null,
    };
  }

  onScene(id: string): boolean {
    return this.scene.subgraph.nodes.some((n) => n.id === id);
  }

  remember(nodes: readonly EntityNode[]): void {
    for (const n of nodes) this.names.set(n.id, n);
  }

  setMulti(ids: string[]): void {
    const changed = ids.join() !== this.multi.join();
    this.multi = ids;
    if (changed) void this.renderPanel();
  }

  back(): void {
    if (this.depth > 0) history.back();
  }

  forward(): void {
    if (this.depth < this.maxDepth) history.forward();
  }

  status(message: string, options: { retry?: () => void; overview?: boolean } = {}): void {
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
  notice(message: string): void {
    const el = byId('notice');
    el.textContent = message;
    el.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (el.hidden = true), 6000);
  }

  private async fetchSources(state: ViewState): Promise<void> {
    const jobs: Promise<unknown>[] = state.expanded.map(({ id }) => this.neighbourhood(id));
    for (const id of state.added) {
      jobs.push(
        this.cache.get(sourceKey.added(id), async () => {
          const e = await this.api.entityNode(id);
          if (!e) return null;
          const { relations, ...node } = e;
          this.remember([node]);
          return { nodes: [node], edges: relations, truncated: false };
        }),
      );
    }
    if (state.path) {
      const { from, to } = state.path;
      jobs.push(this.cache.get(sourceKey.path(from, to), async () => {
        const p = await this.api.shortestPath(from, to);
        if (p) this.remember(p.nodes);
        return p;
      }));
    }
    if (state.question) {
      const q = state.question;
      jobs.push(this.cache.get(sourceKey.answer(q), async () => {
        const a = await this.api.ask(q);
        this.remember(a.subgraph.nodes);
        return a;
      }));
    }
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) this.notice(describe(failed.reason));
  }

  private record(mode: HistoryMode): void {
    if (mode === 'none') return;
    if (mode === 'push') {
      this.depth++;
      this.maxDepth = this.depth;
      history.pushState({ depth: this.depth }, '', urlFor(this.state));
    } else history.replaceState({ depth: this.depth }, '', urlFor(this.state));
  }

  /** Zoom and pan go into the link (replacing the entry: moving the camera is not a step). */
  private saveViewport(): void {
    if (document.body.dataset.busy === 'true' || !this.view.cy.nodes().length) return;
    this.state = step.setViewport(this.state, this.view.viewport);
    history.replaceState({ depth: this.depth }, '', urlFor(this.state));
  }
}

function urlFor(state: ViewState): string {
  const q = encodeState(state);
  return `${location.pathname}${q ? `?${q}` : ''}`;
}
