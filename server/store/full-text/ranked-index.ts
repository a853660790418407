/**
 * BM25+ over an impact-ordered inverted index, read best first without
 * scoring every match. On a large graph a common word ("released") is in
 * tens of thousands of passages; scoring and sorting all of them for the ten
 * best made a search take hundreds of milliseconds. A passage's score for a
 * term depends only on the passage and the term (BM25+ with fixed
 * parameters), so it is computed once, at build time (the "impact"), and
 * each term's postings are kept best first. A search then reads the lists
 * best first and stops as soon as nothing unread can beat what it has: the
 * threshold algorithm (Fagin, Lotem and Naor), with a forward index (each
 * passage's terms and impacts) to complete the score of a passage seen in
 * one list.
 *
 * Scores are MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5, the field length is
 * the number of distinct words), times the number of query words matched, so
 * the ranking is the one the index had when MiniSearch scored every match
 * (passages with exactly equal scores may come in another order).
 */

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One passage as indexed: its terms in order (stop words left out) and its length in distinct words. */
export interface IndexedDocument {
  terms: readonly string[];
  length: number;
}

/** A term of a query, its weight, and the query word(s) it stands for (completions of one word count as one match). */
export interface WeightedTerm {
  term: string;
  weight: number;
  word: string;
}

export interface RankedHit {
  doc: number;
  score: number;
  /** The query terms the passage holds. */
  terms: string[];
}

export class RankedIndex {
  private constructor(
    /** term -> id */
    private readonly ids: Map<string, number>,
    private readonly names: string[],
    /** Postings of term t: [postStart[t], postStart[t + 1]), best impact first, then by passage. */
    private readonly postStart: Int32Array,
    private readonly postDoc: Int32Array,
    private readonly postImpact: Float64Array,
    /** Terms of passage d: [fwdStart[d], fwdStart[d + 1]), each once. */
    private readonly fwdStart: Int32Array,
    private readonly fwdTerm: Int32Array,
    private readonly fwdImpact: Float64Array,
  ) {}

  static build(docs: readonly IndexedDocument[]): RankedIndex {
    const ids = new Map<string, number>();
    const names: string[] = [];
    const df: number[] = [];
    const fwdStart = new Int32Array(docs.length + 1);
    const fwdTerm: number[] = [];
    const fwdTf: number[] = [];
    let totalLength = 0;
    docs.forEach((doc, d) => {
      totalLength += doc.length;
      const tf = new Map<number, number>();
      for (const term of doc.terms) {
        let id = ids.get(term);
        if (id === undefined) {
          ids.set(term, (id = names.length));
          names.push(term);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const [id, n] of tf) {
        fwdTerm.push(id);
        fwdTf.push(n);
        df[id]!++;
      }
      fwdStart[d + 1] = fwdTerm.length;
    });

    const n = docs.length;
    const average = n ? totalLength / n : 1;
    const fwdImpact = new Float64Array(fwdTerm.length);
    docs.forEach((doc, d) => {
      const norm = K * (1 - B + (B * doc.length) / average);
      for (let i = fwdStart[d]!; i < fwdStart[d + 1]!; i++) {
        const matching = df[fwdTerm[i]!]!;
        const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
        const tf = fwdTf[i]!;
        fwdImpact[i] = idf * (D + (tf * (K + 1)) / (tf + norm));
      }
    });

    // Postings: counted, filled in passage order, then each list sorted best first (ties by passage).
    const postStart = new Int32Array(names.length + 1);
    for (let t = 0; t < names.length; t++) postStart[t + 1] = postStart[t]! + df[t]!;
    const fill = postStart.slice(0, names.length);
    const postDoc = new Int32Array(fwdTerm.length);
    const postImpact = new Float64Array(fwdTerm.length);
    for (let d = 0; d < n; d++) {
      for (let i = fwdStart[d]!; i < fwdStart[d + 1]!; i++) {
        const at = fill[fwdTerm[i]!]!++;
        postDoc[at] = d;
        postImpact[at] = fwdImpact[i]!;
      }
    }
    for (let t = 0; t < names.length; t++) {
      const from = postStart[t]!;
      const to = postStart[t + 1]!;
      const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => postImpact[b]! - postImpact[a]! || postDoc[a]! - postDoc[b]!);
      const docsSorted = order.map((i) => postDoc[i]!);
      const impactsSorted = order.map((i) => postImpact[i]!);
      postDoc.set(docsSorted, from);
      postImpact.set(impactsSorted, from);
    }
    return new RankedIndex(ids, names, postStart, postDoc, postImpact, fwdStart, Int32Array.from(fwdTerm), fwdImpact);
  }

