/** Small helpers shared by the changes: new ids, clean evidence, the file new records go to. */
import { createHash } from 'node:crypto';
import { fold } from '../domain/text.js';
import type { EvidenceRecord } from '../domain/story/format.js';
import type { DataFile, Rec, StoryState } from './story-state.js';

/** Where new records go: a version-2 file of its own, so hand-written files change only when their records do. */
export const NEW_RECORDS_FILE = 'curated.json';

export function newRecordsFile(state: StoryState): DataFile {
  let doc = state.files.get(NEW_RECORDS_FILE);
  if (!doc) {
    doc = { version: 2 };
    state.files.set(NEW_RECORDS_FILE, doc);
  }
  return doc;
}

/** Every id in use: entities, relations, statements, claims, articles. */
export function idsInUse(state: StoryState): Set<string> {
  const ids = new Set<string>(state.texts.keys());
  for (const doc of state.files.values()) {
    for (const e of doc.entities ?? []) {
      ids.add(String(e.id));
      for (const c of (e.claims as Rec[] | undefined) ?? []) if (c.id) ids.add(String(c.id));
    }
    for (const r of doc.relations ?? []) ids.add(String(r.id ?? `${r.from}.${String(r.type).toLowerCase()}.${r.to}`));
    for (const s of doc.statements ?? []) ids.add(String(s.id));
  }
  return ids;
}

/** "Marta Żelazná" -> "marta-zelazna", made unique with -2, -3 ... */
export function newSlug(text: string, taken: Set<string>, fallback = 'record'): string {
  const base = fold(text).replace(/[^a-z0-9 ]+/g, '').trim().split(/\s+/).slice(0, 8).join('-') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A stable article id in the seed's style: its position, then a hash of its text ("005_3f2a9c..."). */
export function articleId(text: string, count: number): string {
  return `${String(count).padStart(3, '0')}_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Evidence as written to a file: STATED is the default, so it is left out. */
export function cleanEvidence(ev: EvidenceRecord): Rec {
  return { article: ev.article, quote: ev.quote, ...(ev.certainty && ev.certainty !== 'STATED' ? { certainty: ev.certainty } : {}), ...(ev.accordingTo ? { accordingTo: ev.accordingTo } : {}) };
}

/** Drops undefined and null fields (a record holds only what it says). */
export function defined(fields: Record<string, unknown>): Rec {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Rec;
}
