/**
 * What each passage ties to in the graph: the relations and statements whose
 * evidence overlaps it, and the entities it is about. An entity scores 2 for
 * each piece of its own evidence, relation it starts or statement it makes in
 * the passage, 1 for each relation it ends and each time the passage names
 * it; the more specific (less connected) entity first among equals, then by
 * id. So a sentence that only says "she tore up her passport" still leads to
 * the person whose relation it is the evidence of. Nothing depends on the
 * order records arrive in: a load (from the story) and a restart (from a scan
 * of the stored graph) tie every passage to the same things, in one order.
 */

/** A passage lists at most this many entities, relations and statements (a sentence cited a million times is synthetic). */
export const MAX_LINKS = 100;

/** The smallest ids seen, at most MAX_LINKS of them, without keeping them all. */
class FewestIds {
  private ids: string[] = [];
  private readonly kept = new Set<string>();

  add(id: string): void {
    if (this.kept.has(id)) return;
    this.kept.add(id);
    this.ids.push(id);
    if (this.ids.length > 2 * MAX_LINKS) this.trim();
  }

  list(): string[] {
    this.trim();
    return [...this.ids];
  }

  private trim() {
    this.ids.sort();
    for (const id of this.ids.splice(MAX_LINKS)) this.kept.delete(id);
  }
}

export class PassageLinks {
  // Made on first use: most of a large story's passages are summaries tied to one entity.
  private weights: Map<string, number> | null = null;
  private relationIds: FewestIds | null = null;
  private statementIds: FewestIds | null = null;

  entity(id: string, weight: number): void {
    this.weights ??= new Map();
    this.weights.set(id, (this.weights.get(id) ?? 0) + weight);
  }

  /** Once per relation and passage (build-passages.ts sees to it). */
  relation(id: string, from: string, to: string): void {
    (this.relationIds ??= new FewestIds()).add(id);
    this.entity(from, 2);
    this.entity(to, 1);
  }

  /** Once per statement and passage. */
  statement(id: string, speaker: string): void {
    (this.statementIds ??= new FewestIds()).add(id);
    this.entity(speaker, 2);
  }

  /** The entity ids, most tied first; `degree` breaks ties (fewer relations first), then the id. */
  entities(degree: ReadonlyMap<string, number>): string[] {
    if (!this.weights) return [];
    const weights = this.weights;
    if (weights.size === 1) return [...weights.keys()];
    return [...weights.keys()]
      .sort((a, b) => weights.get(b)! - weights.get(a)! || (degree.get(a) ?? 0) - (degree.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_LINKS);
  }

  relations(): string[] {
    return this.relationIds?.list() ?? [];
  }

  statements(): string[] {
    return this.statementIds?.list() ?? [];
  }
}
