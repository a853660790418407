/**
 * The CSV files COPY reads, one per table, in the column order of
 * cypher/ladybug/schema.cypher (the columns a later version added come last,
 * as ALTER TABLE ... ADD appends them to an older file's tables).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lazyMap } from '../lists.js';
import type { RelationRecord, StoryRecords } from '../records.js';
import { SUMMARY_KEY, type GraphSummary } from '../summary.js';

export type Table = 'entities' | 'articles' | 'statements' | 'relations' | 'mentions' | 'spoke' | 'about' | 'meta';

type Rows = Iterable<readonly unknown[]>;

/** The tables whose rows a writer may read one at a time: relations, from the story itself (relationRecord). */
export type TableRecords = Omit<StoryRecords, 'relations'> & { relations: Iterable<RelationRecord> };

/** Each table's rows, made when asked for, in the column order of schema.cypher; meta last. */
export function tableRows(records: TableRecords, summary: GraphSummary): Record<Table, () => Rows> {
  const { entities, articles, statements, relations, mentions, about } = records;
  return {
    entities: () => entities.map((e) => [e.id, e.kind, e.name, e.aliases, e.summary, e.date, e.evidence, e.claims, e.keys, e.degree, e.endDate, e.dateDerived, e.standsFor]),
    articles: () => articles.map((a) => [a.id, a.title, a.text, a.url, a.source, a.published, a.publishedDerived]),
    statements: () => statements.map((s) => [s.id, s.speaker, s.words, s.date, s.dateDerived, s.channel, s.about, s.reportedBy, s.evidence]),
    relations: () => lazyMap(relations, ({ from, to, properties: p }) => [from, to, p.id, p.type, p.date, p.note, p.evidence, p.endDate, p.dateDerived, p.role]),
    mentions: () => mentions.map((m) => [m.article, m.entity]),
    spoke: () => statements.map((s) => [s.speaker, s.id]),
    about: () => about.map((a) => [a.statement, a.entity]),
    meta: () => [[SUMMARY_KEY, JSON.stringify(summary)]],
  };
}

/** Writes every table's file into `dir`, meta last (the bare COPY of the benchmark; a load writes them one by one inside its transaction). */
export function writeStoryCsv(records: TableRecords, summary: GraphSummary, dir: string): Record<Table, string> {
  const rows = tableRows(records, summary);
  return Object.fromEntries(Object.entries(rows).map(([table, made]) => [table, writeCsv(dir, table, made())])) as Record<Table, string>;
}

/** One table's file in `dir`, written a megabyte at a time. */
export function writeCsv(dir: string, name: string, rows: Rows): string {
  const file = path.join(dir, `${name}.csv`);
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(csvField).join(',') + '\n';
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${String(value).replace(/"/g, '""')}"`;
}
