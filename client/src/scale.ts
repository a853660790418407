/**
 * How to draw a graph of a given size: the readable force layout for story-
 * sized graphs, WebGL and a cheap layout above a few thousand elements.
 * Plain option objects, shared with the benchmark's bare Cytoscape page.
 */
import { DRAFT_MAX_ELEMENTS, draftLayout, expectedLabelScale, OVERVIEW_LIMIT, READABLE_MAX_ELEMENTS, readableLayout } from '../../server/layout/readable.js';
export { expectedLabelScale, OVERVIEW_LIMIT };

/** The page restyles labels when the fitted zoom asks for a label scale off by more than this share. */
export const LABEL_SCALE_TOLERANCE = 0.12;

/** Above this many elements (nodes + edges) the page switches to the WebGL renderer. */
export const WEBGL_THRESHOLD = READABLE_MAX_ELEMENTS;
/** Above this many the layout is a grid: even a draft force layout would stall the page. */
export const GRID_THRESHOLD = DRAFT_MAX_ELEMENTS;
/** Animate a re-layout only while the scene is this small. */
const ANIMATE_LIMIT = 400;

export interface RenderPlan {
  webgl: boolean;
  /** Pan and zoom a snapshot instead of redrawing every frame (big scenes on canvas). */
  textureOnViewport: boolean;
  layout: Record<string, unknown> & { name: string };
}

export interface PlanOptions {
  /** Re-laying out a scene already drawn: keep positions, animate when small. */
  relayout?: boolean;
  /**
   * Whether WebGL is worth it: a hardware-accelerated context. Software WebGL
   * (SwiftShader, llvmpipe) is slower than the canvas renderer, so big scenes
   * then stay on canvas with a snapshot while panning. @default true
   */
  webglAvailable?: boolean;
}

export function renderPlan(elementCount: number, { relayout = false, webglAvailable = true }: PlanOptions = {}): RenderPlan {
  const big = elementCount > WEBGL_THRESHOLD;
  const webgl = big && webglAvailable;
  if (elementCount > GRID_THRESHOLD) return { webgl, textureOnViewport: big && !webgl, layout: { name: 'grid', fit: true, padding: 20, avoidOverlap: false, animate: false } };
  if (big) {
    return {
      webgl,
      textureOnViewport: !webgl,
      layout: draftLayout(),
    };
  }
  return { webgl: false, textureOnViewport: false, layout: readableLayout({ randomize: !relayout, animate: relayout && elementCount < ANIMATE_LIMIT }) };
}

/** The graph canvas's size to ask the server's layout for; undefined while it has no size (hidden). */
export function canvasSize(el: { clientWidth: number; clientHeight: number } | null): { width: number; height: number } | undefined {
  if (!el || el.clientWidth < 100 || el.clientHeight < 100) return undefined;
  return { width: Math.min(10_000, Math.round(el.clientWidth)), height: Math.min(10_000, Math.round(el.clientHeight)) };
}
