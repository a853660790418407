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
    statements: story.statements?.length ?? 0,
    byKind: count(story.entities, (e) => e.kind).map(([kind, c]) => ({ kind: kind as Stats['byKind'][number]['kind'], count: c })),
    byRelationType: count(story.relations, (r) => r.type).map(([type, c]) => ({ type, count: c })),
  };
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
