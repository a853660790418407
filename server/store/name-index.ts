/**
 * An in-memory index of folded names and aliases, for an engine without a
 * usable full-text index (LadybugDB's full-text search is an extension it
 * would download). Built from one scan, rebuilt after every load; ranks with
 * the same scoring as rankByName, so both engines order results alike.
 *
 * A query does not read every name. Exact, prefix and word-prefix matches
 * outrank the rest, and the words, names and aliases that start with the
 * query are one range of a sorted list of them; their postings are kept in
 * score order, so a priority queue merges them and stops after `first`
 * entries (prefixed()): the cost follows `first` and the keys in the range,
 * not the graph. When there are fewer, every match but a typo contains the
 * query, so it contains each of the query's three-letter runs (trigrams);
 * the entries holding all of them are found by intersecting their posting
 * lists, then scored. Typos are looked up in the distinct words and the
 * distinct names and aliases of about the query's length. A query shorter
 * than three letters with few prefix matches, or a typo search of several
 * words, still reads every entry: those match a large share of the names
 * anyway. The best `first` are kept as they come (no sort of every hit).
 */
import { ALIAS_WEIGHT, EXACT_SCORE, LENGTH_COUNTED, editDistance, fold, foldedNameScore, prefixScore, typoAllowance } from '../domain/text.js';
import TinyQueue from 'tinyqueue';
import type { EntityKind } from '../domain/types.js';

interface Entry {
  /** Position in the rows given: the last tie-break, as a stable sort of the rows would give. */
  index: number;
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  degree: number;
  sortName: string;
}

export interface NameRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
  degree: number;
}

const GRAM = 3;

function gramsOf(key: string, into: Set<string>): void {
  for (let i = 0; i + GRAM <= key.length; i++) into.add(key.slice(i, i + GRAM));
}

/** Ascending entry numbers under each trigram. */
function asTyped(lists: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]));
}

function add(lists: Map<string, number[]>, key: string, entry: number): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/** Flags in a posting's meta word, beside the whole key's length (meta >>> 2). */
const WHOLE = 1;
const ALIAS = 2;
/** Lengths are kept up to this (prefixScore stops counting LENGTH_COUNTED letters beyond the query). */
const MAX_LENGTH = 16383;
/** Room for an entry's rank in a posting's sort number: group and length above it stay within 2^53. */
const RANKS = 2 ** 37;

export class NameIndex {
  private readonly entries: Entry[];
  private readonly grams: Map<string, Int32Array>;
  /**
   * The distinct words of the folded names and aliases, in code-unit order,
   * then the distinct names and aliases of several words, in that order: the
   * keys a query is a prefix of are one range of either.
   */
  private readonly keys: string[];
  private readonly wordCount: number;
  /** The postings of keys[k] are post[starts[k]] to post[starts[k + 1] - 1]: entry numbers, each with its meta word. */
  private readonly starts: Int32Array;
  private readonly post: Int32Array;
  /** The whole name's or alias's length << 2, ALIAS when it is an alias, WHOLE when it starts with the key (a first word, or a phrase). */
  private readonly meta: Int32Array;
  /** Positions in `keys` by the key's length: where a typo is looked for. */
  private readonly byLength: Int32Array[] = [];

