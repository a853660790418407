/**
 * The thread that runs force layouts (layout-thread.ts starts it): fcose is
 * synchronous and takes from a fraction of a second to many seconds, which on
 * the server's own thread would stall every other request.
 */
import { parentPort } from 'node:worker_threads';
import { forceLayout, type LayoutEdge, type LayoutNode } from './force-layout.js';

export interface LayoutJob {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  scale: number;
  draft: boolean;
}

parentPort!.on('message', (job: LayoutJob) => {
  try {
    parentPort!.postMessage({ id: job.id, positions: forceLayout(job.nodes, job.edges, job.scale, { draft: job.draft }) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
