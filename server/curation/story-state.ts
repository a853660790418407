/**
 * A story folder in memory as its files hold it: the data files as parsed
 * JSON (records in file order, nothing defaulted, so writing back changes
 * only what a change touched), the article texts, and the redirects merges
 * left. Validation goes through the domain's validateStory, the seed's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidStory } from '../domain/errors.js';
import { deriveTitle } from '../domain/story/articles.js';
import { validateStory } from '../domain/story/read-story.js';
import type { Story } from '../domain/types.js';

export type Rec = Record<string, unknown> & { id?: string };
export const LISTS = ['articles', 'entities', 'relations', 'statements'] as const;
export type ListName = (typeof LISTS)[number];

export interface DataFile {
  version?: 1 | 2;
  articles?: Rec[];
  entities?: Rec[];
  relations?: Rec[];
  statements?: Rec[];
}

export interface StoryState {
  /** data/*.json by file name. */
  files: Map<string, DataFile>;
  /** articles/*.txt by article id. */
  texts: Map<string, string>;
  /** Merged-away entity id -> the id of the entity it was merged into. */
  redirects: Record<string, string>;
}

/** The folders of one story: data/, articles/ and curation/ (log, queue, redirects) side by side. */
export interface StoryFolder {
  root: string;
  data: string;
  articles: string;
  curation: string;
}

export function storyFolder(root: string): StoryFolder {
  const abs = path.resolve(root);
  return { root: abs, data: path.join(abs, 'data'), articles: path.join(abs, 'articles'), curation: path.join(abs, 'curation') };
}

export const REDIRECTS_FILE = 'redirects.json';

export function readState(folder: StoryFolder): StoryState {
  const files = new Map<string, DataFile>();
  if (!fs.existsSync(folder.data)) throw new InvalidStory([`the data folder ${folder.data} does not exist: a story folder holds data/ (*.json) and articles/ (*.txt)`]);
  for (const file of fs.readdirSync(folder.data).filter((f) => f.endsWith('.json')).sort()) {
    const text = fs.readFileSync(path.join(folder.data, file), 'utf8');
    try {
      files.set(file, JSON.parse(text) as DataFile);
    } catch (err) {
      throw new InvalidStory([`${file}: is not valid JSON (${(err as Error).message}); fix it by hand before curating`]);
    }
  }
  const texts = new Map<string, string>();
  if (fs.existsSync(folder.articles)) {
    for (const file of fs.readdirSync(folder.articles).filter((f) => f.endsWith('.txt')).sort()) {
      texts.set(file.replace(/\.txt$/, ''), fs.readFileSync(path.join(folder.articles, file), 'utf8'));
    }
  }
  const redirectsPath = path.join(folder.curation, REDIRECTS_FILE);
  const redirects = fs.existsSync(redirectsPath) ? (JSON.parse(fs.readFileSync(redirectsPath, 'utf8')) as Record<string, string>) : {};
  return { files, texts, redirects };
}

/** The whole story validated exactly as the seed validates it (readStory's validateStory); throws InvalidStory. */
export function validateState(state: StoryState): Story {
  const articles = [...state.texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, text]) => ({ id, title: deriveTitle(text), text }));
  const problems = articles.length === 0 ? ['no articles: every quote must cite one'] : [];
  const raws = [...state.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, raw]) => ({ file, raw }));
  return validateStory(raws, articles, problems);
}

export function cloneState(state: StoryState): StoryState {
  return { files: new Map([...state.files].map(([f, d]) => [f, jsonClone(d)])), texts: new Map(state.texts), redirects: { ...state.redirects } };
}

/** The key of a record within its list: its id, or a relation's default id (from.type.to). */
export function recordKey(list: ListName, rec: Rec): string {
  if (list === 'relations' && !rec.id) return `${String(rec.from)}.${String(rec.type).toLowerCase()}.${String(rec.to)}`;
  return String(rec.id);
}

export interface Located {
  file: string;
  list: ListName;
  index: number;
  rec: Rec;
}

/** Every record of a list across files, in file order. */
export function* recordsOf(state: StoryState, list: ListName): Generator<Located> {
  for (const [file, doc] of state.files) {
    const records = doc[list] ?? [];
    for (let index = 0; index < records.length; index++) yield { file, list, index, rec: records[index]! };
  }
}

export function findRecord(state: StoryState, list: ListName, key: string): Located | undefined {
  for (const found of recordsOf(state, list)) if (recordKey(list, found.rec) === key) return found;
  return undefined;
}

/** A deep copy through JSON: records are JSON, and (unlike structuredClone) the copy keeps this realm's prototypes, which deep equality compares. */
export function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
