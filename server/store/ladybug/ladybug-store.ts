/**
 * The embedded store: CypherStore over LadybugDB, persisted in one file.
 * Every statement comes from cypher/ladybug/. Besides the port it knows its
 * file: replaceAll builds the new graph in a new file and renames it over
 * the old one (files.ts says why).
 */
import { CypherStore } from '../cypher-store.js';
import type { LoadSummary } from '../graph-store.js';
import type { Story } from '../../domain/types.js';
import { isLocked } from './errors.js';
import { nextFileOf, removeDatabase, swapIn } from './files.js';
import { LadybugEngine } from './ladybug-engine.js';
import { DEFAULT_LOAD_BUFFER_POOL_MB, type LadybugOptions } from './session.js';

export type { LadybugOptions };

export interface OpenOptions extends LadybugOptions {
  /**
   * When the file cannot be opened for any reason but another process's
   * lock (a damaged file), remove it and start from an empty graph: what
   * `npm run seed -- --reset` asks for. @default false
   */
  discardDamaged?: boolean;
}

export class LadybugStore extends CypherStore {
  private constructor(
    engine: LadybugEngine,
    private readonly options: LadybugOptions,
  ) {
    super(engine);
  }

  /** Opens (creating when absent) the database and its schema. */
  static async open({ discardDamaged = false, ...options }: OpenOptions): Promise<LadybugStore> {
    let engine: LadybugEngine;
    try {
      engine = await LadybugEngine.open(options);
    } catch (err) {
      if (!discardDamaged || isLocked(err) || options.path === ':memory:') throw err;
      removeDatabase(options.path);
      engine = await LadybugEngine.open(options);
    }
    const store = new LadybugStore(engine, options);
    engine.warm();
    await store.summary(); // kept from now on: this process alone writes the file
    store.warmFullText();
    return store;
  }

  /**
   * Builds the story in `<file>.next`, closes it cleanly, closes this
   * store's file and renames the new one over it, then opens it again.
   * Killed at any moment, the file holds the old graph or the new one. No
   * read may run meanwhile (the seed's use); the server reloads in place.
   */
  override replaceAll(story: Story): Promise<LoadSummary> {
    if (this.options.path === ':memory:' || this.options.readOnly) return this.load(story);
    return this.exclusive(async () => {
      const file = this.options.path;
      const next = nextFileOf(file);
      removeDatabase(next); // what a killed run left
      try {
        const built = await LadybugStore.open({ ...this.options, path: next, bufferPoolMb: this.options.loadBufferPoolMb ?? DEFAULT_LOAD_BUFFER_POOL_MB });
        let loaded: LoadSummary;
        try {
          loaded = await built.load(story);
        } finally {
          await built.close();
        }
        await this.cypher.close();
        swapIn(next, file);
        const engine = await LadybugEngine.open(this.options);
        engine.warm();
        this.cypher = engine;
        this.forgetSummary();
        // The new file's own index came with it: no scan of what was just written.
        await this.summary();
        this.fullText.adopt(built.fullText);
        return loaded;
      } finally {
        removeDatabase(next);
      }
    });
  }

  override toString(): string {
    return `LadybugDB at ${this.options.path}`;
  }
}
