/**
 * The graph on the page, put together from one-concern modules in graph/:
 * create (the renderer and gestures), diff (what changes), placement and
 * layout (where nodes go, repeatably), decorations (classes and sizes),
 * labels (which names show), viewport and export. This class only holds the
 * instance and calls them in order.
 */
import type { CollectionReturnValue, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphElement } from './elements.js';
import { createCore, type GraphEvents } from './graph/create.js';
import { decorate, markNear, NO_DECORATIONS, sizeNodes, type Decorations } from './graph/decorations.js';
import { diffElements, isEmptyDiff } from './graph/diff.js';
import { centrality, hubsOf } from './graph/importance.js';
import { nextLabelScale, placeLeanLabels, placeSceneLabels } from './graph/labels.js';
import { pinPositions, runLayout } from './graph/layout.js';
import { clearLabels, placeAround, type FreshNode, type Footprint } from './graph/placement.js';
import { applyViewport, centreOn, currentViewport, FIT_PADDING, fitTo, zoomBy } from './graph/viewport.js';
import { expectedLabelScale, renderPlan } from './scale.js';
import { explorerStyle } from './style.js';
import type { Point, Selection, SizeBy, Viewport } from './url-state.js';

export type { Highlight } from './graph/decorations.js';

export interface GraphViewOptions extends GraphEvents {
  container: HTMLElement;
  /** 'auto': WebGL for big scenes when it is hardware-accelerated. @default 'auto' */
  webgl?: 'auto' | 'always' | 'never';
}

export interface ShowOptions {
  /** Lay everything out afresh (first drawing, focus, overview, re-layout). */
  fresh?: boolean;
  /** On a fresh drawing, the nodes the force layout places; the rest go around their anchors. @default every node */
  base?: ReadonlySet<string>;
  /** Drawn neighbours a new node should sit beside, best first (the expanded node first). */
  anchorsOf?: (id: string) => string[];
  /** Anchors in this order are placed around first (the order of expanding). */
  anchorOrder?: readonly string[];
  /** Positions the user gave: never moved. */
  positions?: Readonly<Record<string, Point>>;
  /** Where the camera goes afterwards; null fits the drawing when anything new came in. */
  viewport?: Viewport | null;
}

export class GraphView {
  private core: Core | null = null;
  private webgl = false;
  private textureOnViewport = false;
  /** Big scene: labels only where the label pass puts them. */
  private lean = false;
  private scale = 1;
  private decorations: Decorations = NO_DECORATIONS;
  private sizeBy: SizeBy = 'degree';
  private hubs: string[] = [];
  private importance = new Map<string, number>();
  private labelFrame = 0;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
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

  /** The ids always labelled, most important first. */
  get hubIds(): readonly string[] {
    return this.hubs;
  }

  /**
   * Shows exactly these elements. Drawn nodes keep their place; new ones go
   * around their anchors; a fresh drawing runs the seeded force layout.
   */
  async show(elements: readonly GraphElement[], o: ShowOptions = {}): Promise<void> {
    const plan = renderPlan(elements.length, { webglAvailable: this.webglAvailable });
    const nodes = elements.filter((e) => e.group === 'nodes');
    const rebuild = !this.core || plan.webgl !== this.webgl || plan.textureOnViewport !== this.textureOnViewport;
    if (rebuild || o.fresh || this.cy.elements().empty()) {
      // Labels start at the size they will have after fitting, so the layout makes room for them.
      const scale = plan.webgl ? 1 : expectedLabelScale(nodes.length, this.options.container.clientWidth, this.options.container.clientHeight);
      if (rebuild && this.core) {
        this.core.destroy();
        this.core = null;
      }
      if (!this.core) this.core = this.create(elements, plan.webgl, scale, plan.textureOnViewport);
      else {
        this.setLabelScale(scale);
        this.core.batch(() => {
          this.core!.elements().remove();
          this.core!.add([...elements] as unknown as ElementDefinition[]);
        });
      }
      const cy = this.core;
      // The same steps as a live session took: lay out the base, make room for its hubs' names,
      // then place the rest around their anchors and put moved nodes where the user left them.
      const base = o.base ? cy.nodes().filter((n) => o.base!.has(n.id())) : cy.nodes();
      const baseElements = base.union(base.edgesWith(base));
      performance.mark('view:start');
      await runLayout(baseElements, plan.layout);
      performance.mark('view:layout');
      if (!this.lean) this.clearHubLabels(baseElements);
      performance.mark('view:hub-room');
      this.placeFresh(cy.nodes().filter((n) => !base.has(n)).map((n) => n.id()), o);
      pinPositions(cy, o.positions ?? {});
      this.afterChange();
      performance.mark('view:decorated');
      if (o.viewport) this.restore(o.viewport);
      else this.fit();
      performance.mark('view:fitted');
      return;
    }
    const cy = this.cy;
    const drawn = new Map(cy.elements().map((el) => [el.id(), el.data() as Record<string, unknown>]));
    const diff = diffElements(drawn, elements);
    if (isEmptyDiff(diff)) return;
    const freshNodes = diff.add.filter((e) => e.group === 'nodes').map((e) => e.data.id);
    cy.batch(() => {
      cy.remove(cy.elements().filter((el) => diff.remove.includes(el.id())));
      cy.add(diff.add as unknown as ElementDefinition[]);
      for (const e of diff.update) cy.getElementById(e.data.id).data(e.data as unknown as Record<string, unknown>);
    });
    this.placeFresh(freshNodes, o);
    pinPositions(cy, o.positions ?? {});
    this.afterChange();
    if (o.viewport) this.restore(o.viewport);
    else if (freshNodes.length && !this.inView(freshNodes)) this.fit();
    else this.scheduleLabels();
  }

