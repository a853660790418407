/**
 * What a story holds, counted, and the lines the seed CLI and `npm start`
 * print after a load or a check. Shared so both say the same thing.
 */
import type { Stats, Story } from '../types.js';

/** The counts of a validated story, before any database holds it (seed --check). */
export function statsOfStory(story: Story): Stats {
  const count = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    entities: story.entities.length,
    relations: story.relations.length,
    articles: story.articles.length,
    byKind: count(story.entities, (e) => e.kind).map(([kind, c]) => ({ kind: kind as Stats['byKind'][number]['kind'], count: c })),
    byRelationType: count(story.relations, (r) => r.type).map(([type, c]) => ({ type, count: c })),
  };
}

export interface SummaryInput {
  /** What the store reported for the load; null when nothing was loaded (a check). */
  loaded: { mentions: number; milliseconds: number } | null;
  stats: Stats;
  target: string;
}

export function formatSummary({ loaded, stats, target }: SummaryInput): string {
  const lines = [
    loaded
      ? `Loaded ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles and ${loaded.mentions} article mentions into ${target} in ${Math.round(loaded.milliseconds)} ms.`
      : `Valid: ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles. Loaded into ${target}.`,
    `Entities by kind:   ${stats.byKind.map((k) => `${k.kind} ${k.count}`).join(', ')}`,
    `Relations by type:  ${stats.byRelationType.map((t) => `${t.type} ${t.count}`).join(', ')}`,
  ];
  return lines.join('\n');
}
