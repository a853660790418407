/**
 * The one module that calls cytoscape(): draws the scene, keeps positions
 * across updates, switches to the WebGL renderer for big scenes, and turns
 * taps into selections. Everything it draws comes in as plain elements.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphElement } from './elements.js';
import { labelScale, placeLabels, type LabelBox } from './label-culling.js';
import { expectedLabelScale, renderPlan } from './scale.js';
import { EDGE_LABEL_MIN_PX, explorerStyle } from './style.js';
import type { Selection } from './url-state.js';

cytoscape.use(fcose);

declare global {
  interface Window {
    cy?: Core;
  }
}

export interface GraphViewOptions {
  container: HTMLElement;
  /** The user tapped a node, an edge, or the background (null). */
  onSelect: (selection: Selection) => void;
  /** The user double-tapped a node: expand it. */
  onExpand?: (id: string) => void;
  /** 'auto': WebGL for big scenes when it is hardware-accelerated. @default 'auto' */
  webgl?: 'auto' | 'always' | 'never';
}

export type Highlight = 'path' | 'answer';

export class GraphView {
  private core: Core | null = null;
  private webgl = false;
  private highlights = new Map<Highlight, Set<string>>();
  private filtered = new Set<string>();
  private scale = 1;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the last label pass saw: no need to redo it for a pan or a repeated step. */
  private labelledAt = '';
  private readonly webglAvailable: boolean;

  constructor(private readonly options: GraphViewOptions) {
    // Cytoscape only watches the window; panels and the timeline also resize the canvas.
    new ResizeObserver(() => this.core?.resize()).observe(options.container);
    const mode = options.webgl ?? 'auto';
    this.webglAvailable = mode === 'always' || (mode === 'auto' && hardwareWebGL());
  }

  get cy(): Core {
    if (!this.core) this.core = this.create([], false, 1, false);
    return this.core;
  }

  /** Sets Cytoscape up while the first data is on its way. */
  prepare(): void {
    void this.cy;
  }

  get usesWebGL(): boolean {
    return this.webgl;
  }

