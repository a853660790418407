/**
 * The graph's shape in memory, for an engine that cannot expand a set of ids
 * through its index (LadybugDB: `a.id IN $ids` scans every entity, and every
 * set-based relation pattern scans every relation; cypher/ladybug/neighbours.cypher).
 * Entity ids map to dense ints; adjacency is CSR in typed arrays (neighbour,
 * relation type code, direction), with each entity's kind and stored degree:
 * about 10 bytes per relation end, so a million relations take about 20 MiB
 * beside the ids. Built from one scan after open and after every load. The
 * neighbourhood and the shortest path walk here, and the engine is asked only
 * for the records of the answer (graph-reads.ts).
 */
import type { EntityKind } from '../domain/types.js';
import type { Neighbour } from './ranked-walk.js';

/** Direction bit of an adjacency entry: set when the entity is the relation's target. */
const INCOMING = 0x80;

/** Builds an index one row at a time (rows streamed from a scan need not all be held). */
export class GraphIndexBuilder {
  private readonly ids: string[] = [];
  private readonly kinds: string[] = [];
  private readonly kindCodes = new Map<string, number>();
  private kindOf: number[] = [];
  private degrees: number[] = [];
  private keys: number[] = [];
  private readonly typeNames: string[] = [];
  private readonly typeCodes = new Map<string, number>();
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private type = new Uint8Array(1024);
  private relations = 0;

  /**
   * Adds an entity; returns its dense int (relations name their ends by it).
   * `key` is what the engine knows it by besides its id (LadybugDB: its
   * internal offset, which a statement can filter a list of cheaply).
   */
  entity(id: string, kind: string, degree: number, key = this.ids.length): number {
    this.keys.push(key);
    let k = this.kindCodes.get(kind);
    if (k === undefined) this.kindCodes.set(kind, (k = this.kinds.push(kind) - 1));
    this.kindOf.push(k);
    this.degrees.push(degree);
    return this.ids.push(id) - 1;
  }

  /** Adds a relation between two entities already added, by their dense ints. */
  relation(from: number, to: number, type: string): void {
    let t = this.typeCodes.get(type);
    if (t === undefined) {
      if (this.typeNames.length >= INCOMING) throw new Error(`more than ${INCOMING} relation types: the graph index codes a type in 7 bits`);
      this.typeCodes.set(type, (t = this.typeNames.push(type) - 1));
    }
    if (this.relations === this.from.length) {
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.type = grow(this.type);
    }
    this.from[this.relations] = from;
    this.to[this.relations] = to;
    this.type[this.relations++] = t;
  }

  build(): GraphIndex {
    const n = this.ids.length;
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < this.relations; i++) {
      offsets[this.from[i]! + 1]!++;
      offsets[this.to[i]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const other = new Int32Array(2 * this.relations);
    const info = new Uint8Array(2 * this.relations);
    for (let i = 0; i < this.relations; i++) {
      const [a, b, t] = [this.from[i]!, this.to[i]!, this.type[i]!];
      other[fill[a]!] = b;
      info[fill[a]!++] = t;
      other[fill[b]!] = a;
      info[fill[b]!++] = t | INCOMING;
    }
    return new GraphIndex(this.ids, Uint8Array.from(this.kindOf), this.kinds, Int32Array.from(this.degrees), Float64Array.from(this.keys), offsets, other, info, this.typeNames);
  }
}

/** A typed array twice as long holding the same values first (builders that do not know their size). */
export function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** A directed pair of entities with at least one relation from the first to the second. */
export interface Pair {
  from: string;
  to: string;
}

export class GraphIndex {
  private readonly byId: Map<string, number>;

  constructor(
    private readonly ids: readonly string[],
    private readonly kindOf: Uint8Array,
    private readonly kinds: readonly string[],
    private readonly degree: Int32Array,
    private readonly keys: Float64Array,
    private readonly offsets: Uint32Array,
    private readonly other: Int32Array,
    private readonly info: Uint8Array,
    private readonly typeNames: readonly string[],
  ) {
    this.byId = new Map(ids.map((id, i) => [id, i]));
  }

  /** An index from plain rows (tests, and the in-memory graphs). */
  static of(entities: readonly { id: string; kind: string; degree: number }[], relations: readonly { from: string; to: string; type: string }[]): GraphIndex {
    const builder = new GraphIndexBuilder();
    const at = new Map(entities.map((e) => [e.id, builder.entity(e.id, e.kind, e.degree)]));
    for (const r of relations) {
      const [a, b] = [at.get(r.from), at.get(r.to)];
      if (a !== undefined && b !== undefined) builder.relation(a, b, r.type);
    }
    return builder.build();
  }

