/**
 * The graph on the page, put together from one-concern modules in graph/:
 * create (the renderer and gestures), diff (what changes), placement and
 * layout (where nodes go, repeatably), decorations (classes and sizes),
 * labels (which names show), viewport and export. This class only holds the
 * instance and calls them in order.
 */
import type { CollectionReturnValue, Core, ElementDefinition } from 'cytoscape';
import type { GraphElement } from './elements.js';
import { createCore, hardwareWebGL, type GraphEvents } from './graph/create.js';
import { decorate, markNear, NO_DECORATIONS, sizeNodes, type Decorations } from './graph/decorations.js';
import { diffElements, isEmptyDiff } from './graph/diff.js';
import { placeFreshNodes } from './graph/fresh.js';
import { makeRoomForHubs } from './graph/hub-room.js';
import { centrality, hubsOf } from './graph/importance.js';
import { covers, labelRegion, nextLabelScale, placeLeanLabels, placeSceneLabels, type Region } from './graph/labels.js';
import { applyLayout, pinPositions, runLayout, type LaidOut } from './graph/layout.js';
import { allInView, applyViewport, centreOn, currentViewport, FIT_PADDING, fitTo, zoomBy } from './graph/viewport.js';
import { expectedLabelScale, LABEL_SCALE_TOLERANCE, renderPlan, WEBGL_THRESHOLD } from './scale.js';
import type { LabelScaleRef } from './style.js';
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
  /** On a fresh drawing, a layout made already (the server's, of the overview): used when it places every base node. */
  layout?: LaidOut | null;
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
  /** The label scale the stylesheet reads (style.ts); `scale` is its value. */
  private readonly labelScale: LabelScaleRef = { value: 1 };
  private decorations: Decorations = NO_DECORATIONS;
  private sizeBy: SizeBy = 'degree';
  private hubs: string[] = [];
  private importance = new Map<string, number>();
  private labelFrame = 0;
  /** Where the last label pass placed labels (null: everywhere; undefined: no pass yet). */
  private labelled: Region | null | undefined;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private webglProbe: boolean | undefined;

  constructor(private readonly options: GraphViewOptions) {
    // Cytoscape only watches the window; panels and the timeline also resize the canvas.
    new ResizeObserver(() => this.core?.resize()).observe(options.container);
  }

  /** Whether a big scene may use WebGL: probed on the first big one only (a context costs 100-200 ms in SwiftShader). */
  private webglAvailable(elementCount: number): boolean {
    const mode = this.options.webgl ?? 'auto';
    if (mode !== 'auto' || elementCount <= WEBGL_THRESHOLD) return mode === 'always';
    this.webglProbe ??= hardwareWebGL();
    return this.webglProbe;
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
    const plan = renderPlan(elements.length, { webglAvailable: this.webglAvailable(elements.length) });
    const nodes = elements.filter((e) => e.group === 'nodes');
    const rebuild = !this.core || plan.webgl !== this.webgl || plan.textureOnViewport !== this.textureOnViewport;
    if (rebuild || o.fresh || this.cy.elements().empty()) {
      // Labels start at the size they will have after fitting, so the layout makes room for them.
      const given = o.layout;
      // A layout from the server comes with the label scale the fit settles on.
      const scale = plan.webgl ? 1 : given ? given.labelScale : expectedLabelScale(nodes.length, this.options.container.clientWidth, this.options.container.clientHeight);
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
      // The view fits once the names have room: a fit inside the layout would resize every label for nothing.
      if (!applyLayout(cy, base, given)) await runLayout(baseElements, { ...plan.layout, fit: false });
      performance.mark('view:layout');
      if (!this.lean) this.clearHubLabels(baseElements);
      performance.mark('view:hub-room');
      placeFreshNodes(cy, cy.nodes().filter((n) => !base.has(n)).map((n) => n.id()), o);
      pinPositions(cy, o.positions ?? {});
      this.computeImportance();
      performance.mark('view:decorated');
      // One label pass in the next frame: the steps after a drawing (decorations, selection) ask for one too.
      if (o.viewport) this.restore(o.viewport, { labels: false });
      else this.fit({ labels: false });
      this.scheduleLabels();
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
    placeFreshNodes(cy, freshNodes, o);
    pinPositions(cy, o.positions ?? {});
    this.computeImportance();
    if (o.viewport) this.restore(o.viewport);
    else if (freshNodes.length && !allInView(cy, freshNodes)) this.fit();
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
    // The nodes and their names: edges run between nodes, and their boxes would cost every curve and every
    // relation's label measured (about 200 ms on the seed story's first drawing) to gain a few pixels of margin.
    const visible = cy.nodes(':visible');
    for (let i = 0; i < 3; i++) {
      cy.fit(visible, FIT_PADDING);
      if (!this.settleLabelScale()) break;
    }
    if (labels) this.refreshLabels();
  }

  /** Makes room for the hubs' names at the size they are drawn, then fits the base again (graph/hub-room.ts). */
  private clearHubLabels(eles: CollectionReturnValue): void {
    const cy = this.cy;
    // Fitted on the nodes only: the edges lie between them, and an edge's box costs its curve, which each
    // label-size change and each move would compute again; the view's own fit afterwards computes them once.
    const nodes = eles.nodes();
    // Each new label scale restyles every element: settle it in as few steps as possible.
    const settle = () => {
      for (let i = 0; i < 2; i++) {
        cy.fit(nodes, FIT_PADDING);
        if (!this.settleLabelScale(LABEL_SCALE_TOLERANCE)) break;
      }
    };
    makeRoomForHubs(cy, eles, { gap: () => 4 * this.scale, settle });
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

  restore(v: Viewport, { labels = true } = {}): void {
    applyViewport(this.cy, v);
    this.settleLabelScale();
    if (labels) this.refreshLabels();
  }

  /** Model positions of the drawn nodes. */
  positions(): Map<string, Point> {
    return new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  }

  /** Runs the label pass a step asked for now, not in the next frame: that frame then draws the names where they go, once. */
  flushLabels(): void {
    if (this.labelFrame) this.refreshLabels();
  }

  /**
   * One label pass, now (also what tests and the benchmark wait for): over what is on screen and around
   * it, or over the whole graph (`everywhere`, before an export draws all of it).
   */
  refreshLabels({ everywhere = false } = {}): void {
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = 0;
    clearTimeout(this.labelTimer);
    const cy = this.cy;
    sizeNodes(cy, this.sizeBy === 'degree' ? null : this.importance, cy.zoom());
    const inputs = { hubs: this.hubs, importance: this.importance, scale: this.scale, lean: this.lean };
    // The lean pass labels what is on screen; the measured one a margin around it too.
    this.labelled = everywhere && !this.lean ? null : labelRegion(cy, this.lean ? 0 : 0.25);
    if (this.lean) placeLeanLabels(cy, inputs);
    else placeSceneLabels(cy, inputs, this.labelled);
  }

  private create(elements: readonly GraphElement[], webgl: boolean, scale: number, textureOnViewport: boolean): Core {
    this.webgl = webgl;
    this.textureOnViewport = textureOnViewport;
    this.lean = webgl || textureOnViewport;
    this.scale = scale;
    this.labelScale.value = scale;
    return createCore(this.options.container, elements, { webgl, textureOnViewport, labelScale: this.labelScale, lean: this.lean }, {
      ...this.options,
      onZoom: () => this.onZoom(),
      onViewport: () => {
        this.onViewportSettled();
        this.options.onViewport?.();
      },
    });
  }

  private onZoom(): void {
    // Far off the right size, labels are resized at once: drawing 100 px text for even one frame is slow.
    this.settleLabelScale(0.3);
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.refreshLabels(), 60);
    this.options.onZoom?.();
  }

  /** After a pan (or any camera move) has settled: places the labels of what the last pass did not cover. */
  private onViewportSettled(): void {
    const seen = labelRegion(this.cy, 0);
    if (seen && this.labelled !== undefined && !covers(this.labelled, seen)) this.scheduleLabels();
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

  /** Resizes labels for the current zoom when they are off by more than `tolerance`; true when it did. */
  private settleLabelScale(tolerance?: number): boolean {
    const next = this.webgl ? null : nextLabelScale(this.cy.zoom(), this.scale, tolerance);
    if (next !== null) this.setLabelScale(next);
    return next !== null;
  }

  private setLabelScale(scale: number): void {
    performance.mark('view:label-scale');
    this.scale = scale;
    this.labelScale.value = scale;
    // The stylesheet's scaled sizes read labelScale (style.ts): only those are computed again.
    this.cy.style().update();
  }

}
