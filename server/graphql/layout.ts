/**
 * `Subgraph.layout`: the force layout of a subgraph (readable up to 3,000
 * elements, draft up to 20,000; server/layout/force-layout.ts), for a canvas
 * of the reader's size. Laying out costs from a few hundred milliseconds of
 * CPU (the seed story) to many seconds (thousands of elements), on a thread of
 * its own (server/layout/layout-thread.ts). Each result is kept, keyed by what
 * it depends on: the nodes (id, name, degree), the relations' ends and the
 * expected label scale; the label scale of the answer is fitted to each canvas
 * (cheap). A changed story has other contents and so other keys; the least
 * recently used layouts go first.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Subgraph } from '../domain/types.js';
import { BadInput } from '../domain/errors.js';
import { fittedLabelScale } from '../layout/fit.js';
import type { Position } from '../layout/force-layout.js';
import { layoutOffThread } from '../layout/layout-thread.js';
import { COMMON_CANVASES, DRAFT_MAX_ELEMENTS, layoutLabelScale, OVERVIEW_LIMIT, READABLE_MAX_ELEMENTS } from '../layout/readable.js';
import type { GraphStore } from '../store/graph-store.js';

export interface SubgraphLayout {
  labelScale: number;
  positions: Position[];
}

/** Canvas sizes a layout is asked for, in CSS pixels. */
const MIN_SIDE = 100;
const MAX_SIDE = 10_000;

const layouts = new LRUCache<string, Position[]>({ max: 32 });

function contentKey(g: Subgraph, scale: number | 'draft'): string {
  const h = createHash('sha1');
  for (const n of [...g.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) h.update(`${n.id}\u0000${n.name}\u0000${n.degree}\u0001`);
  const ends = g.edges.map((e) => `${e.id}\u0000${e.from}\u0000${e.to}`).sort();
  for (const e of ends) h.update(`${e}\u0001`);
  return `${scale}:${h.digest('base64')}`;
}

/** How long a request waits for a layout being made; after that it gets null and the layout lands in the cache. */
export const LAYOUT_WAIT_MS = 5000;

const inFlight = new Map<string, Promise<Position[]>>();

/**
 * The layout for a canvas of width x height CSS pixels. Null above 20,000
 * elements (a grid is as good), when the layout takes longer than `waitMs`
 * (it is kept for the next request), or when it failed; the client then lays
 * the subgraph out itself.
 */
export async function layoutOf(g: Subgraph, width: number, height: number, { waitMs = LAYOUT_WAIT_MS } = {}): Promise<SubgraphLayout | null> {
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) throw new BadInput(`layout: ${name} must be a whole number of CSS pixels from ${MIN_SIDE} to ${MAX_SIDE} (the graph canvas's size); got ${v}.`);
  }
  const elements = g.nodes.length + g.edges.length;
  if (elements > DRAFT_MAX_ELEMENTS) return null;
  // A big scene gets the draft layout, which leaves labels out: one layout for every canvas.
  const draft = elements > READABLE_MAX_ELEMENTS;
  // Canvases of about the same size share a layout: the expected label scale in quarter steps.
  const expected = layoutLabelScale(g.nodes.length, width, height);
  const key = contentKey(g, draft ? 'draft' : expected);
  let positions = layouts.get(key) ?? null;
  if (!positions) {
    let job = inFlight.get(key);
    if (!job) {
      // Laid out with room for labels at the expected scale, as the page itself would. Not again at the fitted
      // scale: bigger labels spread the drawing, which zooms out further and asks for bigger labels still.
      job = layoutOffThread(g.nodes, g.edges, expected, { draft }).then((p) => {
        layouts.set(key, p);
        return p;
      });
      const settled = job.finally(() => inFlight.delete(key));
      settled.catch(() => undefined);
      inFlight.set(key, job);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = Number.isFinite(waitMs)
      ? [
          new Promise<null>((resolve) => {
            timer = setTimeout(() => resolve(null), waitMs);
          }),
        ]
      : [];
    positions = await Promise.race([job, ...late]).catch((err: Error) => {
      console.error(`Subgraph.layout: ${err.message}; the client lays the subgraph out itself.`);
      return null;
    });
    clearTimeout(timer);
    if (!positions) return null;
  }
  return { labelScale: fittedLabelScale(g.nodes, positions, width, height, { start: expected, labels: !draft }), positions };
}

/**
 * Lays out the overview the page opens on, for the canvases of common
 * windows (the draft layout of a big graph serves every canvas), ahead of the
 * first reader: `npm start` runs it once the store is warm. Failures are the
 * first reader's to meet again, not the server's.
 */
export async function warmOverviewLayouts(store: Pick<GraphStore, 'graph'>): Promise<void> {
  const g = await store.graph({ kinds: null, types: null, limit: OVERVIEW_LIMIT });
  for (const canvas of COMMON_CANVASES) {
    const laid = await layoutOf(g, canvas.width, canvas.height, { waitMs: Number.POSITIVE_INFINITY });
    if (!laid || g.nodes.length + g.edges.length > READABLE_MAX_ELEMENTS) break;
  }
}
