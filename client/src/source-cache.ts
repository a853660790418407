/**
 * One cache for everything the page fetches (neighbourhoods, added nodes,
 * paths, answers, details): a second ask for the same key while the first is
 * on its way shares its promise, a failure is forgotten so it can be retried,
 * and clear() empties it when the graph is reloaded.
 */

export interface SourceCache {
  /** The value for `key`, loading it once however many ask at the same time. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The value when it has arrived; undefined while loading or never asked. */
  peek<T>(key: string): T | undefined;
  has(key: string): boolean;
  /** Forgets everything, in flight included: the graph changed. */
  clear(): void;
  readonly size: number;
}

export function createSourceCache(): SourceCache {
  const done = new Map<string, unknown>();
  const pending = new Map<string, Promise<unknown>>();
  let epoch = 0;
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (done.has(key)) return Promise.resolve(done.get(key) as T);
      const waiting = pending.get(key);
      if (waiting) return waiting as Promise<T>;
      const mine = epoch;
      const promise = load().then(
        (value) => {
          // An answer about the old graph is not kept once the graph was reloaded.
          if (mine === epoch) done.set(key, value);
          if (pending.get(key) === promise) pending.delete(key);
          return value;
        },
        (err: unknown) => {
          if (pending.get(key) === promise) pending.delete(key);
          throw err;
        },
      );
      pending.set(key, promise);
      return promise;
    },
    peek: <T>(key: string) => done.get(key) as T | undefined,
    has: (key) => done.has(key),
    clear() {
      epoch++;
      done.clear();
      pending.clear();
    },
    get size() {
      return done.size;
    },
  };
}

/** Keys, one shape per kind of source. */
export const sourceKey = {
  neighbourhood: (id: string) => `neighbourhood:${id}`,
  added: (id: string) => `added:${id}`,
  path: (from: string, to: string) => `path:${from}\u0000${to}`,
  answer: (question: string) => `answer:${question}`,
  entity: (id: string) => `entity:${id}`,
  relation: (id: string) => `relation:${id}`,
  /** The statements behind a SAID edge: what `speaker` said about `about`. */
  said: (speaker: string, about: string) => `said:${speaker}\u0000${about}`,
  article: (id: string) => `article:${id}`,
};