  /**
   * Shows exactly these elements. Nodes already drawn keep their place; new
   * ones start beside a drawn neighbour and the layout settles them.
   */
  async show(elements: readonly GraphElement[], { fit = false } = {}): Promise<void> {
    const planOptions = { webglAvailable: this.webglAvailable };
    const plan = renderPlan(elements.length, { ...planOptions, relayout: this.core !== null && this.cy.nodes().length > 0 });
    if (!this.core || plan.webgl !== this.webgl || plan.textureOnViewport !== this.textureOnViewport || this.core.elements().empty()) {
      // Labels start at the size they will have after fitting, so the layout makes room for them.
      const scale = plan.webgl ? 1 : expectedLabelScale(elements.filter((e) => e.group === 'nodes').length, this.options.container.clientWidth, this.options.container.clientHeight);
      if (this.core && plan.webgl === this.webgl && plan.textureOnViewport === this.textureOnViewport) {
        // The empty instance made while the data was on its way: fill it.
        this.setLabelScale(scale);
        this.core.add([...elements] as unknown as ElementDefinition[]);
      } else {
        this.core?.destroy();
        this.core = this.create(elements, plan.webgl, scale, plan.textureOnViewport);
      }
      await this.runLayout(this.core.elements(), { ...renderPlan(elements.length, planOptions).layout });
      this.restyle({ labels: false });
      this.fit();
      return;
    }
    const cy = this.core;
    const wanted = new Set(elements.map((e) => e.data.id));
    let changed = false;
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()));
      if (gone.length) {
        changed = true;
        cy.remove(gone);
      }
      const fresh = elements.filter((e) => cy.getElementById(e.data.id).empty());
      const freshNodes = fresh.filter((e) => e.group === 'nodes');
      if (fresh.length) {
        changed = true;
        cy.add([...freshNodes, ...fresh.filter((e) => e.group === 'edges')] as ElementDefinition[]);
        placeBesideNeighbours(cy, freshNodes.map((n) => n.data.id));
      }
      for (const e of elements) {
        const el = cy.getElementById(e.data.id);
        if (el.nonempty()) el.data(e.data as unknown as Record<string, unknown>);
      }
    });
    if (changed && elements.some((e) => e.group === 'nodes')) {
      const addedNodes = cy.nodes().toArray().some((n) => (n as NodeSingular).scratch('_placed') === true);
      if (addedNodes || fit) await this.runLayout(cy.elements(), plan.layout);
      cy.nodes().toArray().forEach((n) => void (n as NodeSingular).removeScratch('_placed'));
      this.restyle();
      if (addedNodes || fit) this.fit();
      return;
    }
    this.restyle();
  }

  /** Hides (display: none) the elements the filters hide. */
  setFiltered(ids: ReadonlySet<string>): void {
    this.filtered = new Set(ids);
    this.restyle();
  }

  /** Highlights a path or an answer; everything else fades while any highlight is on. */
  setHighlight(which: Highlight, ids: ReadonlySet<string> | null): void {
    if (ids && ids.size) this.highlights.set(which, new Set(ids));
    else this.highlights.delete(which);
    this.restyle();
  }

  markExpanded(ids: readonly string[]): void {
    const set = new Set(ids);
    this.cy.batch(() => this.cy.nodes().forEach((n) => void n.toggleClass('expanded', set.has(n.id()))));
  }

  /** Selects without telling the onSelect callback (the state already knows). */
  select(selection: Selection, { centre = false } = {}): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (selection) cy.getElementById(selection.id).select();
    });
    this.markNear();
    if (centre && selection) this.centreOn(selection.id);
  }

  /** Puts the node (not its label) in the middle, zooming in to at least 1. */
  centreOn(id: string): void {
    const cy = this.cy;
    const el = cy.getElementById(id);
    if (el.empty()) return;
    const zoom = Math.max(cy.zoom(), 1);
    const p = el.isNode() ? (el as NodeSingular).position() : (el as unknown as cytoscape.EdgeSingular).midpoint();
    cy.stop();
    cy.animate({ zoom, pan: { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom } }, { duration: 350 });
  }

  /**
   * Fits what is visible, settles the label size for the new zoom (labels
   * grow as the zoom shrinks) and fits again so nothing is cut off; then one
   * label pass.
   */
  fit(): void {
    const cy = this.cy;
    const visible = cy.elements(':visible');
    for (let i = 0; i < 3; i++) {
      cy.fit(visible, 16);
      const next = this.webgl ? 1 : labelScale(cy.zoom());
      if (Math.abs(next - this.scale) / this.scale <= 0.08) break;
      this.setLabelScale(next);
    }
    clearTimeout(this.labelTimer);
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = 0;
    this.refreshLabels({ force: true });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Re-runs the readable layout on what is visible. */
  async relayout(): Promise<void> {
    const visible = this.cy.elements(':visible');
    await this.runLayout(visible, { ...renderPlan(visible.length).layout, randomize: true });
    this.fit();
  }

  png(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  /** The visible elements with positions: the JSON export. */
  json(): { nodes: unknown[]; edges: unknown[] } {
    const visible = this.cy.elements(':visible');
    return {
      nodes: visible.nodes().map((n) => ({ data: n.data(), position: n.position() })),
      edges: visible.edges().map((e) => ({ data: e.data() })),
    };
  }

  private textureOnViewport = false;
  /** Big scene: labels only where the label pass puts them. */
  private lean = false;

  private create(elements: readonly GraphElement[], webgl: boolean, scale: number, textureOnViewport: boolean): Core {
    this.webgl = webgl;
    this.textureOnViewport = textureOnViewport;
    this.lean = webgl || textureOnViewport;
    this.scale = scale;
    this.labelledAt = '';
    const cy = cytoscape({
      container: this.options.container,
      elements: [...elements] as unknown as ElementDefinition[],
      style: explorerStyle({ labelScale: scale, lean: webgl || textureOnViewport }),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport,
      hideEdgesOnViewport: false,
      pixelRatio: webgl ? 1 : 'auto',
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.options.onSelect(null);
      else if (event.target.isNode?.()) this.options.onSelect({ type: 'node', id: event.target.id() });
      else if (event.target.isEdge?.()) this.options.onSelect({ type: 'edge', id: event.target.id() });
    });
    cy.on('dbltap', 'node', (event: EventObject) => this.options.onExpand?.(event.target.id()));
    cy.on('mouseover', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      node.removeClass('quiet').connectedEdges().addClass('near');
      if (this.lean) node.addClass('labelled');
      this.options.container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      this.markNear();
      this.options.container.style.cursor = '';
    });
    cy.on('mouseover', 'edge', () => void (this.options.container.style.cursor = 'pointer'));
    cy.on('mouseout', 'edge', () => void (this.options.container.style.cursor = ''));
    cy.on('zoom', () => {
      // Far off the right size, labels are resized at once: drawing 100 px text for even one frame is slow.
      if (!this.webgl) {
        const next = labelScale(cy.zoom());
        if (Math.abs(next - this.scale) / this.scale > 0.3) this.setLabelScale(next);
      }
      clearTimeout(this.labelTimer);
      this.labelTimer = setTimeout(() => this.refreshLabels(), 60);
    });
    window.cy = cy;
    return cy;
  }

  private runLayout(eles: cytoscape.CollectionReturnValue, layout: Record<string, unknown>): Promise<void> {
    if (eles.nodes().empty()) return Promise.resolve();
    const run = eles.layout(layout as unknown as cytoscape.LayoutOptions);
    const done = run.promiseOn('layoutstop').then(() => undefined);
    run.run();
    return done;
  }

  /**
   * Grows label fonts as the user zooms out (so they stay readable), then
   * hides the labels that would overlap a more important one.
   */
  refreshLabels({ force = false } = {}): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    // What decides the labels: zoom, scene, selection and highlights. Unchanged: nothing to do.
    const signature = `${zoom}|${cy.elements().length}|${cy.$(':selected').map((e) => e.id()).join()}|${cy.$('.near, .path, .answer, .faded').length}|${cy.elements(':visible').length}`;
    if (!force && signature === this.labelledAt) return;
    this.labelledAt = signature;
    if (this.lean) return this.refreshLeanLabels();
    if (!this.webgl) {
      const next = labelScale(zoom);
      if (Math.abs(next - this.scale) / this.scale > 0.08) this.setLabelScale(next);
    }
    const edgeLabels = 10 * this.scale * zoom >= EDGE_LABEL_MIN_PX;
    const boxes: LabelBox[] = [];
    const bodies: Omit<LabelBox, 'priority'>[] = [];
    const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as const;
    cy.nodes(':visible').forEach((n) => {
      const priority = n.selected() ? 1e9 : n.hasClass('faded') ? -1e6 : (n.hasClass('near') || n.hasClass('path') || n.hasClass('answer') ? 1e6 : 0) + Number(n.data('degree') ?? 0);
      boxes.push({ id: n.id(), priority, ...n.boundingBox(labelOnly) });
      bodies.push({ id: n.id(), ...n.boundingBox({ includeNodes: true, includeLabels: false, includeOverlays: false }) });
    });
    cy.edges(':visible').forEach((e) => {
      const lit = e.selected() || e.hasClass('near') || e.hasClass('path') || e.hasClass('answer');
      if (!lit && !edgeLabels) return;
      boxes.push({ id: e.id(), priority: e.selected() ? 1e9 : lit ? 5e5 : -1, ...e.boundingBox(labelOnly) });
    });
    const shown = placeLabels(boxes, bodies);
    cy.batch(() => cy.elements().forEach((el) => void el.toggleClass('quiet', !shown.has(el.id()))));
  }

  /**
   * The label pass of big scenes: label boxes are estimated from the text
   * (nothing is measured), and only nodes that would render legibly, or that
   * the user is looking at, are candidates.
   */
  private refreshLeanLabels(): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    const legible = 12 * zoom >= 6;
    const extent = cy.extent();
    const focus = cy.$('node:selected, node.near, node.path, node.answer');
    const candidates = legible ? cy.nodes(':visible').filter((n) => {
      const p = n.position();
      return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
    }).union(focus) : focus;
    const boxes: LabelBox[] = [];
    const bodies: Omit<LabelBox, 'priority'>[] = [];
    candidates.forEach((n) => {
      const p = n.position();
      const size = Number(n.data('size') ?? 30);
      const text = String(n.data('label') ?? '');
      const width = Math.min(120, text.length * 6.6);
      const lines = Math.max(1, Math.ceil((text.length * 6.6) / 120));
      const top = p.y + size / 2 + 3;
      const priority = n.selected() ? 1e9 : (focus.has(n) ? 1e6 : 0) + Number(n.data('degree') ?? 0);
      boxes.push({ id: n.id(), priority, x1: p.x - width / 2, y1: top, x2: p.x + width / 2, y2: top + lines * 15 });
      bodies.push({ id: n.id(), x1: p.x - size / 2, y1: p.y - size / 2, x2: p.x + size / 2, y2: p.y + size / 2 });
    });
    const shown = placeLabels(boxes, bodies);
    cy.batch(() => {
      cy.nodes('.labelled').filter((n) => !shown.has(n.id())).removeClass('labelled');
      for (const id of shown) cy.getElementById(id).addClass('labelled');
    });
  }

  private labelFrame = 0;
  /** One label pass per frame, however many steps asked for it. */
  private scheduleLabels(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.refreshLabels();
    });
  }

  private setLabelScale(scale: number): void {
    this.scale = scale;
    this.cy.style(explorerStyle({ labelScale: scale, lean: this.lean }));
  }

  /** Labels show on the edges of the selected node. */
  private markNear({ labels = true } = {}): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.edges('.near').removeClass('near');
      cy.nodes('.near').removeClass('near');
      const sel = cy.$('node:selected');
      sel.connectedEdges().addClass('near');
      sel.neighborhood('node').addClass('near');
    });
    if (labels) this.scheduleLabels();
  }

  /** Applies filters and highlights as classes, touching only the elements whose classes change. */
  private restyle({ labels = true } = {}): void {
    const cy = this.cy;
    const path = this.highlights.get('path') ?? new Set<string>();
    const answer = this.highlights.get('answer') ?? new Set<string>();
    const lit = new Set([...path, ...answer]);
    const want = (el: cytoscape.SingularElementArgument, cls: string, on: boolean) => {
      if (el.hasClass(cls) !== on) el.toggleClass(cls, on);
    };
    cy.batch(() => {
      const touched = lit.size || this.filtered.size ? cy.elements() : cy.elements('.filtered, .path, .answer, .faded');
      touched.forEach((el) => {
        const id = el.id();
        want(el, 'filtered', this.filtered.has(id) && !lit.has(id));
        want(el, 'path', path.has(id));
        want(el, 'answer', answer.has(id));
        want(el, 'faded', lit.size > 0 && !lit.has(id));
      });
    });
    this.markNear({ labels });
  }
}

/** Starts each new node beside the average of its drawn neighbours, so the layout moves it little. */
function placeBesideNeighbours(cy: Core, ids: readonly string[]): void {
  const fresh = new Set(ids);
  for (const id of ids) {
    const node = cy.getElementById(id);
    const anchors = node.neighborhood('node').filter((n) => !fresh.has(n.id())) as unknown as cytoscape.NodeCollection;
    const base = anchors.nonempty()
      ? anchors.reduce((acc: { x: number; y: number }, n: NodeSingular) => ({ x: acc.x + n.position('x') / anchors.length, y: acc.y + n.position('y') / anchors.length }), { x: 0, y: 0 })
      : { x: cy.extent().x1 + cy.extent().w / 2, y: cy.extent().y1 + cy.extent().h / 2 };
    const angle = Math.random() * Math.PI * 2;
    node.position({ x: base.x + Math.cos(angle) * 60, y: base.y + Math.sin(angle) * 60 });
    node.scratch('_placed', true);
  }
}

/** True when the browser offers a hardware-accelerated WebGL 2 context (not a software rasteriser). */
function hardwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}
