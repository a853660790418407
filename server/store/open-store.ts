/** Opens the store the configuration names. The only place that picks an adapter. */
import type { Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { LadybugStore } from './ladybug-store.js';

export async function openStore(store: Config['store']): Promise<GraphStore> {
  if (store.kind === 'embedded') return LadybugStore.open({ path: store.path, queryTimeoutMs: store.queryTimeoutMs });
  throw new Error('GRAPH_STORE=neo4j: the Neo4j adapter is not built yet; use the embedded store.');
}
