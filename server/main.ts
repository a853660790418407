/**
 * npm start: read the config once, open the store, seed it when empty (now,
 * or once the database answers: startup-seed.ts), build the page when it is
 * missing, listen, and print the URL. SIGHUP reloads the story from
 * seed/data; SIGINT/SIGTERM close the store cleanly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { describeSettled, settleInterruptedSave } from './curation/settle.js';
import { PROJECT_ROOT, nodeFlags, readConfig } from './config.js';
import { InvalidStory } from './domain/errors.js';
import { StartupSeed } from './startup-seed.js';
import { openStore } from './store/open-store.js';
import { readStory } from './domain/story/read-story.js';
import { formatSummary, readingOf } from './domain/story/summary.js';
import { startLayoutThread } from './layout/layout-thread.js';
import { warmOverviewLayouts } from './graphql/layout.js';

let STORY = { data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') };

async function main() {
  const config = readConfig();
  const unapplied = nodeFlags(config.runtime).filter((flag) => !process.execArgv.includes(flag) && !(process.env.NODE_OPTIONS ?? '').includes(flag));
  if (unapplied.length) console.log(`Note: the heap options ${unapplied.join(' ')} are not applied (npm start passes them; or give them to node).`);
  // STORY_DIR (default seed/): the story the graph starts from, reloads on SIGHUP and curator mode changes.
  STORY = { data: path.join(config.curation.story, 'data'), articles: path.join(config.curation.story, 'articles') };
  const store = await openStore(config.store);
  settle();
  let seed: StartupSeed | null = null;
  const { app, reload } = buildApp({ store, config, notReady: () => seed?.notReady() ?? null });
  // An empty graph is seeded now, or, when the database does not answer yet, as soon as it does.
  seed = new StartupSeed({
    store,
    // A curation save killed half-way is finished (or rolled back) first, so the story read is whole.
    readStory: () => {
      settle();
      return readStory(STORY);
    },
    load: reload,
    describe: async (loaded, story) => formatSummary({ loaded, stats: await store.stats(), target: String(store), read: readingOf(story) }),
  });
  await seed.start();
  buildClientIfMissing();

  const server = app.listen(config.port, config.host);
  // The thread that lays out the overview for each reader's canvas (Subgraph.layout), and the overview laid out
  // for common windows once the store is warm, before the first reader asks.
  startLayoutThread();
  void Promise.resolve(store.warming?.())
    .then(() => warmOverviewLayouts(store))
    .catch(() => undefined);
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') console.error(`Port ${config.port} is already in use. Stop the other process or start with PORT=<another port>.`);
    else console.error(`Could not listen on ${config.host}:${config.port}: ${err.message}`);
    void store.close().finally(() => process.exit(1));
  });
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`Explorer:  http://${host}:${port}/`);
    console.log(`GraphQL:   http://${host}:${port}/graphql${config.graphiql ? '  (GraphiQL in a browser)' : ''}`);
  });

  process.on('SIGHUP', () => {
    console.log('SIGHUP: reloading the story from seed/data ...');
    try {
      settle();
    } catch (err) {
      return void console.error(`Reload refused; the graph is unchanged: ${(err as Error).message}`);
    }
    reload(readStory(STORY)).then(
      (s) => console.log(`Reloaded: ${s.entities} entities, ${s.relations} relations in ${Math.round(s.milliseconds)} ms.`),
      (err) => console.error(err instanceof InvalidStory ? `Reload refused; the graph is unchanged.\n${err.message}` : `Reload failed; the graph is unchanged: ${err.message}`),
    );
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down.`);
    seed?.stop();
    // Refuse new connections, let the requests already accepted finish, then close the database.
    server.close(() => void store.close().finally(() => process.exit(0)));
    // Keep-alive clients could hold the server open forever: after 3 s, cut them and finish anyway.
    setTimeout(() => server.closeAllConnections(), 3000).unref();
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Finishes (or rolls back) a curation save that was killed half-way, so the story read is whole. */
function settle() {
  const done = describeSettled(settleInterruptedSave(STORY));
  if (done) console.log(done);
}

/** Builds client/dist with Vite when it is missing and the client sources exist. */
function buildClientIfMissing() {
  const client = path.join(PROJECT_ROOT, 'client');
  if (!fs.existsSync(path.join(client, 'index.html')) || fs.existsSync(path.join(client, 'dist', 'index.html'))) return;
  console.log('Building the explorer page (first start only) ...');
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: client, stdio: 'inherit' });
  if (result.status !== 0) console.error('The page could not be built; the API still runs. Try: npm run build');
}

main().catch((err) => {
  if (err instanceof InvalidStory) console.error(`The story in seed/data is invalid; nothing was loaded.\n${err.message}`);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
