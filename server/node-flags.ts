/**
 * Prints the V8 options the server runs with, from the configuration
 * (NODE_MAX_SEMI_SPACE_MB, NODE_HEAP_GROWING_PERCENT, NODE_MAX_OLD_SPACE_MB; config.ts says why), for
 * npm start: `node $(node dist/server/node-flags.js) dist/server/main.js`.
 * Heap sizes must be given to node when it starts; the server cannot set
 * them for itself. A bad configuration prints nothing: main.ts reports it.
 */
import { nodeFlags, readConfig } from './config.js';

try {
  process.stdout.write(nodeFlags(readConfig().runtime).join(' '));
} catch {
  // main.ts reads the same configuration and says what is wrong with it.
}