  /** Filters, highlights, expanded and pinned marks. */
  setDecorations(d: Decorations): void {
    this.decorations = d;
    decorate(this.cy, d);
    this.cy.nodes().forEach((n) => void (this.decorations.pinned.has(n.id()) ? n.lock() : n.unlock()));
    this.refreshSelection();
  }

  /** Sizes nodes by a centrality computed here, or by degree. */
  setSizeBy(measure: SizeBy): void {
    if (measure === this.sizeBy && this.importance.size) return;
    this.sizeBy = measure;
    this.computeImportance();
    this.scheduleLabels();
  }

  /** Selects without telling the onSelect callback (the state already knows). */
  select(selection: Selection): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (selection) cy.getElementById(selection.id).select();
    });
    this.refreshSelection();
  }

  /** Selects several nodes (a multi-selection kept in the page, not the link). */
  selectMany(ids: readonly string[]): void {
    const set = new Set(ids);
    this.cy.batch(() => this.cy.nodes().forEach((n) => void (set.has(n.id()) ? n.select() : n.unselect())));
    this.refreshSelection();
  }

  centreOn(id: string): void {
    centreOn(this.cy, id);
  }

  /** Fits the drawing, settling label sizes for the new zoom, then one label pass. */
  fit({ labels = true } = {}): void {
    const cy = this.cy;
    const visible = cy.elements(':visible');
    for (let i = 0; i < 3; i++) {
      cy.fit(visible, FIT_PADDING);
      const next = this.webgl ? null : nextLabelScale(cy.zoom(), this.scale);
      if (next === null) break;
      this.setLabelScale(next);
    }
    if (labels) this.refreshLabels();
  }

  /**
   * Makes room for the hubs' names at the size they are drawn: nodes a hub's
   * label would cover are pushed aside (repeatably), then the drawing is
   * fitted again. Pinned nodes stay.
   */
  private clearHubLabels(eles: CollectionReturnValue): void {
    const cy = this.cy;
    const hubs = new Set(hubsOf(eles));
    // Each new label scale restyles every element: settle it in as few steps as possible.
    const fitBase = () => {
      for (let i = 0; i < 2; i++) {
        cy.fit(eles, FIT_PADDING);
        const next = this.webgl ? null : nextLabelScale(cy.zoom(), this.scale, 0.12);
        if (next === null) break;
        this.setLabelScale(next);
      }
    };
    fitBase();
    for (let pass = 0; pass < 2; pass++) {
      const items: Footprint[] = eles.nodes().map((n) => {
        const p = n.position();
        const w = n.outerWidth() / 2;
        const h = n.outerHeight() / 2;
        const item: Footprint = { id: n.id(), x: p.x, y: p.y, rx: w, ry: h };
        if (hubs.has(n.id())) {
          const l = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false });
          item.label = { dx1: l.x1 - p.x, dy1: l.y1 - p.y, dx2: l.x2 - p.x, dy2: l.y2 - p.y };
        }
        return item;
      });
      const moved = clearLabels(items, { gap: 4 * this.scale });
      if (!moved.size) break;
      cy.batch(() => moved.forEach((p, id) => void cy.getElementById(id).position(p)));
      fitBase();
    }
  }

  /** Zooms to a result (path, answer) so its names have room. */
  fitTo(ids: ReadonlySet<string>): void {
    fitTo(this.cy, ids);
    this.onZoom();
    this.refreshLabels();
  }

  zoomBy(factor: number): void {
    zoomBy(this.cy, factor);
  }

  get viewport(): Viewport {
    return currentViewport(this.cy);
  }

  restore(v: Viewport): void {
    applyViewport(this.cy, v);
    const next = this.webgl ? null : nextLabelScale(this.cy.zoom(), this.scale);
    if (next !== null) this.setLabelScale(next);
    this.refreshLabels();
  }

  /** Model positions of the drawn nodes. */
  positions(): Map<string, Point> {
    return new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  }

  /** One label pass, now (also what tests and the benchmark wait for). */
  refreshLabels(): void {
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = 0;
    clearTimeout(this.labelTimer);
    const cy = this.cy;
    sizeNodes(cy, this.sizeBy === 'degree' ? null : this.importance, cy.zoom());
    const inputs = { hubs: this.hubs, importance: this.importance, scale: this.scale, lean: this.lean };
    if (this.lean) placeLeanLabels(cy, inputs);
    else placeSceneLabels(cy, inputs);
  }

  private create(elements: readonly GraphElement[], webgl: boolean, scale: number, textureOnViewport: boolean): Core {
    this.webgl = webgl;
    this.textureOnViewport = textureOnViewport;
    this.lean = webgl || textureOnViewport;
    this.scale = scale;
    return createCore(this.options.container, elements, { webgl, textureOnViewport, labelScale: scale, lean: this.lean }, { ...this.options, onZoom: () => this.onZoom() });
  }

  private onZoom(): void {
    // Far off the right size, labels are resized at once: drawing 100 px text for even one frame is slow.
    if (!this.webgl) {
      const next = nextLabelScale(this.cy.zoom(), this.scale, 0.3);
      if (next !== null) this.setLabelScale(next);
    }
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.refreshLabels(), 60);
    this.options.onZoom?.();
  }

  private afterChange(): void {
    this.computeImportance();
  }

  private computeImportance(): void {
    const eles = this.cy.elements();
    this.hubs = hubsOf(eles);
    this.importance = centrality(eles, this.sizeBy);
  }

  private refreshSelection(): void {
    markNear(this.cy);
    this.scheduleLabels();
  }

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

  private placeFresh(ids: readonly string[], o: ShowOptions): void {
    if (!ids.length) return;
    const cy = this.cy;
    const fresh = new Set(ids);
    const drawn = new Map<string, Point>(cy.nodes().filter((n) => !fresh.has(n.id())).map((n) => [n.id(), { ...(n as unknown as NodeSingular).position() }] as [string, Point]));
    // Anchors in order; a node reached only through other new nodes is placed after them.
    const pending: FreshNode[] = ids.map((id) => {
      const n = cy.getElementById(id) as NodeSingular;
      const given = o.anchorsOf?.(id) ?? [];
      const around = n.neighborhood('node').map((m) => m.id()).sort();
      return { id, anchors: [...given.filter((a) => around.includes(a)), ...around.filter((a) => !given.includes(a))], weight: Number(n.data('degree') ?? 0), size: Number(n.data('size') ?? 30) };
    });
    for (let round = 0; round < 4 && pending.length; round++) {
      const ready = pending.filter((p) => p.anchors.some((a) => drawn.has(a)) || round === 3);
      const placed = placeAround(ready, drawn, { order: o.anchorOrder });
      cy.batch(() => placed.forEach((p, id) => void cy.getElementById(id).position(p)));
      placed.forEach((p, id) => drawn.set(id, p));
      for (const id of placed.keys()) pending.splice(pending.findIndex((p) => p.id === id), 1);
    }
  }

  private inView(ids: readonly string[]): boolean {
    const e = this.cy.extent();
    return ids.every((id) => {
      const p = (this.cy.getElementById(id) as unknown as NodeSingular).position();
      return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
    });
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
