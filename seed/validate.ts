/**
 * Reads and validates a whole story: every data file against the zod schema,
 * then the checks across records (unique ids, known ends, known articles,
 * quotes found verbatim in their article). Collects every problem, naming
 * file, record and what is wrong, and returns a Story only when there is none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InvalidStory } from '../server/domain/errors.js';
import { normaliseQuote } from '../server/domain/text.js';
import type { Article, Evidence, Story } from '../server/domain/types.js';
import { readArticles } from './articles.js';
import { storyFileSchema, type StoryFile } from './format.js';
import { findMentions } from './mentions.js';

export interface StoryDirs {
  /** Folder of *.json data files. */
  data: string;
  /** Folder of *.txt source articles. */
  articles: string;
}

export function readStory(dirs: StoryDirs): Story {
  const problems: string[] = [];
  if (!fs.existsSync(dirs.data)) throw new InvalidStory([`the data folder ${dirs.data} does not exist: pass --data DIR with the story's *.json files`]);
  const articles = readArticles(dirs.articles);
  if (articles.length === 0) problems.push(`no articles (*.txt) in ${dirs.articles}: every quote must cite one`);
  const files = fs.readdirSync(dirs.data).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) problems.push(`no data files (*.json) in ${dirs.data}`);

  const parsed: { file: string; doc: StoryFile }[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dirs.data, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: is not valid JSON (${(err as Error).message})`);
      continue;
    }
    const result = storyFileSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${file}: ${describeIssue(raw, issue)}`);
      continue;
    }
    parsed.push({ file, doc: result.data });
  }
  return checkStory(parsed, articles, problems);
}

/** The checks that need every file at once. Exported for tests of in-memory stories. */
export function checkStory(parsed: { file: string; doc: StoryFile }[], sourceArticles: Article[], problems: string[] = []): Story {
  const texts = new Map(sourceArticles.map((a) => [a.id, normaliseQuote(a.text)]));
  const checkEvidence = (where: string, evidence: Evidence[]) => {
    for (const ev of evidence) {
      const text = texts.get(ev.article);
      if (text === undefined) problems.push(`${where}: cites unknown article "${ev.article}" (articles are the *.txt file names: ${[...texts.keys()].join(', ')})`);
      else if (!text.includes(normaliseQuote(ev.quote))) problems.push(`${where}: quote not found in article ${ev.article}: "${ev.quote.slice(0, 80)}" (quotes must be verbatim; only whitespace and typographic quotes may differ)`);
    }
  };

  const entityFile = new Map<string, string>();
  const entities: Story['entities'] = [];
  for (const { file, doc } of parsed) {
    for (const e of doc.entities) {
      const where = `${file} entity "${e.id}"`;
      const earlier = entityFile.get(e.id);
      if (earlier) problems.push(`${where}: duplicate id, already defined in ${earlier}`);
      entityFile.set(e.id, file);
      checkEvidence(where, e.evidence);
      e.claims.forEach((c, i) => checkEvidence(`${where} claim ${i + 1} ("${c.measure}")`, c.evidence));
      entities.push({ ...e, summary: e.summary ?? null, date: e.date ?? null, claims: e.claims.map((c) => ({ ...c, qualifier: c.qualifier ?? null })) });
    }
  }

  const relationFile = new Map<string, string>();
  const relations: Story['relations'] = [];
  for (const { file, doc } of parsed) {
    for (const r of doc.relations) {
      const id = r.id ?? `${r.from}.${r.type.toLowerCase()}.${r.to}`;
      const where = `${file} relation ${r.from} -${r.type}-> ${r.to}`;
      if (!entityFile.has(r.from)) problems.push(`${where}: unknown entity "${r.from}" in "from" (define it in an entities array)`);
      if (!entityFile.has(r.to)) problems.push(`${where}: unknown entity "${r.to}" in "to" (define it in an entities array)`);
      const earlier = relationFile.get(id);
      if (earlier) problems.push(`${where}: duplicate relation id "${id}", already in ${earlier} (merge the evidence into one relation, or give each an explicit "id")`);
      relationFile.set(id, file);
      checkEvidence(where, r.evidence);
      relations.push({ id, type: r.type, from: r.from, to: r.to, date: r.date ?? null, note: r.note ?? null, evidence: r.evidence });
    }
  }

  const meta = new Map(parsed.flatMap(({ doc }) => doc.articles.map((a) => [a.id, a] as const)));
  for (const { file, doc } of parsed) for (const a of doc.articles) if (!texts.has(a.id)) problems.push(`${file} article "${a.id}": no such article file (${a.id}.txt)`);
  if (problems.length > 0) throw new InvalidStory(problems);

  const articles = sourceArticles.map((a) => {
    const m = meta.get(a.id);
    return { ...a, title: m?.title ?? a.title, url: m?.url ?? null, source: m?.source ?? null };
  });
  return { entities, relations, articles, mentions: findMentions(articles, entities) };
}

const SINGULAR = { entities: 'entity', relations: 'relation', articles: 'article' } as const;

/** "entities[3] (id "x") kind: must be one of ..." — names the record, not only the path. */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [list, index, ...rest] = issue.path;
  let record = issue.path.join('.') || '(file)';
  if ((list === 'entities' || list === 'relations' || list === 'articles') && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)[list]?.[index] as Record<string, unknown> | undefined;
    const label = list === 'relations' ? `${item?.from ?? '?'} -${item?.type ?? '?'}-> ${item?.to ?? '?'}` : `"${item?.id ?? '?'}"`;
    record = `${SINGULAR[list]} ${index + 1} ${label}${rest.length ? ` field ${rest.join('.')}` : ''}`;
  }
  return `${record}: ${issue.message}`;
}
