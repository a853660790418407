/**
 * The full-text index over a story's passages (build-passages.ts), in
 * process: BM25+ ranking over folded, stemmed words (terms.ts), read best
 * first so a common word costs no more than a rare one (ranked-index.ts),
 * "quoted phrases", a small typo tolerance and prefix matching for a word
 * still being typed (MiniSearch's radix tree finds the words near or under
 * one). Pure: built from a story-shaped input, then only read, so a store
 * swaps a whole new index in when a load commits.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Passage, PassageKind, PassageSearchOptions } from '../../domain/passage.js';
import { typoAllowance } from '../../domain/text.js';
import { lazyMap } from '../lists.js';
import { buildPassages, type BuiltPassage, type PassageStory, type StoredPassage } from './build-passages.js';
import { RankedIndex, type RankedHit, type WeightedTerm } from './ranked-index.js';
import { foldedWords, parseQuery, termOf, type ParsedQuery } from './terms.js';

/** A corrected typo and a completed prefix count for less than the word as typed (MiniSearch's own defaults). */
const TYPO_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** A prefix of three letters may begin thousands of words: the first few stand in. */
const MAX_COMPLETIONS = 50;

export type { PassageStory } from './build-passages.js';

/** How long building took and what it holds: the benchmark and the logs print it. */
export interface PassageIndexStats {
  passages: number;
  terms: number;
  milliseconds: number;
}

/** Which query word(s) each searched term stands for, and whether as typed (or inflected) or corrected. */
type Origin = Map<string, { word: string; exact: boolean }[]>;

interface Hit {
  id: number;
  score: number;
  matched: string[];
  corrected: string[];
}

export class PassageIndex {
  private readonly index: RankedIndex;
  /** Every folded word seen -> its term: typos and prefixes are corrected on words, before stemming cuts them. */
  private readonly surface = new SearchableMap<string>();
  readonly stats: PassageIndexStats;

  private readonly passages: readonly StoredPassage[];

  private constructor(built: readonly BuiltPassage[], started: number) {
    this.passages = built.map((b) => b.passage);
    // Each distinct word is stemmed once: a large story repeats a small vocabulary.
    const seen = new Map<string, string | null>();
    const termOfWord = (word: string) => {
      let term = seen.get(word);
      if (term === undefined) {
        seen.set(word, (term = termOf(word)));
        if (term) this.surface.set(word, term);
      }
      return term;
    };
    this.index = RankedIndex.build(
      built.map((b) => {
        const { words } = b;
        b.words = []; // read once: each passage's words are garbage once its terms are made
        const terms: string[] = [];
        for (const w of words) {
          const t = w ? termOfWord(w) : null;
          if (t) terms.push(t);
        }
        // The length is the number of distinct words, stop words included (as MiniSearch counted it).
        return { terms, length: words.length ? new Set(words).size : 1 };
      }),
    );
    this.stats = { passages: built.length, terms: this.index.termCount, milliseconds: performance.now() - started };
  }

  /** Builds the passages of a story and indexes them. */
  static build(story: PassageStory): PassageIndex {
    const started = performance.now();
    return new PassageIndex(buildPassages(story), started);
  }

  /**
   * Builds the index of a story only this call holds (a store's scan of its
   * graph), emptying each of the story's lists once the build has read it for
   * the last time: the scanned rows (about 90 MiB at a million relations) are
   * garbage while the passages' words are made and indexed, instead of held
   * beside them.
   */
  static buildReleasing(story: PassageStory): PassageIndex {
    const started = performance.now();
    return new PassageIndex(buildPassages(story, { releasing: true }), started);
  }

  /** An index with nothing in it (before the first load). */
  static empty(): PassageIndex {
    return PassageIndex.build({ articles: [], entities: [], relations: [] });
  }

