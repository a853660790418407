/**
 * The readable force layout's rules, shared by the page (client/src) and the
 * server, which lays out the overview once for every reader
 * (force-layout.ts): the same options, node sizes, label sizes and random
 * seed give the same picture on both sides. Pure: no Cytoscape import.
 */

/** The label font of the graph (client/src/style.ts) and its size at label scale 1. */
export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_FONT_PX = 12;
/** Labels wrap at this many model pixels at label scale 1. */
export const LABEL_MAX_WIDTH_PX = 120;

/**
 * Up to this many elements (nodes + relations) a scene gets the readable force
 * layout (and the page's canvas renderer); above it the page switches to WebGL
 * and a draft layout of its own, and the server lays out nothing.
 */
export const READABLE_MAX_ELEMENTS = 3000;
/** Nodes the page's overview asks for; a bigger graph opens on its best-connected part. */
export const OVERVIEW_LIMIT = 2000;

/**
 * The graph canvas of the page in the most common desktop windows (1280x800
 * and 1920x1080), measured in Chromium: the server lays the overview out for
 * these ahead of the first reader.
 */
export const COMMON_CANVASES: readonly { width: number; height: number }[] = [
  { width: 720, height: 506 },
  { width: 1360, height: 818 },
];

/** Up to this many elements a scene gets the draft force layout (draftLayout); above it, a grid. */
export const DRAFT_MAX_ELEMENTS = 20000;

/** The node border (client/src/style.ts): part of a node's box. */
export const BORDER_PX = 2;
/** The gap between a node and its label at label scale 1 (text-margin-y). */
export const LABEL_MARGIN_PX = 3;
/** The page's highest zoom (client/src/graph/create.ts). */
export const MAX_ZOOM = 4;

/** Space the page leaves around a fitted drawing, in screen pixels. */
export const FIT_PADDING = 16;

/** Node diameter in model pixels for its number of relations. */
export function nodeSize(degree: number): number {
  return Math.round(30 + 10 * Math.sqrt(Math.max(0, degree)));
}

/**
 * How much to grow label fonts at this zoom so a 12 px label still renders at
 * about `screenPx`, never shrinking below the stylesheet's size.
 */
export function labelScale(zoom: number, { screenPx = 11, min = 1, max = 6 } = {}): number {
  if (!(zoom > 0)) return 1;
  return Math.min(max, Math.max(min, screenPx / 12 / zoom));
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

/**
 * The label scale a first layout uses: the expected one in steps of a quarter,
 * so screens of about the same size share one layout (the server keeps one per
 * step). The fit afterwards sets the exact scale.
 */
export function layoutLabelScale(nodes: number, width: number, height: number): number {
  return Math.round(expectedLabelScale(nodes, width, height) * 4) / 4;
}

/** The bits of a Cytoscape element the layout functions read. */
export interface Degreed {
  data(key: string): unknown;
  degree?(includeLoops: boolean): number;
}
interface Ended {
  source(): Degreed;
  target(): Degreed;
}

/** The degree drawn in the scene, falling back to the one the API reported. */
function degreeOf(node: Degreed): number {
  const drawn = node.degree?.(false);
  return typeof drawn === 'number' ? drawn : Number(node.data('degree') ?? 0);
}

/** The readable layout: fcose keeps labels apart by counting them in node sizes. */
export function readableLayout(options: { randomize: boolean; animate: boolean }): Record<string, unknown> & { name: string } {
  return {
    name: 'fcose',
    // 'default', not 'proof': about half the CPU time on the seed story. The label pass measures where each name
    // really went (client/src/graph/labels.ts), so the layout no longer has to leave room for its estimates' errors.
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

/** The draft layout of big scenes: fewer iterations, sampled, and labels left out of node sizes (few are drawn). */
export function draftLayout(): Record<string, unknown> & { name: string } {
  return { name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true, padding: 20, nodeDimensionsIncludeLabels: false, packComponents: false, numIter: 300, sampleSize: 25, samplingType: true };
}

/** A small, fast seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from the ids drawn (order does not matter): the same story lays out the same way. */
export function storySeed(ids: Iterable<string>): number {
  let h = 2166136261;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 44, 16777619);
  }
  return h >>> 0;
}

/**
 * Runs `work` with Math.random replaced by a seeded generator. Layout
 * libraries (fcose) draw their random start from Math.random and run
 * synchronously, so this makes them repeatable without forking them.
 */
export function withSeed<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
