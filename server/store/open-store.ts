/** Opens the store the configuration names. The only place that picks an adapter. */
import type { Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { LadybugStore } from './ladybug/ladybug-store.js';

export interface OpenStoreOptions {
  /** Embedded: replace a damaged database file with an empty one instead of refusing it (npm run seed -- --reset). */
  reset?: boolean;
}

export async function openStore(store: Config['store'], { reset = false }: OpenStoreOptions = {}): Promise<GraphStore> {
  if (store.kind === 'embedded') return LadybugStore.open({ path: store.path, queryTimeoutMs: store.queryTimeoutMs, bufferPoolMb: store.bufferPoolMb, loadBufferPoolMb: store.loadBufferPoolMb, discardDamaged: reset });
  // Loaded only when chosen: the embedded default never loads neo4j-driver.
  const { Neo4jStore } = await import('./neo4j/neo4j-store.js');
  return Neo4jStore.open(store);
}
