/**
 * The full-text index over a story's passages (build-passages.ts), in
 * process, with MiniSearch: BM25+ ranking over folded, stemmed words
 * (terms.ts), "quoted phrases", a small typo tolerance and prefix matching
 * for a word still being typed. Pure: built from a story-shaped input, then
 * only read, so a store swaps a whole new index in when a load commits.
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Passage, PassageKind, PassageSearchOptions } from '../../domain/passage.js';
import { typoAllowance } from '../../domain/text.js';
import { buildPassages, type BuiltPassage, type PassageStory, type StoredPassage } from './build-passages.js';
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
  private readonly search: MiniSearch<{ id: number; words: string[] }>;
  private readonly vocabulary = new Set<string>();
  /** Every folded word seen -> its term: typos and prefixes are corrected on words, before stemming cuts them. */
  private readonly surface = new SearchableMap<string>();
  readonly stats: PassageIndexStats;

  private readonly passages: readonly StoredPassage[];

  private constructor(built: readonly BuiltPassage[], started: number) {
    this.passages = built.map((b) => b.passage);
    const { vocabulary, surface } = this;
    // Each distinct word is stemmed once: a large story repeats a small vocabulary.
    const seen = new Map<string, string | null>();
    this.search = new MiniSearch<{ id: number; words: string[] }>({
      fields: ['words'],
      extractField: (doc, field) => (field === 'id' ? String(doc.id) : doc.words.join(' ')),
      tokenize: (text) => text.split(' '),
      processTerm: (word) => {
        let term = seen.get(word);
        if (term === undefined) {
          seen.set(word, (term = termOf(word)));
          if (term) {
            vocabulary.add(term);
            surface.set(word, term);
          }
        }
        return term;
      },
      // Queries arrive as terms already (parseQuery): split and keep them.
      searchOptions: { tokenize: (q) => q.split(' '), processTerm: (t) => t },
    });
    this.search.addAll(built.map((b, id) => ({ id, words: b.words })));
    this.stats = { passages: built.length, terms: vocabulary.size, milliseconds: performance.now() - started };
  }

  /** Builds the passages of a story and indexes them. */
  static build(story: PassageStory): PassageIndex {
    const started = performance.now();
    return new PassageIndex(buildPassages(story), started);
  }

  /** An index with nothing in it (before the first load). */
  static empty(): PassageIndex {
    return PassageIndex.build({ articles: [], entities: [], relations: [] });
  }

  /** The best passages for a query, best first. Words may be folded, inflected or slightly misspelt; "quoted phrases" must stand as written. */
  find(text: string, { first = 10, kinds }: PassageSearchOptions = {}): Passage[] {
    const { words, phrases } = parseQuery(text);
    if (first <= 0 || (words.length === 0 && phrases.length === 0)) return [];
    const wanted = kinds?.length ? new Set<PassageKind>(kinds) : null;
    const filter = wanted ? (r: SearchResult) => wanted.has(this.passages[r.id as number]!.kind) : undefined;

    const [query, options, origin] = this.loose(words, filter);
    let hits: Hit[];
    if (phrases.length === 0) {
      hits = words.length ? this.search.search(query, options).map((r) => this.hit(r, origin, [])) : [];
    } else {
      // Every phrase's words must all be there, next to each other; free words only add to the score.
      const all: Query = { combineWith: 'AND', queries: phrases.map((p) => ({ combineWith: 'AND', queries: [p.terms.join(' ')] })) };
      const bonus = words.length ? new Map(this.search.search(query, options).map((r) => [r.id, r])) : new Map<unknown, SearchResult>();
      const quoted = phrases.map((p) => p.words.join(' '));
      hits = this.search
        .search(all, { filter })
        .filter((r) => phrases.every((p) => holdsPhrase(this.passages[r.id as number]!.text, p.words)))
        .map((r) => {
          const extra = bonus.get(r.id);
          return { ...this.hit(extra ?? r, extra ? origin : new Map(), quoted), score: r.score + (extra?.score ?? 0) };
        })
        .sort((a, b) => b.score - a.score);
    }
    return this.distinct(hits, first);
  }

  /** A search result as a passage's place in the list: which words of the query it matched, and how. */
  private hit(r: SearchResult, origin: Origin, quoted: readonly string[]): Hit {
    const matched = new Set<string>(quoted);
    const corrected = new Set<string>();
    for (const t of r.queryTerms) {
      for (const o of origin.get(t) ?? []) (o.exact ? matched : corrected).add(o.word);
    }
    for (const w of matched) corrected.delete(w);
    return { id: r.id as number, score: r.score, matched: [...matched], corrected: [...corrected] };
  }

  /**
   * Free words: any may match, more matches rank higher. A word whose term
   * the index lacks is read as a typo (words within typoAllowance edits) or,
   * when last, as a word still being typed (words it begins); those stand in
   * for it at a lower weight.
   */
  private loose(words: ParsedQuery['words'], filter?: (r: SearchResult) => boolean): [Query, SearchOptions, Origin] {
    const weight = new Map<string, number>();
    const origin: Origin = new Map();
    const standFor = (term: string, word: string, w: number) => {
      weight.set(term, Math.max(weight.get(term) ?? 0, w));
      const from = origin.get(term) ?? [];
      from.push({ word, exact: w === 1 });
      origin.set(term, from);
    };
    words.forEach(({ word, term }, i) => {
      if (this.vocabulary.has(term)) return standFor(term, word, 1);
      const near = [...this.surface.fuzzyGet(word, typoAllowance(word.length))].sort((a, b) => a[1][1] - b[1][1]);
      const best = near[0]?.[1][1];
      for (const [, [stem, distance]] of near) if (distance === best) standFor(stem, word, TYPO_WEIGHT);
      if (i === words.length - 1 && word.length >= 3) {
        let n = 0;
        for (const [, stem] of this.surface.atPrefix(word)) {
          standFor(stem, word, PREFIX_WEIGHT);
          if (++n >= MAX_COMPLETIONS) break;
        }
      }
    });
    return [{ combineWith: 'OR', queries: [[...weight.keys()].join(' ')] }, { filter, boostTerm: (t) => weight.get(t) ?? 1 }, origin];
  }

  /** The first `first` hits, leaving out a passage whose words overlap a better one's (a sentence and the quote around it). */
  private distinct(hits: readonly Hit[], first: number): Passage[] {
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