  constructor(rows: readonly NameRow[]) {
    this.entries = rows.map((r, index) => ({ index, id: r.id, kind: r.kind, name: fold(r.name), aliases: r.aliases.map(fold), degree: r.degree, sortName: r.name }));
    // Each entry's place in the order of degree, then row: one native sort of numbers, so postings sort on numbers.
    // (Names break ties only when a query's answer is picked: comparing every name of equal degree here took seconds.)
    const n = this.entries.length;
    const maxDegree = this.entries.reduce((m, e) => Math.max(m, e.degree), 0);
    const order = Int32Array.from(
      Float64Array.from(this.entries, (e) => (maxDegree - Math.max(0, e.degree)) * n + e.index).sort(),
      (v) => v % n,
    );
    const rank = new Int32Array(order.length);
    order.forEach((entry, r) => (rank[entry] = r));
    const grams = new Map<string, number[]>();
    const words = new Map<string, number[]>();
    const phrases = new Map<string, number[]>();
    const seen = new Set<string>();
    this.entries.forEach((e, i) => {
      seen.clear();
      [e.name, ...e.aliases].forEach((key, k) => {
        if (!key) return;
        gramsOf(key, seen);
        const meta = (Math.min(key.length, MAX_LENGTH) << 2) | (k > 0 ? ALIAS : 0);
        const split = key.split(' ');
        // The first word carries the whole key's prefix matches; a key of several words is also a phrase.
        split.forEach((w, at) => addPosting(words, w, i, at === 0 ? meta | WHOLE : meta));
        if (split.length > 1) addPosting(phrases, key, i, meta | WHOLE);
      });
      for (const g of seen) add(grams, g, i);
    });
    this.grams = asTyped(grams);
    this.keys = [...[...words.keys()].sort(), ...[...phrases.keys()].sort()];
    this.wordCount = words.size;
    const listOf = (k: number) => (k < this.wordCount ? words : phrases).get(this.keys[k]!)!;
    this.starts = new Int32Array(this.keys.length + 1);
    this.keys.forEach((_, k) => (this.starts[k + 1] = this.starts[k]! + listOf(k).length / 2));
    this.post = new Int32Array(this.starts[this.keys.length]!);
    this.meta = new Int32Array(this.post.length);
    // Each key's postings by group (WHOLE, ALIAS), the name's length, then rank: one number each, sorted natively.
    const order64 = new Float64Array(this.post.length);
    this.keys.forEach((_, k) => {
      const pairs = listOf(k);
      const at = this.starts[k]!;
      for (let j = 0; j < pairs.length; j += 2) {
        const meta = pairs[j + 1]!;
        const group = (meta & WHOLE ? 0 : 2) + (meta & ALIAS ? 1 : 0);
        order64[at + j / 2] = (group * (MAX_LENGTH + 1) + (meta >>> 2)) * RANKS + rank[pairs[j]!]!;
      }
      order64.subarray(at, this.starts[k + 1]).sort();
    });
    for (let j = 0; j < order64.length; j++) {
      const v = order64[j]!;
      const high = Math.floor(v / RANKS);
      const group = Math.floor(high / (MAX_LENGTH + 1));
      this.post[j] = order[v - high * RANKS]!;
      this.meta[j] = ((high - group * (MAX_LENGTH + 1)) << 2) | (group < 2 ? WHOLE : 0) | (group & 1 ? ALIAS : 0);
    }
    const lengths: number[][] = [];
    this.keys.forEach((key, k) => (lengths[key.length] ??= []).push(k));
    lengths.forEach((list, length) => (this.byLength[length] = Int32Array.from(list)));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Ids of the best matches: exact > prefix > word prefix > substring, then typos when too few. */
  find(text: string, kinds: readonly EntityKind[], first: number): string[] {
    const q = fold(text);
    if (!q || first === 0) return [];
    const wanted = kinds.length ? new Set(kinds) : null;
    // Exact, prefix and word-prefix matches outrank every other kind: when
    // there are enough of them, they are the answer, taken best first from
    // one range of the sorted keys.
    const prefixed = this.prefixed(q, wanted, first);
    if (prefixed.length === first) return prefixed.map((i) => this.entries[i]!.id);
    const best = new Best(first);
    const score = (candidates: Iterable<number>, typos: boolean) => {
      for (const i of candidates) {
        const entry = this.entries[i]!;
        if (wanted && !wanted.has(entry.kind)) continue;
        const s = foldedNameScore(q, entry.name, entry.aliases, typos);
        if (s > 0) best.offer(entry, s);
      }
    };
    const containing = this.containing(q);
    score(containing ?? this.entries.keys(), false);
    if (best.count < first) {
      best.clear();
      score(this.typoCandidates(q, containing) ?? this.entries.keys(), true);
    }
    return best.ids();
  }

  /**
   * Up to `first` entries with a name or alias that is `q` or starts with it,
   * or with a word that starts with it, best first (fewer when there are not
   * so many). The keys starting with `q` are one range of `keys`; each key's
   * postings are in four runs (WHOLE or not, ALIAS or not), each run in the
   * order of its score for any query (shorter first: matchScore takes a
   * quarter point per letter beyond the query), then degree and row.
   * So the runs are merged, a priority queue of their heads, and the merge
   * stops after `first` entries: the cost follows `first` and the number of
   * keys in the range, not the number of names they hold.
   */
  private prefixed(q: string, wanted: Set<EntityKind> | null, first: number): number[] {
    const runs: Run[] = [];
    // A query of one word starts words; one of several words starts phrases only.
    const [from, to] = q.includes(' ') ? [this.wordCount, this.keys.length] : [0, this.wordCount];
    const end = lowerBound(this.keys, q + '\uffff', from, to);
    for (let k = lowerBound(this.keys, q, from, to); k < end; k++) {
      const exact = this.keys[k] === q;
      let j = this.starts[k]!;
      while (j < this.starts[k + 1]!) {
        const group = this.meta[j]! & (WHOLE | ALIAS);
        let stop = j + 1;
        while (stop < this.starts[k + 1]! && (this.meta[stop]! & (WHOLE | ALIAS)) === group) stop++;
        // Names LENGTH_COUNTED letters or more longer than the query all score alike
        // (prefixScore stops counting there): each is its own run.
        let saturated = stop;
        while (saturated > j && (this.meta[saturated - 1]! >>> 2) - q.length >= LENGTH_COUNTED) saturated--;
        if (saturated > j) runs.push(this.run(j, saturated, exact, q.length));
        for (let x = saturated; x < stop; x++) runs.push(this.run(x, x + 1, exact, q.length));
        j = stop;
      }
    }
    // Heads leave by score, degree and row; the names that tie on score and degree
    // at the last place are all taken, then ordered by name (before()).
    const queue = new TinyQueue(runs, byHead);
    const taken = new Set<number>();
    const out: { entry: Entry; score: number }[] = [];
    while (queue.length) {
      const run = queue.peek()!;
      const last = out[first - 1];
      if (last && (run.score !== last.score || run.entry.degree !== last.entry.degree)) break;
      const i = this.post[run.at]!;
      // An entry's first appearance is its best score: later ones are skipped.
      if (!taken.has(i) && (!wanted || wanted.has(this.entries[i]!.kind))) {
        taken.add(i);
        out.push({ entry: run.entry, score: run.score });
      }
      queue.pop();
      if (++run.at < run.end) queue.push(this.run(run.at, run.end, run.exact, q.length));
    }
    return out.sort(before).slice(0, first).map((h) => h.entry.index);
  }

  /** The postings at..end of one run, with the score and entry of its head. */
  private run(at: number, end: number, exact: boolean, queryLength: number): Run {
    const meta = this.meta[at]!;
    const length = meta >>> 2;
    // Exact: the key is the query and the whole name (a first word that is all of it, or a phrase).
    let score = exact && meta & WHOLE && length === queryLength ? EXACT_SCORE : prefixScore((meta & WHOLE) !== 0, length, queryLength);
    if (meta & ALIAS) score *= ALIAS_WEIGHT;
    return { at, end, exact, score, entry: this.entries[this.post[at]!]! };
  }

  /** Entries whose name or an alias may contain `q` (all its trigrams), ascending; null when `q` is too short to tell. */
  private containing(q: string): Int32Array | null {
    if (q.length < GRAM) return null;
    const wanted = new Set<string>();
    gramsOf(q, wanted);
    const lists: Int32Array[] = [];
    for (const g of wanted) {
      const list = this.grams.get(g);
      if (!list) return new Int32Array(0);
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let out = lists[0]!;
    for (const list of lists.slice(1)) out = out.filter((i) => has(list, i));
    return out;
  }

  /** The substring candidates and the entries with a word or key within the typo allowance of `q`, ascending; null to read every entry. */
  private typoCandidates(q: string, containing: Int32Array | null): number[] | null {
    if (containing === null || q.includes(' ')) return null;
    const allowance = typoAllowance(q.length);
    const found = new Set<number>(containing);
    for (let length = q.length - allowance; length <= q.length + allowance; length++) {
      for (const k of this.byLength[length] ?? []) {
        if (editDistance(q, this.keys[k]!, allowance) <= allowance) for (let j = this.starts[k]!; j < this.starts[k + 1]!; j++) found.add(this.post[j]!);
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}

/** The first position in an ascending list of strings whose string is not below `value`. */
function lowerBound(list: readonly string[], value: string, from: number, to: number): number {
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A run of one key's postings being merged: its head's score and entry. */
interface Run {
  at: number;
  end: number;
  exact: boolean;
  score: number;
  entry: Entry;
}

/** The order the runs are sorted in: score, degree, then row (names are compared only among the answer's ties). */
const byHead = (a: Run, b: Run) => b.score - a.score || b.entry.degree - a.entry.degree || a.entry.index - b.entry.index;

/** One posting (entry, meta) under a key, once. */
function addPosting(lists: Map<string, number[]>, key: string, entry: number, meta: number): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [entry, meta]);
  else if (list[list.length - 2] !== entry || list[list.length - 1] !== meta) list.push(entry, meta);
}

/** Binary search in an ascending list. */
function has(list: Int32Array, value: number): boolean {
  let [lo, hi] = [0, list.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The best `first` hits in the order score, degree, name (localeCompare), then
 * the rows' own order: what a stable sort of every hit then a slice gives,
 * without the sort, in whatever order the hits are offered.
 */
class Best {
  private hits: { entry: Entry; score: number }[] = [];
  count = 0;
  constructor(private readonly first: number) {}

  offer(entry: Entry, score: number): void {
    this.count++;
    const hit = { entry, score };
    const hits = this.hits;
    if (hits.length === this.first && before(hits[hits.length - 1]!, hit) <= 0) return;
    let at = hits.length;
    while (at > 0 && before(hits[at - 1]!, hit) > 0) at--;
    hits.splice(at, 0, hit);
    if (hits.length > this.first) hits.pop();
  }

  clear(): void {
    this.hits = [];
    this.count = 0;
  }

  ids(): string[] {
    return this.hits.map((h) => h.entry.id);
  }
}

/** What localeCompare does, without building its collator on every call. */
const collate = new Intl.Collator().compare;

function before(a: { entry: Entry; score: number }, b: { entry: Entry; score: number }): number {
  return b.score - a.score || sameScore(a.entry, b.entry);
}

/** Between hits of one score: the higher degree, then the name, then the rows' order. */
function sameScore(a: Entry, b: Entry): number {
  return b.degree - a.degree || collate(a.sortName, b.sortName) || a.index - b.index;
}