  get entities(): number {
    return this.ids.length;
  }

  get relations(): number {
    return this.other.length / 2;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The engine's key of an entity (GraphIndexBuilder.entity), undefined for an unknown id. */
  keyOf(id: string): number | undefined {
    const a = this.byId.get(id);
    return a === undefined ? undefined : this.keys[a];
  }

  /**
   * Ranges [lo, hi) of the engine's keys that cover every key, each holding
   * the sources of at most `most` relations (an entity with more has a range
   * of its own): a scan of every relation read range by range holds one
   * range's rows in the engine at a time (LadybugEngine.scan).
   */
  keyRanges(most: number): [number, number][] {
    const order = Array.from(this.keys.keys()).sort((x, y) => this.keys[x]! - this.keys[y]!);
    const ranges: [number, number][] = [];
    let lo = 0;
    let held = 0;
    for (const a of order) {
      let out = 0;
      for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) if ((this.info[j]! & INCOMING) === 0) out++;
      if (held > 0 && held + out > most) {
        ranges.push([lo, this.keys[a]!]);
        [lo, held] = [this.keys[a]!, 0];
      }
      held += out;
    }
    ranges.push([lo, order.length ? this.keys[order[order.length - 1]!]! + 1 : 1]);
    return ranges;
  }

  /** The type codes of `types` (null for every type; codes of unknown types are left out). */
  private typeMask(types: readonly string[] | null | undefined): Set<number> | null {
    if (!types?.length) return null;
    return new Set(types.map((t) => this.typeNames.indexOf(t)).filter((c) => c >= 0));
  }

  /** Distinct entities one hop from any of `ids` (either direction) through relations of `types` (all when empty), in the order first met. */
  neighbours(ids: readonly string[], types?: readonly string[] | null): Neighbour[] {
    const mask = this.typeMask(types);
    const seen = new Set<number>();
    const out: Neighbour[] = [];
    for (const id of ids) {
      const a = this.byId.get(id);
      if (a === undefined) continue;
      for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) {
        if (mask && !mask.has(this.info[j]! & ~INCOMING)) continue;
        const b = this.other[j]!;
        if (seen.has(b)) continue;
        seen.add(b);
        out.push({ id: this.ids[b]!, kind: this.kinds[this.kindOf[b]!] as EntityKind, degree: this.degree[b]! });
      }
    }
    return out;
  }

