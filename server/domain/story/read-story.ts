/**
 * Reads and validates a whole story from its folders: every data file against
 * the zod schema (format.ts) in the version it declares (versions.ts), then
 * the checks across records (check-story.ts).
 * Collects every problem, naming file, record and what is wrong, and returns a
 * Story only when there is none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InvalidStory } from '../errors.js';
import type { Article, Story } from '../types.js';
import { readArticles } from './articles.js';
import { checkStory, type ParsedFile } from './check-story.js';
import { storyFileSchema } from './format.js';
import { versionOf, versionTwoFieldsIn } from './versions.js';

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

  const raws: RawStoryFile[] = [];
  for (const file of files) {
    try {
      raws.push({ file, raw: JSON.parse(fs.readFileSync(path.join(dirs.data, file), 'utf8')) });
    } catch (err) {
      problems.push(`${file}: is not valid JSON (${(err as Error).message})`);
    }
  }
  return validateStory(raws, articles, problems);
}

/** One data file as parsed JSON, not yet validated. */
export interface RawStoryFile {
  file: string;
  raw: unknown;
}

/**
 * The validation of readStory over files already in memory (the curation
 * workspace checks a change with it before writing): each file against the
 * schema in the version it declares, then the checks across records.
 */
export function validateStory(files: readonly RawStoryFile[], articles: Article[], problems: string[] = []): Story {
  const parsed: ParsedFile[] = [];
  for (const { file, raw } of files) {
    const result = storyFileSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${file}: ${describeIssue(raw, issue)}`);
      continue;
    }
    const version = versionOf(raw);
    const misplaced = version === 1 ? versionTwoFieldsIn(file, raw) : [];
    if (misplaced.length > 0) {
      problems.push(...misplaced);
      continue;
    }
    parsed.push({ file, doc: result.data, version });
  }
  return checkStory(parsed, articles, problems);
}

const SINGULAR = { entities: 'entity', relations: 'relation', statements: 'statement', articles: 'article' } as const;

/** "entities[3] (id "x") kind: must be one of ..." — names the record, not only the path. */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [list, index, ...rest] = issue.path;
  let record = issue.path.join('.') || '(file)';
  if (typeof list === 'string' && list in SINGULAR && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)[list]?.[index] as Record<string, unknown> | undefined;
    const label = list === 'relations' ? `${item?.from ?? '?'} -${item?.type ?? '?'}-> ${item?.to ?? '?'}` : `"${item?.id ?? '?'}"`;
    record = `${SINGULAR[list as keyof typeof SINGULAR]} ${index + 1} ${label}${rest.length ? ` field ${rest.join('.')}` : ''}`;
  }
  return `${record}: ${issue.message}`;
}