  get termCount(): number {
    return this.names.length;
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** How many passages hold a term. */
  frequency(term: string): number {
    const t = this.ids.get(term);
    return t === undefined ? 0 : this.postStart[t + 1]! - this.postStart[t]!;
  }

  /**
   * Passages holding any of the terms, best first, read lazily: the caller
   * takes as many as it needs. `accept` leaves passages out (a kind filter)
   * before they are scored.
   */
  *ranked(query: readonly WeightedTerm[], accept?: (doc: number) => boolean): Generator<RankedHit> {
    const lists = this.lists(query);
    if (lists.length === 0) return;
    const scorer = this.scorer(lists);
    const seen = new Set<number>();
    const heap = new HitHeap();
    for (;;) {
      // What no passage unread yet can beat: each group it may match at most once per list still open.
      let open = 0;
      let sum = 0;
      const groups = new Set<number>();
      let next: List | null = null;
      for (const l of lists) {
        if (l.at >= l.end) continue;
        const v = l.weight * this.postImpact[l.at]!;
        sum += v;
        open++;
        groups.add(l.group);
        if (!next || v > next.weight * this.postImpact[next.at]!) next = l;
      }
      const bound = groups.size * sum;
      while (heap.size && (open === 0 || heap.peek().score >= bound)) yield heap.pop();
      if (!next) return;
      const doc = this.postDoc[next.at++]!;
      if (seen.has(doc)) continue;
      seen.add(doc);
      if (accept && !accept(doc)) continue;
      heap.push(scorer(doc));
    }
  }

  /** Passages holding every term, each with its score for these terms (and for `extra` ones it holds), in no order. */
  every(terms: readonly string[], extra: readonly WeightedTerm[] = [], accept?: (doc: number) => boolean): RankedHit[] {
    const ids = [...new Set(terms)].map((t) => this.ids.get(t));
    if (ids.length === 0 || ids.some((t) => t === undefined)) return [];
    const all = ids as number[];
    const rarest = all.reduce((a, b) => (this.postStart[b + 1]! - this.postStart[b]! < this.postStart[a + 1]! - this.postStart[a]! ? b : a));
    const required = this.scorer(this.lists(all.map((t) => ({ term: this.names[t]!, weight: 1, word: this.names[t]! }))));
    const bonus = extra.length ? this.scorer(this.lists(extra)) : null;
    const out: RankedHit[] = [];
    for (let i = this.postStart[rarest]!; i < this.postStart[rarest + 1]!; i++) {
      const doc = this.postDoc[i]!;
      if (accept && !accept(doc)) continue;
      const hit = required(doc);
      if (hit.terms.length < all.length) continue;
      const more = bonus?.(doc);
      out.push(more && more.terms.length ? { doc, score: hit.score + more.score, terms: more.terms } : { doc, score: hit.score, terms: [] });
    }
    return out;
  }

  private lists(query: readonly WeightedTerm[]): List[] {
    const groupOf = new Map<string, number>();
    const byTerm = new Map<number, { weight: number; words: Set<string> }>();
    for (const q of query) {
      const t = this.ids.get(q.term);
      if (t === undefined) continue;
      const entry = byTerm.get(t) ?? { weight: 0, words: new Set<string>() };
      entry.weight = Math.max(entry.weight, q.weight);
      entry.words.add(q.word);
      byTerm.set(t, entry);
    }
    return [...byTerm].map(([t, { weight, words }]) => {
      // A term standing for the same word(s) as another (two completions of one prefix) is one match, not two.
      const key = [...words].sort().join(' ');
      if (!groupOf.has(key)) groupOf.set(key, groupOf.size);
      return { term: t, weight, group: groupOf.get(key)!, at: this.postStart[t]!, end: this.postStart[t + 1]! };
    });
  }

  /** A passage's whole score for these lists, from the forward index. */
  private scorer(lists: readonly List[]): (doc: number) => RankedHit {
    const byTerm = new Map(lists.map((l) => [l.term, l]));
    return (doc) => {
      let sum = 0;
      const terms: string[] = [];
      const groups = new Set<number>();
      for (let i = this.fwdStart[doc]!; i < this.fwdStart[doc + 1]!; i++) {
        const l = byTerm.get(this.fwdTerm[i]!);
        if (!l) continue;
        sum += l.weight * this.fwdImpact[i]!;
        terms.push(this.names[l.term]!);
        groups.add(l.group);
      }
      return { doc, score: sum * groups.size, terms };
    };
  }
}

interface List {
  term: number;
  weight: number;
  group: number;
  at: number;
  end: number;
}

/** A binary max-heap of hits: best score first, then the earlier passage. */
class HitHeap {
  private readonly items: RankedHit[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): RankedHit {
    return this.items[0]!;
  }

  push(hit: RankedHit): void {
    const items = this.items;
    items.push(hit);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): RankedHit {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && better(items[l]!, items[best]!)) best = l;
        if (r < items.length && better(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

function better(a: RankedHit, b: RankedHit): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc);
}
