/**
 * The first seed of an empty graph, at start or later. A server started
 * while its database does not answer (Neo4j still starting, or down) serves
 * anyway, and keeps asking every few seconds; the first time the database
 * answers, an empty graph is seeded from the story folder then, exactly as
 * it would have been at start. /ready says "seeding" (503) while that load
 * runs, so a load balancer sends no traffic to a server with an empty graph
 * that is about to fill.
 */
import { GraphUnavailable, InvalidStory } from './domain/errors.js';
import type { Story } from './domain/types.js';
import type { GraphStore, LoadSummary } from './store/graph-store.js';

export type SeedState = 'checking' | 'waiting' | 'seeding' | 'done' | 'failed';

export interface StartupSeedDeps {
  store: GraphStore;
  /** Reads the story to seed from (called only when the graph is empty). */
  readStory: () => Story;
  /** Loads a story and invalidates cached answers (the app's reload). */
  load: (story: Story) => Promise<LoadSummary>;
  /** What to print once the graph is seeded. */
  describe?: (loaded: LoadSummary, story: Story) => Promise<string> | string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  /** How often to ask a database that does not answer. @default 5000 */
  retryMs?: number;
}

export class StartupSeed {
  private current: SeedState = 'checking';
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private attempting = false;
  private readonly log: (line: string) => void;
  private readonly warn: (line: string) => void;
  private readonly retryMs: number;
  /** Settles when the graph is seeded, found non-empty, or the seed failed for good (tests wait on it). */
  readonly settled: Promise<SeedState>;
  private settle!: (state: SeedState) => void;

  constructor(private readonly deps: StartupSeedDeps) {
    this.log = deps.log ?? ((line) => console.log(line));
    this.warn = deps.warn ?? ((line) => console.warn(line));
    this.retryMs = deps.retryMs ?? 5000;
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  get state(): SeedState {
    return this.current;
  }

  /**
   * Why /ready must say 503 although the database answers, or null. While
   * waiting, the graph has not been looked at yet: asked by /ready, the
   * next look happens now rather than at the next tick.
   */
  notReady(): string | null {
    if (this.current === 'seeding') return 'the graph was empty and is being seeded from the story folder';
    if (this.current === 'waiting') {
      if (this.timer && !this.attempting) {
        clearTimeout(this.timer);
        void this.retry();
      }
      return 'the database did not answer at start; an empty graph is seeded once it does';
    }
    return null;
  }

  /**
   * The first attempt: resolves once the graph is seeded or found in use,
   * or at once (with retries scheduled) when the database does not answer.
   * Throws when the story is invalid or the load fails otherwise, as a
   * server that cannot seed at start should not start.
   */
  async start(): Promise<void> {
    const outcome = await this.attempt();
    if (outcome === 'waiting') {
      this.warn(`The graph database does not answer yet. Serving anyway: /ready reports 503 until it does, and an empty graph is seeded then (asking every ${Math.round(this.retryMs / 1000)} s).`);
      this.schedule();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.retry(), this.retryMs);
    // A waiting seed never keeps the process alive on its own.
    this.timer.unref();
  }

  private async retry(): Promise<void> {
    this.timer = null;
    this.attempting = true;
    try {
      if ((await this.attempt()) === 'waiting') this.schedule();
    } catch (err) {
      // Later, a failed seed is logged, not fatal: the server is already serving.
      this.finish('failed');
      if (err instanceof InvalidStory) this.warn(`The story is invalid; the empty graph was not seeded.\n${err.message}`);
      else this.warn(`Seeding the empty graph failed; it stays empty until a seed succeeds (npm run seed): ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.attempting = false;
    }
  }

  /** One look at the graph, and a seed when it is empty. 'waiting' when the database did not answer. */
  private async attempt(): Promise<SeedState> {
    let stats: Awaited<ReturnType<GraphStore['stats']>>;
    try {
      stats = await this.deps.store.stats();
    } catch (err) {
      if (err instanceof GraphUnavailable) return this.to('waiting');
      throw err;
    }
    if (stats.entities > 0) {
      this.log(`Using the graph in ${String(this.deps.store)}: ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles.`);
      return this.finish('done');
    }
    if (this.stopped) return this.current;
    this.log('The graph is empty: seeding it from the story folder ...');
    const story = this.deps.readStory();
    this.to('seeding');
    let loaded: LoadSummary;
    try {
      loaded = await this.deps.load(story);
    } catch (err) {
      if (err instanceof GraphUnavailable) {
        this.warn(`The graph database stopped answering during the seed (${err.message}); nothing was loaded, trying again when it answers.`);
        return this.to('waiting');
      }
      this.to('failed');
      throw err;
    }
    this.finish('done');
    if (this.deps.describe) this.log(await this.deps.describe(loaded, story));
    return 'done';
  }

  private to(state: SeedState): SeedState {
    this.current = state;
    return state;
  }

  private finish(state: 'done' | 'failed'): SeedState {
    this.to(state);
    this.settle(state);
    return state;
  }
}
