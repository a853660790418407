/** The benchmark's server process: the real app over the store the given environment names, or a bare Yoga hello-world. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, createSchema } from 'graphql-yoga';
import { buildApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { openStore } from '../server/store/open-store.js';

const [mode, storeEnv] = process.argv.slice(2);

if (mode === 'hello' || mode === 'hello-lean') {
  // hello: Yoga's defaults. hello-lean: less its body-size stream, which the API does without (it bounds bodies
  // before Yoga): as the transport's floor, a hello-world that still paid that cost would credit the API with time it does not spend.
  const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }), logging: false, ...(mode === 'hello-lean' ? { maxRequestBodySize: false as const } : {}) });
  const server = http.createServer(yoga);
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
} else {
  const config = readConfig({ NODE_ENV: 'production', ...JSON.parse(storeEnv || '{}'), RESPONSE_CACHE: mode === 'cached' ? 'true' : 'false', LOG_LEVEL: 'error' });
  const store = await openStore(config.store);
  const { app } = buildApp({ store, config, log: () => undefined });
  // Timed once warm, as a user is served after /ready: the in-memory indexes and the full-text scan of a
  // million relations take about 25 s after open, and requests sampled meanwhile timed the warm-up.
  for (let w = store.warming?.(); w; w = store.warming?.()) await w;
  const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}
process.on('message', (m) => {
  if (m === 'memory') process.send?.({ ...process.memoryUsage(), peakRssKb: peakRss() });
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'exit') process.exit(0);
});

function peakRss(): number {
  // VmHWM: the highest resident set size this process reached.
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
