/**
 * The one place that calls cytoscape(): the renderer (canvas, or WebGL for
 * big scenes on a GPU) and the user's gestures turned into callbacks.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import type { GraphElement } from '../elements.js';
import { explorerStyle, type LabelScaleRef } from '../style.js';
import { MAX_ZOOM } from '../../../server/layout/readable.js';
import type { Point, Selection } from '../url-state.js';

declare global {
  interface Window {
    cy?: Core;
  }
}

export interface GraphEvents {
  /** The user tapped a node, an edge, or the background (null). */
  onSelect: (selection: Selection) => void;
  /** Box-selection ended: the ids now selected. */
  onMultiSelect?: (ids: string[]) => void;
  /** Shift-click on a node: add it to, or take it from, the multi-selection. */
  onShiftTap?: (id: string) => void;
  /** The user double-tapped a node: expand it. */
  onExpand?: (id: string) => void;
  /** Right-click or long press on a node or edge, at a point on the page. */
  onContextMenu?: (id: string, at: Point) => void;
  /** The pointer rests on an element (null: left it), at a point on the page. */
  onHover?: (id: string | null, at: Point) => void;
  /** Nodes the user dragged, with their new model positions. */
  onMoved?: (moved: Record<string, Point>) => void;
  /** Zoom or pan changed (after the gesture). */
  onViewport?: () => void;
  /** Zoom changed (during the gesture). */
  onZoom?: () => void;
}

export interface RendererOptions {
  webgl: boolean;
  textureOnViewport: boolean;
  /** Read by the stylesheet whenever a style is computed: change its value, then update the elements' style. */
  labelScale: LabelScaleRef;
  lean: boolean;
}

export function createCore(container: HTMLElement, elements: readonly GraphElement[], r: RendererOptions, events: GraphEvents): Core {
  const cy = cytoscape({
    container,
    elements: [...elements] as unknown as ElementDefinition[],
    style: explorerStyle({ labelScale: r.labelScale, lean: r.lean }),
    // No fit here: the view lays out, then fits once (a fit now measures every label of a big scene for nothing).
    layout: { name: 'preset', fit: false },
    minZoom: 0.05,
    maxZoom: MAX_ZOOM,
    boxSelectionEnabled: true,
    selectionType: 'single',
    textureOnViewport: r.textureOnViewport,
    hideEdgesOnViewport: false,
    pixelRatio: r.webgl ? 1 : 'auto',
    ...(r.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  wire(cy, container, events);
  if (!r.webgl) shareLabelMeasures(cy);
  window.cy = cy;
  return cy;
}

type Measured = { width: number; height: number };
/** The renderer's label measure and the parsed-style reader it uses (neither in Cytoscape's types). */
type Styled = { pstyle(name: string): { strValue?: string } };
type MeasuringRenderer = { calculateLabelDimensions?: (ele: Styled, text: string) => Measured };

/**
 * Cytoscape (3.34) measures a label again, setting the canvas font each time, whenever an element's label
 * style changes, and several times per label while wrapping it: every label-size change re-measured every
 * name two or three times. A text's size in a font does not change, so measures are shared across elements
 * and kept (bounded) for the page's life; zooming back to a label size seen before then measures nothing.
 */
export function shareLabelMeasures(cy: Core, limit = 20_000): void {
  const renderer = (cy as unknown as { renderer(): MeasuringRenderer }).renderer();
  const measure = renderer.calculateLabelDimensions;
  if (typeof measure !== 'function') return;
  const known = new Map<string, Measured>();
  renderer.calculateLabelDimensions = function (ele, text) {
    const font = ['font-style', 'font-weight', 'font-size', 'font-family', 'text-metrics'].map((p) => ele.pstyle(p).strValue).join('|');
    const key = `${font}\u0000${text}`;
    let dims = known.get(key);
    if (!dims) {
      if (known.size >= limit) known.clear();
      dims = measure.call(this, ele, text);
      known.set(key, dims);
    }
    // Cytoscape keeps the object it gets: each caller has its own copy.
    return { ...dims };
  };
}

function wire(cy: Core, container: HTMLElement, events: GraphEvents): void {
  const page = (event: EventObject): Point => {
    const box = container.getBoundingClientRect();
    const p = event.renderedPosition ?? { x: 0, y: 0 };
    return { x: box.left + p.x, y: box.top + p.y };
  };
  cy.on('tap', (event: EventObject) => {
    const shift = (event.originalEvent as MouseEvent | undefined)?.shiftKey;
    if (shift && event.target !== cy && event.target.isNode?.()) {
      // After Cytoscape's own single selection has run, the page sets the multi-selection.
      const id = event.target.id();
      setTimeout(() => events.onShiftTap?.(id), 0);
      return;
    }
    if (event.target === cy) events.onSelect(null);
    else if (event.target.isNode?.()) events.onSelect({ type: 'node', id: event.target.id() });
    else if (event.target.isEdge?.()) events.onSelect({ type: 'edge', id: event.target.id() });
  });
  cy.on('boxend', () => setTimeout(() => events.onMultiSelect?.(cy.$('node:selected').map((n) => n.id())), 0));
  cy.on('dbltap', 'node', (event: EventObject) => events.onExpand?.(event.target.id()));
  cy.on('cxttap', 'node, edge', (event: EventObject) => events.onContextMenu?.(event.target.id(), page(event)));
  cy.on('mouseover', 'node, edge', (event: EventObject) => {
    container.style.cursor = 'pointer';
    if (event.target.isNode()) (event.target as NodeSingular).removeClass('quiet').connectedEdges().addClass('near');
    events.onHover?.(event.target.id(), page(event));
  });
  cy.on('mouseout', 'node, edge', (event: EventObject) => {
    container.style.cursor = '';
    if (event.target.isNode() && !event.target.selected()) (event.target as NodeSingular).connectedEdges().filter((e) => e.connectedNodes(':selected').empty()).removeClass('near');
    events.onHover?.(null, page(event));
  });
  cy.on('dragfree', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    events.onMoved?.({ [node.id()]: { ...node.position() } });
  });
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => events.onViewport?.(), 250);
  });
  cy.on('zoom', () => events.onZoom?.());
}

/** True when the browser offers a hardware-accelerated WebGL 2 context (not a software rasteriser). */
export function hardwareWebGL(): boolean {
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
