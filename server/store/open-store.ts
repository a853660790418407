/** Opens the store the configuration names. The only place that picks an adapter. */
import type { Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { LadybugStore } from './ladybug-store.js';

export async function openStore(store: Config['store']): Promise<GraphStore> {
  if (store.kind === 'embedded') return LadybugStore.open({ path: store.path, queryTimeoutMs: store.queryTimeoutMs });
  // Loaded only when chosen: the embedded default never loads neo4j-driver.
  const { Neo4jStore } = await import('./neo4j-store.js');
  return Neo4jStore.open(store);
}
