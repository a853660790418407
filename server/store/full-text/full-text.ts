/**
 * The passage index's life beside a graph store: built from the story a load
 * is given and swapped in when that load commits, so a reader never sees a
 * new graph with an old index or the other way round; built from a scan of
 * the stored graph when the process opens a graph it did not load (a
 * restart, or another replica's load on a shared Neo4j). Each index is
 * labelled with the version of the graph it was built from (the summary's
 * loadedAt), and a search asks for the version the store holds now.
 */
import type { Passage, PassageSearchOptions } from '../../domain/passage.js';
import { PassageIndex, type PassageStory } from './passage-index.js';

export interface FullTextOptions {
  /** Reads what the index needs from the stored graph: a story of its own, which the build empties once read. */
  scan: () => Promise<PassageStory>;
  /** Told how long each build took. @default nothing */
  log?: (message: string) => void;
}

export class FullText {
  private index: PassageIndex | null = null;
  private version: string | null = null;
  private building: { version: string; index: Promise<PassageIndex> } | null = null;

  constructor(private readonly options: FullTextOptions) {}

  /** The index of a story being loaded, built while the engine writes it; a story it cannot index is not committed. */
  prepare(story: PassageStory): PassageIndex {
    return PassageIndex.build(story);
  }

  /** Swaps in the index of the graph a load just committed. Call it in the same tick as the store starts answering from that graph. */
  commit(index: PassageIndex, version: string): void {
    this.index = index;
    this.version = version;
    this.building = null;
    this.options.log?.(`full-text index: ${index.stats.passages} passages, ${index.stats.terms} terms, built in ${Math.round(index.stats.milliseconds)} ms`);
  }

  /** Takes the committed index of another FullText (a store that built the same graph in a new file). */
  adopt(other: FullText): void {
    if (other.index && other.version !== null) this.commit(other.index, other.version);
  }

  /** The index for the graph at `version`: the one kept, or one built once from a scan (concurrent callers share it). */
  current(version: string): Promise<PassageIndex> {
    if (this.index && this.version === version) return Promise.resolve(this.index);
    if (this.building?.version === version) return this.building.index;
    const building = {
      version,
      index: this.options.scan().then((story) => {
        const index = PassageIndex.buildReleasing(story);
        // A load that committed meanwhile has swapped in its own index: keep that one.
        if (this.building === building) this.commit(index, version);
        return index;
      }),
    };
    building.index.catch(() => {
      if (this.building === building) this.building = null;
    });
    this.building = building;
    return building.index;
  }

  /** The index being built from a scan, settling (never failing) when it is done; null when none is. */
  pending(): Promise<void> | null {
    return this.building ? this.building.index.then(() => undefined, () => undefined) : null;
  }

  /** The best passages of the graph at `version`. */
  async find(version: string, text: string, options?: PassageSearchOptions): Promise<Passage[]> {
    return (await this.current(version)).find(text, options);
  }
}
