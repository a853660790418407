/**
 * What each passage ties to in the graph: the relations and statements whose
 * evidence overlaps it, and the entities it is about. An entity scores 2 for
 * each piece of its own evidence, relation it starts or statement it makes in
 * the passage, 1 for each relation it ends and each time the passage names
 * it; the more specific (less connected) entity first among equals. So a
 * sentence that only says "she tore up her passport" still leads to the
 * person whose relation it is the evidence of.
 */

/** A passage tied to at most this many entities and relations (a sentence cited a million times is synthetic). */
export const MAX_LINKS = 100;

export class PassageLinks {
  private readonly weights = new Map<string, number>();
  private readonly relationIds = new Set<string>();
  private readonly statementIds = new Set<string>();

  entity(id: string, weight: number): void {
    this.weights.set(id, (this.weights.get(id) ?? 0) + weight);
  }

  relation(id: string, from: string, to: string): void {
    if (this.relationIds.has(id)) return;
    if (this.relationIds.size < MAX_LINKS) this.relationIds.add(id);
    this.entity(from, 2);
    this.entity(to, 1);
  }

  statement(id: string, speaker: string): void {
    if (this.statementIds.has(id)) return;
    if (this.statementIds.size < MAX_LINKS) this.statementIds.add(id);
    this.entity(speaker, 2);
  }

  /** The entity ids, most tied first; `degree` breaks ties (fewer relations first), then first tied. */
  entities(degree: ReadonlyMap<string, number>): string[] {
    const order = [...this.weights.keys()];
    const rank = new Map(order.map((id, i) => [id, i]));
    return order
      .sort((a, b) => this.weights.get(b)! - this.weights.get(a)! || (degree.get(a) ?? 0) - (degree.get(b) ?? 0) || rank.get(a)! - rank.get(b)!)
      .slice(0, MAX_LINKS);
  }

  relations(): string[] {
    return [...this.relationIds];
  }

  statements(): string[] {
    return [...this.statementIds];
  }
}
