/**
 * The seed story read straight from its JSON files, without the format code
 * or a database: what the curated data says, record by record, so tests of
 * the data can run whatever the loader does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import { normaliseQuote } from '../../server/domain/text.js';

export interface RawEvidence { article: string; quote: string; certainty?: string; accordingTo?: string }
export interface RawClaim { id?: string; measure: string; value: number; valueMax?: number; qualifier?: string; evidence: RawEvidence[] }
export interface RawEntity {
  id: string; kind: string; name: string; aliases?: string[]; summary?: string;
  date?: string; endDate?: string; dateDerived?: string; standsFor?: string;
  claims?: RawClaim[]; evidence: RawEvidence[];
}
export interface RawRelation {
  id?: string; from: string; type: string; to: string; date?: string; endDate?: string; dateDerived?: string;
  role?: string; note?: string; evidence: RawEvidence[];
}
export interface RawStatement {
  id: string; speaker: string; words: string; date?: string; dateDerived?: string; channel?: string;
  about?: string[]; reportedBy?: string[]; evidence: RawEvidence[];
}
export interface RawArticleMeta { id: string; title?: string; url?: string; source?: string; published?: string; publishedDerived?: string }

export interface StoryFiles {
  files: { name: string; text: string; doc: Record<string, unknown> }[];
  entities: RawEntity[];
  relations: RawRelation[];
  statements: RawStatement[];
  articles: RawArticleMeta[];
  /** article id -> normalised text */
  texts: Map<string, string>;
}

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export function readStoryFiles(root = SEED_DIR): StoryFiles {
  const dataDir = path.join(root, 'data');
  const files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().map((name) => {
    const text = fs.readFileSync(path.join(dataDir, name), 'utf8');
    return { name, text, doc: JSON.parse(text) as Record<string, unknown> };
  });
  const all = <T>(key: string) => files.flatMap((f) => (f.doc[key] as T[] | undefined) ?? []);
  const articleDir = path.join(root, 'articles');
  const texts = new Map(fs.readdirSync(articleDir).filter((f) => f.endsWith('.txt'))
    .map((f) => [f.replace(/\.txt$/, ''), normaliseQuote(fs.readFileSync(path.join(articleDir, f), 'utf8'))] as const));
  return { files, entities: all('entities'), relations: all('relations'), statements: all('statements'), articles: all('articles'), texts };
}

/** The strongest certainty among evidence (STATED > ATTRIBUTED > UNCONFIRMED > PLANNED). */
export function strongest(evidence: RawEvidence[]): string {
  const order = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'];
  return order[Math.min(...evidence.map((e) => order.indexOf(e.certainty ?? 'STATED')))]!;
}

export function relationId(r: RawRelation): string {
  return r.id ?? `${r.from}.${r.type.toLowerCase()}.${r.to}`;
}