  /** The best passages for a query, best first. Words may be folded, inflected or slightly misspelt; "quoted phrases" must stand as written. */
  find(text: string, { first = 10, kinds, prefix = true }: PassageSearchOptions = {}): Passage[] {
    const { words, phrases } = parseQuery(text);
    if (first <= 0 || (words.length === 0 && phrases.length === 0)) return [];
    const wanted = kinds?.length ? new Set<PassageKind>(kinds) : null;
    const accept = wanted ? (doc: number) => wanted.has(this.passages[doc]!.kind) : undefined;

    const [query, origin] = this.loose(words, prefix);
    if (phrases.length === 0) return this.distinct(lazyMap(this.index.ranked(query, accept), (r) => this.hit(r, origin, [])), first);
    // Every phrase's words must all be there, next to each other; free words only add to the score.
    const quoted = phrases.map((p) => p.words.join(' '));
    const candidates = this.index.every(phrases.flatMap((p) => p.terms), query, accept).sort((a, b) => b.score - a.score || a.doc - b.doc);
    const holding = (function* (passages: readonly StoredPassage[]) {
      for (const c of candidates) if (phrases.every((p) => holdsPhrase(passages[c.doc]!.text, p.words))) yield c;
    })(this.passages);
    return this.distinct(lazyMap(holding, (r) => this.hit(r, origin, quoted)), first);
  }

  /** A search result as a passage's place in the list: which words of the query it matched, and how. */
  private hit(r: RankedHit, origin: Origin, quoted: readonly string[]): Hit {
    const matched = new Set<string>(quoted);
    const corrected = new Set<string>();
    for (const t of r.terms) {
      for (const o of origin.get(t) ?? []) (o.exact ? matched : corrected).add(o.word);
    }
    for (const w of matched) corrected.delete(w);
    return { id: r.doc, score: r.score, matched: [...matched], corrected: [...corrected] };
  }

  /**
   * Free words: any may match, more matches rank higher. A word whose term
   * the index lacks is read as a typo (words within typoAllowance edits) or,
   * when last (and `prefix`), as a word still being typed (words it begins); those stand in
   * for it at a lower weight.
   */
  private loose(words: ParsedQuery['words'], prefix: boolean): [WeightedTerm[], Origin] {
    const query: WeightedTerm[] = [];
    const origin: Origin = new Map();
    const standFor = (term: string, word: string, weight: number) => {
      query.push({ term, word, weight });
      const from = origin.get(term) ?? [];
      from.push({ word, exact: weight === 1 });
      origin.set(term, from);
    };
    words.forEach(({ word, term }, i) => {
      if (this.index.has(term)) return standFor(term, word, 1);
      const near = [...this.surface.fuzzyGet(word, typoAllowance(word.length))].sort((a, b) => a[1][1] - b[1][1]);
      const best = near[0]?.[1][1];
      for (const [, [stem, distance]] of near) if (distance === best) standFor(stem, word, TYPO_WEIGHT);
      if (prefix && i === words.length - 1 && word.length >= 3) {
        let n = 0;
        for (const [, stem] of this.surface.atPrefix(word)) {
          standFor(stem, word, PREFIX_WEIGHT);
          if (++n >= MAX_COMPLETIONS) break;
        }
      }
    });
    return [query, origin];
  }

  /** The first `first` hits, leaving out a passage whose words overlap a better one's (a sentence and the quote around it). */
  private distinct(hits: Iterable<Hit>, first: number): Passage[] {
    const out: Passage[] = [];
    for (const h of hits) {
      const p = this.passages[h.id]!;
      const overlaps = p.kind !== 'summary' && out.some((o) => o.kind !== 'summary' && o.article === p.article && o.start < p.end && p.start < o.end);
      if (overlaps) continue;
      out.push({ ...p, score: h.score, matched: h.matched, corrected: h.corrected });
      if (out.length === first) break;
    }
    return out;
  }
}

/** True when the text's folded words hold these folded words in a row. */
function holdsPhrase(text: string, words: readonly string[]): boolean {
  return ` ${foldedWords(text).join(' ')} `.includes(` ${words.join(' ')} `);
}
