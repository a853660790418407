/**
 * The graph summary: the story's counts (countStory, the one place they are
 * computed) and when it was loaded, kept with the graph so that stats and
 * totalCount never scan.
 */
import { countStory, statsOfCounts, type StoryCounts } from '../domain/story/summary.js';
import type { EntityKind, Stats, Story } from '../domain/types.js';

export interface GraphSummary extends StoryCounts {
  loadedAt: string;
}

/** The key the summary is stored under (a :Meta node's key, a meta table's row). */
export const SUMMARY_KEY = 'graph';

export const EMPTY_SUMMARY: GraphSummary = { entities: 0, relations: 0, articles: 0, statements: 0, byKind: {}, byType: {}, loadedAt: '' };

export function summarise(story: Story, now = new Date()): GraphSummary {
  return { ...countStory(story), loadedAt: now.toISOString() };
}

export function statsOf(summary: GraphSummary): Stats {
  return statsOfCounts(summary);
}

/** Relations counted for a type filter (all of them without one). */
export function relationTotal(summary: GraphSummary, types: readonly string[] | null | undefined): number {
  return types?.length ? types.reduce((n, t) => n + (summary.byType[t] ?? 0), 0) : summary.relations;
}

export function entityTotal(summary: GraphSummary, kind: EntityKind | null): number {
  return kind ? (summary.byKind[kind] ?? 0) : summary.entities;
}
