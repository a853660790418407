/**
 * How to draw a graph of a given size: the readable force layout for story-
 * sized graphs, WebGL and a cheap layout above a few thousand elements.
 * Plain option objects, shared with the benchmark's bare Cytoscape page.
 */
import { labelScale } from './label-culling.js';

/** Above this many elements (nodes + edges) the page switches to the WebGL renderer. */
export const WEBGL_THRESHOLD = 3000;
/** Above this many the layout is a grid: even a draft force layout would stall the page. */
export const GRID_THRESHOLD = 20000;
/** Nodes the overview asks for; a bigger graph opens on its best-connected part. */
export const OVERVIEW_LIMIT = 2000;
/** Animate a re-layout only while the scene is this small. */
const ANIMATE_LIMIT = 400;

/** The bits of a Cytoscape element the layout functions read (no cytoscape import here). */
interface Degreed { data(key: string): unknown; degree?(includeLoops: boolean): number }
interface Ended { source(): Degreed; target(): Degreed }

/** The degree drawn in the scene, falling back to the one the API reported. */
function degreeOf(node: Degreed): number {
  const drawn = node.degree?.(false);
  return typeof drawn === 'number' ? drawn : Number(node.data('degree') ?? 0);
}

export interface RenderPlan {
  webgl: boolean;
  /** Pan and zoom a snapshot instead of redrawing every frame (big scenes on canvas). */
  textureOnViewport: boolean;
  layout: Record<string, unknown> & { name: string };
}

/** The readable layout: fcose keeps labels apart by counting them in node sizes. */
export function readableLayout(options: { randomize: boolean; animate: boolean }): RenderPlan['layout'] {
  return {
    name: 'fcose',
    // 'default', not 'proof': about half the CPU time on the seed story. The label pass measures where each name
    // really went (graph/labels.ts), so the layout no longer has to leave room for its estimates' errors.
    quality: 'default',
    randomize: options.randomize,
    animate: options.animate,
    animationDuration: 450,
    fit: true,
    padding: 24,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    packComponents: true,
    nodeRepulsion: (node: Degreed) => 9000 + 900 * degreeOf(node),
    // A hub's edges are longer, so its many neighbours find room around it.
    idealEdgeLength: (edge: Ended) => 45 + 6.5 * Math.max(degreeOf(edge.source()), degreeOf(edge.target())),
    edgeElasticity: 0.45,
    nestingFactor: 0.1,
    gravity: 0.25,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
    nodeSeparation: 60,
  };
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
      layout: { name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true, padding: 20, nodeDimensionsIncludeLabels: false, packComponents: false, numIter: 300, sampleSize: 25, samplingType: true },
    };
  }
  return { webgl: false, textureOnViewport: false, layout: readableLayout({ randomize: !relayout, animate: relayout && elementCount < ANIMATE_LIMIT }) };
}

/**
 * A guess of the label scale the first fit will settle on (the zoom at which
 * `nodes` labelled nodes, ~220 model px apart, fill the canvas), so the first
 * layout already makes room for labels at their final size.
 */
export function expectedLabelScale(nodes: number, width: number, height: number): number {
  const zoom = Math.sqrt(Math.max(1, width * height) / Math.max(1, nodes * 220 * 220));
  return Math.max(1, labelScale(Math.min(1, zoom)));
}
