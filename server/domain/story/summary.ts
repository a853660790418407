/**
 * What a story holds, counted, and the lines the seed CLI and `npm start`
 * print after a load or a check. Shared so both say the same thing.
 */
import type { EntityKind, Stats, Story } from '../types.js';

/** What a story holds, counted by kind and relation type: what the store keeps beside the graph. */
export interface StoryCounts {
  entities: number;
  relations: number;
  articles: number;
  /** Absent in graphs a store loaded before story format 2. */
  statements?: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
}

export function countStory(story: Story): StoryCounts {
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
  };
}

/** The counts as the API's Stats: kinds and types most frequent first, then by name. */
export function statsOfCounts(counts: StoryCounts): Stats {
  return {
    entities: counts.entities,
    relations: counts.relations,
    articles: counts.articles,
    statements: counts.statements ?? 0,
    byKind: Object.entries(counts.byKind)
      .map(([kind, count]) => ({ kind: kind as EntityKind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    byRelationType: Object.entries(counts.byType)
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

/** The statistics of a validated story, before any database holds it (seed --check). */
export function statsOfStory(story: Story): Stats {
  return statsOfCounts(countStory(story));
}

/** What the files were read as: the format version of each, and how many statements came of them. */
export interface StoryReading {
  fileVersions: Record<string, 1 | 2>;
  statements: number;
}

export function readingOf(story: Story): StoryReading {
  return { fileVersions: story.fileVersions ?? {}, statements: story.statements?.length ?? 0 };
}

/** "version 2 (a.json, b.json); version 1 (c.json: ...)": which version(s) the seed read, newest first. */
export function formatVersions({ fileVersions }: StoryReading): string {
  const byVersion = new Map<number, string[]>();
  for (const [file, v] of Object.entries(fileVersions)) byVersion.set(v, [...(byVersion.get(v) ?? []), file]);
  return [...byVersion]
    .sort((a, b) => b[0] - a[0])
    .map(([v, files]) => `version ${v} (${files.join(', ')}${v === 1 ? ': every evidence STATED, SAID relations read as statements' : ''})`)
    .join('; ');
}

export interface SummaryInput {
  /** What the store reported for the load; null when nothing was loaded (a check). */
  loaded: { mentions: number; milliseconds: number } | null;
  stats: Stats;
  target: string;
  /** What the files were read as, when the caller read them. */
  read?: StoryReading;
}

export function formatSummary({ loaded, stats, target, read }: SummaryInput): string {
  const lines = [
    loaded
      ? `Loaded ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles and ${loaded.mentions} article mentions into ${target} in ${Math.round(loaded.milliseconds)} ms.`
      : `Valid: ${stats.entities} entities, ${stats.relations} relations, ${stats.articles} articles. Loaded into ${target}.`,
    `Entities by kind:   ${stats.byKind.map((k) => `${k.kind} ${k.count}`).join(', ')}`,
    `Relations by type:  ${stats.byRelationType.map((t) => `${t.type} ${t.count}`).join(', ')}`,
  ];
  if (read) lines.push(`Statements:         ${read.statements}`, `Story format read:  ${formatVersions(read)}`);
  return lines.join('\n');
}
