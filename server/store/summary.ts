/**
 * The story statistics, computed once per load from the story itself and kept
 * with the graph, so that stats and totalCount never scan. The seed's
 * `--check` and every engine use these same functions.
 */
import type { EntityKind, Stats, Story } from '../domain/types.js';

export interface GraphSummary {
  entities: number;
  relations: number;
  articles: number;
  /** Absent in graphs loaded before story format 2. */
  statements?: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  loadedAt: string;
}

export const EMPTY_SUMMARY: GraphSummary = { entities: 0, relations: 0, articles: 0, statements: 0, byKind: {}, byType: {}, loadedAt: '' };

export function summarise(story: Story, now = new Date()): GraphSummary {
  const byKind: Record<string, number> = {};
  for (const e of story.entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const byType: Record<string, number> = {};
  for (const r of story.relations) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return {
    entities: story.entities.length,
    relations: story.relations.length,
    articles: story.articles.length,
    statements: story.statements?.length ?? 0,
    byKind,
    byType,
    loadedAt: now.toISOString(),
  };
}

export function statsOf(summary: GraphSummary): Stats {
  return {
    entities: summary.entities,
    relations: summary.relations,
    articles: summary.articles,
    statements: summary.statements ?? 0,
    byKind: Object.entries(summary.byKind)
      .map(([kind, count]) => ({ kind: kind as EntityKind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    byRelationType: Object.entries(summary.byType)
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

/** The statistics of a story that is not loaded anywhere (the seed's --check). */
export function storyStats(story: Story): Stats {
  return statsOf(summarise(story));
}

/** Relations counted for a type filter (all of them without one). */
export function relationTotal(summary: GraphSummary, types: readonly string[] | null | undefined): number {
  return types?.length ? types.reduce((n, t) => n + (summary.byType[t] ?? 0), 0) : summary.relations;
}

export function entityTotal(summary: GraphSummary, kind: EntityKind | null): number {
  return kind ? (summary.byKind[kind] ?? 0) : summary.entities;
}
