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
  // Made on first use: most of a large story's passages are summaries tied to one entity.
  private weights: Map<string, number> | null = null;
  private relationIds: Set<string> | null = null;
  private statementIds: Set<string> | null = null;

  entity(id: string, weight: number): void {
    this.weights ??= new Map();
    this.weights.set(id, (this.weights.get(id) ?? 0) + weight);
  }

  relation(id: string, from: string, to: string): void {
    this.relationIds ??= new Set();
    if (this.relationIds.has(id)) return;
    if (this.relationIds.size < MAX_LINKS) this.relationIds.add(id);
    this.entity(from, 2);
    this.entity(to, 1);
  }

  statement(id: string, speaker: string): void {
    this.statementIds ??= new Set();
    if (this.statementIds.has(id)) return;
    if (this.statementIds.size < MAX_LINKS) this.statementIds.add(id);
    this.entity(speaker, 2);
  }

  /** The entity ids, most tied first; `degree` breaks ties (fewer relations first), then first tied. */
  entities(degree: ReadonlyMap<string, number>): string[] {
    if (!this.weights) return [];
    const weights = this.weights;
    if (weights.size === 1) return [...weights.keys()];
    const order = [...weights.keys()];
    const rank = new Map(order.map((id, i) => [id, i]));
    return order
      .sort((a, b) => weights.get(b)! - weights.get(a)! || (degree.get(a) ?? 0) - (degree.get(b) ?? 0) || rank.get(a)! - rank.get(b)!)
      .slice(0, MAX_LINKS);
  }

  relations(): string[] {
    return this.relationIds ? [...this.relationIds] : [];
  }

  statements(): string[] {
    return this.statementIds ? [...this.statementIds] : [];
  }
}