  /**
   * Every directed pair of `ids` joined by a relation of `types` (all when
   * empty), grouped for fetching: each pair is listed once, under one of its
   * ends, as that end's outgoing or incoming neighbours. The ends are chosen
   * greedily, most pairs for their cost first: reading an end's relations
   * costs a test of every entity (the statement finds its ends by a list of
   * offsets, cypher/ladybug/relations-from-heads.cypher) plus a list test of
   * each relation of its own in that direction, so a hub's thousands of
   * incoming relations are read from their other ends where that is cheaper.
   */
  pairsAmong(ids: readonly string[], types?: readonly string[] | null): { id: string; out: string[]; in: string[] }[] {
    const mask = this.typeMask(types);
    const inside = new Set<number>();
    for (const id of ids) {
      const a = this.byId.get(id);
      if (a !== undefined) inside.add(a);
    }
    // Candidate heads: 2a reads a's outgoing pairs, 2a+1 its incoming ones; a pair a -> b is the key a*n+b.
    const n = this.ids.length;
    const pairsOf = new Map<number, number[]>();
    const ends = new Map<number, number>(); // relations of each head, in its direction
    for (const a of inside) {
      for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) {
        const b = this.other[j]!;
        const incoming = (this.info[j]! & INCOMING) !== 0;
        ends.set(2 * a + (incoming ? 1 : 0), (ends.get(2 * a + (incoming ? 1 : 0)) ?? 0) + 1);
        if (!inside.has(b) || (mask && !mask.has(this.info[j]! & ~INCOMING))) continue;
        const head = 2 * a + (incoming ? 1 : 0);
        let list = pairsOf.get(head);
        if (!list) pairsOf.set(head, (list = []));
        list.push(incoming ? b * n + a : a * n + b);
      }
    }
    // Lazy greedy weighted set cover: a head's pairs per cost only fall, so the top is taken once its recount still leads.
    const cost = (head: number) => n + ends.get(head)! * inside.size;
    const queue = [...pairsOf.keys()].map((head) => ({ head, count: pairsOf.get(head)!.length / cost(head) })).sort(byCount);
    const taken = new Set<number>();
    const groups = new Map<number, { id: string; out: string[]; in: string[] }>();
    while (queue.length) {
      const top = queue.shift()!;
      const fresh = pairsOf.get(top.head)!.filter((key) => !taken.has(key));
      if (fresh.length === 0) continue;
      if (queue.length && fresh.length / cost(top.head) < queue[0]!.count) {
        top.count = fresh.length / cost(top.head);
        queue.splice(sortedIndex(queue, top), 0, top);
        continue;
      }
      const a = top.head >> 1;
      let group = groups.get(a);
      if (!group) groups.set(a, (group = { id: this.ids[a]!, out: [], in: [] }));
      for (const key of fresh) {
        taken.add(key);
        if (top.head & 1) group.in.push(this.ids[Math.floor(key / n)]!);
        else group.out.push(this.ids[key % n]!);
      }
    }
    // Parallel relations of one pair: listed once.
    return [...groups.values()].map((g) => ({ id: g.id, out: [...new Set(g.out)], in: [...new Set(g.in)] }));
  }

  /**
   * The entities of the shortest undirected path from `from` to `to` of at
   * most `maxLength` relations, choosing as shortest-walk.ts does: of the
   * shortest paths, the first by its entity ids joined with '|'. Null when
   * none is that short. A bidirectional breadth-first search, the smaller
   * frontier first.
   */
  shortestPath(from: string, to: string, maxLength: number): string[] | null {
    const [s, t] = [this.byId.get(from), this.byId.get(to)];
    if (s === undefined || t === undefined) return null;
    if (s === t) return [from];
    const dist = [new Map([[s, 0]]), new Map([[t, 0]])] as const;
    const layers: [number[][], number[][]] = [[[s]], [[t]]];
    let length = -1;
    while (length < 0 && layers[0].length - 1 + layers[1].length - 1 < maxLength) {
      const side = layers[0].at(-1)!.length <= layers[1].at(-1)!.length ? 0 : 1;
      const frontier = layers[side].at(-1)!;
      if (frontier.length === 0) return null;
      const depth = layers[side].length;
      const next: number[] = [];
      for (const a of frontier) {
        for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) {
          const b = this.other[j]!;
          if (dist[side].has(b)) continue;
          dist[side].set(b, depth);
          next.push(b);
          const there = dist[1 - side]!.get(b);
          if (there !== undefined && (length < 0 || depth + there < length)) length = depth + there;
        }
      }
      layers[side].push(next);
    }
    if (length < 0 || length > maxLength) return null;
    // The entities on some shortest path, by position from the source.
    const known = [layers[0].length - 1, layers[1].length - 1];
    const on: Set<number>[] = Array.from({ length: length + 1 }, () => new Set<number>());
    const lo = Math.max(0, length - known[1]!);
    const hi = Math.min(length, known[0]!);
    for (let i = lo; i <= hi; i++) for (const a of layers[0][i]!) if (dist[1].get(a) === length - i) on[i]!.add(a);
    for (let i = lo - 1; i >= 0; i--) for (const a of layers[0][i]!) if (this.touches(a, on[i + 1]!)) on[i]!.add(a);
    for (let i = hi + 1; i <= length; i++) for (const a of layers[1][length - i]!) if (this.touches(a, on[i - 1]!)) on[i]!.add(a);
    // The first path in the order of its joined ids.
    const path = [s];
    for (let i = 1; i <= length; i++) {
      const a = path[i - 1]!;
      let best = -1;
      for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) {
        const b = this.other[j]!;
        if (on[i]!.has(b) && (best < 0 || inJoined(this.ids[b]!, this.ids[best]!) < 0)) best = b;
      }
      path.push(best);
    }
    return path.map((a) => this.ids[a]!);
  }

  private touches(a: number, set: Set<number>): boolean {
    for (let j = this.offsets[a]!; j < this.offsets[a + 1]!; j++) if (set.has(this.other[j]!)) return true;
    return false;
  }

  /** Bytes held in typed arrays (the ids and their map come on top: about 100 bytes an entity). */
  get typedBytes(): number {
    return this.kindOf.byteLength + this.degree.byteLength + this.keys.byteLength + this.offsets.byteLength + this.other.byteLength + this.info.byteLength;
  }
}

const byCount = (a: { head: number; count: number }, b: { head: number; count: number }) => b.count - a.count || a.head - b.head;

/** Where `item` goes in a list ordered byCount. */
function sortedIndex(list: { head: number; count: number }[], item: { head: number; count: number }): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byCount(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Orders ids as they compare inside a '|'-joined list (a token followed by '|'). */
export const inJoined = (a: string, b: string) => cmp(`${a}|`, `${b}|`);
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
