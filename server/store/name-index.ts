/**
 * An in-memory index of folded names and aliases, for an engine without a
 * usable full-text index (LadybugDB's full-text search is an extension it
 * would download). Built from one scan, rebuilt after every load; ranks with
 * the same scoring as rankByName, so both engines order results alike.
 *
 * A query does not read every name: every match but a typo contains the
 * query, so it contains each of the query's three-letter runs (trigrams);
 * the entries holding all of them are found by intersecting their posting
 * lists, then scored. Typos are looked up in the distinct words and the
 * distinct names and aliases of about the query's length. A query shorter
 * than three letters, or a typo search of several words, still reads every
 * entry: those match a large share of the names anyway. The best `first`
 * are kept as they come (no sort of every hit).
 */
import { editDistance, fold, foldedNameScore, typoAllowance } from '../domain/text.js';
import type { EntityKind } from '../domain/types.js';

interface Entry {
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

/** Ascending entry numbers under each string (a trigram, a word, a whole key). */
function postings(lists: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]));
}

function add(lists: Map<string, number[]>, key: string, entry: number): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

export class NameIndex {
  private readonly entries: Entry[];
  private readonly grams: Map<string, Int32Array>;
  /** Distinct words and distinct whole keys, by length, with their entries: where a typo is looked for. */
  private readonly byLength: Bucket[] = [];

  constructor(rows: readonly NameRow[]) {
    this.entries = rows.map((r) => ({ id: r.id, kind: r.kind, name: fold(r.name), aliases: r.aliases.map(fold), degree: r.degree, sortName: r.name }));
    const grams = new Map<string, number[]>();
    const typoKeys = new Map<string, number[]>();
    const seen = new Set<string>();
    this.entries.forEach((e, i) => {
      seen.clear();
      for (const key of [e.name, ...e.aliases]) {
        gramsOf(key, seen);
        add(typoKeys, key, i);
        for (const w of key.split(' ')) if (w !== key) add(typoKeys, w, i);
      }
      for (const g of seen) add(grams, g, i);
    });
    this.grams = postings(grams);
    const buckets: [string, number[]][][] = [];
    for (const entry of typoKeys) (buckets[entry[0].length] ??= []).push(entry);
    buckets.forEach((keys, length) => (this.byLength[length] = bucketOf(keys)));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Ids of the best matches: exact > prefix > word prefix > substring, then typos when too few. */
  find(text: string, kinds: readonly EntityKind[], first: number): string[] {
    const q = fold(text);
    if (!q || first === 0) return [];
    const wanted = kinds.length ? new Set(kinds) : null;
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
      const bucket = this.byLength[length];
      if (!bucket) continue;
      bucket.keys.forEach((key, k) => {
        if (editDistance(q, key, allowance) <= allowance) for (let j = bucket.starts[k]!; j < bucket.starts[k + 1]!; j++) found.add(bucket.entries[j]!);
      });
    }
    return [...found].sort((a, b) => a - b);
  }
}

/** Keys of one length and their entries, flat (a typed array per key would cost more than its contents). */
interface Bucket {
  keys: string[];
  starts: Int32Array;
  entries: Int32Array;
}

function bucketOf(keys: [string, number[]][]): Bucket {
  const starts = new Int32Array(keys.length + 1);
  keys.forEach(([, list], k) => (starts[k + 1] = starts[k]! + list.length));
  const entries = new Int32Array(starts[keys.length]!);
  keys.forEach(([, list], k) => entries.set(list, starts[k]!));
  return { keys: keys.map(([key]) => key), starts, entries };
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
 * The best `first` hits in the order score, degree, name (localeCompare), the
 * earlier offered first among equals: what a stable sort of every hit then a
 * slice gives, without the sort.
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

function before(a: { entry: Entry; score: number }, b: { entry: Entry; score: number }): number {
  return b.score - a.score || b.entry.degree - a.entry.degree || a.entry.sortName.localeCompare(b.entry.sortName);
}
