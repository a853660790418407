/**
 * The relations a full-text scan reads back, kept as columns instead of a
 * record each: ids, both ends as ints into one list of entity ids, and a
 * reference to the evidence quotes (rows citing the same words share one).
 * At a million relations the records took about 150 bytes each on the heap
 * (an object and two end strings per row); the columns take about 50 (the
 * id string, 8 bytes of ends, a pointer). Iterating yields a short-lived
 * record per relation, in the order they were added, as many times as asked.
 */
import { grow } from '../graph-index.js';
import type { PassageRelation, Quoted } from './build-passages.js';

export class RelationColumns implements Iterable<PassageRelation> {
  private readonly ids: string[] = [];
  private readonly evidence: (readonly Quoted[])[] = [];
  private ends = new Int32Array(2048);
  private readonly entities: string[] = [];
  private readonly entityAt = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string, from: string, to: string, evidence: readonly Quoted[]): void {
    const at = 2 * this.ids.length;
    if (at + 2 > this.ends.length) this.ends = grow(this.ends);
    this.ends[at] = this.entity(from);
    this.ends[at + 1] = this.entity(to);
    this.ids.push(id);
    this.evidence.push(evidence);
  }

  *[Symbol.iterator](): Iterator<PassageRelation> {
    for (let i = 0; i < this.ids.length; i++) {
      yield { id: this.ids[i]!, from: this.entities[this.ends[2 * i]!]!, to: this.entities[this.ends[2 * i + 1]!]!, evidence: this.evidence[i]! };
    }
  }

  private entity(id: string): number {
    let at = this.entityAt.get(id);
    if (at === undefined) this.entityAt.set(id, (at = this.entities.push(id) - 1));
    return at;
  }
}
