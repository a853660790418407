/**
 * What a change did, record by record: the change log keeps it as "before"
 * and "after", and undo applies it backwards. A record is found by its key
 * (id, or a relation's from.type.to), so an undo refuses to run over a record
 * that has changed since rather than overwrite it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Conflict } from './errors.js';
import { cloneState, jsonClone, LISTS, recordKey, type DataFile, type ListName, type Rec, type StoryState } from './story-state.js';

export interface RecordChange {
  file: string;
  list: ListName;
  key: string;
  /** Position in the file before and after, so an undo puts a record back where it was. */
  beforeIndex: number | null;
  afterIndex: number | null;
  before: Rec | null;
  after: Rec | null;
}

export interface TextChange {
  article: string;
  before: string | null;
  after: string | null;
}

export interface FileChange {
  file: string;
  /** The file's header (its version) when it exists; null when it does not. */
  before: { version?: 1 | 2 } | null;
  after: { version?: 1 | 2 } | null;
}

export interface StateDiff {
  files: FileChange[];
  records: RecordChange[];
  texts: TextChange[];
  redirects: { id: string; before: string | null; after: string | null }[];
}

const header = (doc: DataFile | undefined) => (doc ? (doc.version === undefined ? {} : { version: doc.version }) : null);

export function diffStates(before: StoryState, after: StoryState): StateDiff {
  const diff: StateDiff = { files: [], records: [], texts: [], redirects: [] };
  for (const file of new Set([...before.files.keys(), ...after.files.keys()])) {
    const b = before.files.get(file);
    const a = after.files.get(file);
    if (!isDeepStrictEqual(header(b), header(a))) diff.files.push({ file, before: header(b), after: header(a) });
    for (const list of LISTS) {
      const bRecs = keyed(list, b?.[list]);
      const aRecs = keyed(list, a?.[list]);
      for (const key of new Set([...bRecs.keys(), ...aRecs.keys()])) {
        const x = bRecs.get(key);
        const y = aRecs.get(key);
        if (x && y && isDeepStrictEqual(x.rec, y.rec)) continue;
        diff.records.push({ file, list, key, beforeIndex: x?.index ?? null, afterIndex: y?.index ?? null, before: x?.rec ?? null, after: y?.rec ?? null });
      }
    }
  }
  for (const article of new Set([...before.texts.keys(), ...after.texts.keys()])) {
    const x = before.texts.get(article) ?? null;
    const y = after.texts.get(article) ?? null;
    if (x !== y) diff.texts.push({ article, before: x, after: y });
  }
  for (const id of new Set([...Object.keys(before.redirects), ...Object.keys(after.redirects)])) {
    const x = before.redirects[id] ?? null;
    const y = after.redirects[id] ?? null;
    if (x !== y) diff.redirects.push({ id, before: x, after: y });
  }
  return diff;
}

export function isEmptyDiff(diff: StateDiff): boolean {
  return diff.files.length + diff.records.length + diff.texts.length + diff.redirects.length === 0;
}

export function invertDiff(diff: StateDiff): StateDiff {
  return {
    files: diff.files.map((f) => ({ file: f.file, before: f.after, after: f.before })),
    records: diff.records.map((r) => ({ ...r, beforeIndex: r.afterIndex, afterIndex: r.beforeIndex, before: r.after, after: r.before })),
    texts: diff.texts.map((t) => ({ article: t.article, before: t.after, after: t.before })),
    redirects: diff.redirects.map((r) => ({ id: r.id, before: r.after, after: r.before })),
  };
}

/** Applies a diff to a state that must match its "before" side; refuses with Conflict where it does not. */
export function applyDiff(state: StoryState, diff: StateDiff): StoryState {
  const next = cloneState(state);
  for (const f of diff.files) if (f.after && !next.files.has(f.file)) next.files.set(f.file, { ...f.after });
  const changed = (r: RecordChange) => `${r.list.slice(0, -1)} "${r.key}" in ${r.file}`;
  const take = (r: RecordChange) => {
    const doc = next.files.get(r.file);
    const records = doc?.[r.list] ?? [];
    const at = records.findIndex((x) => recordKey(r.list, x) === r.key);
    if (!isDeepStrictEqual(at >= 0 ? records[at] : null, r.before)) throw new Conflict(`The ${changed(r)} has changed since; undo the later changes first, or edit it by hand.`);
    return { doc: doc!, records, at };
  };
  // Removals from the back, then replacements, then insertions from the front: every index stays right.
  const removals = diff.records.filter((r) => r.after === null).sort((a, b) => (b.beforeIndex ?? 0) - (a.beforeIndex ?? 0));
  for (const r of removals) {
    const { records, at } = take(r);
    records.splice(at, 1);
  }
  for (const r of diff.records.filter((x) => x.before !== null && x.after !== null)) {
    const { records, at } = take(r);
    records[at] = jsonClone(r.after!);
  }
  const insertions = diff.records.filter((r) => r.before === null).sort((a, b) => (a.afterIndex ?? 0) - (b.afterIndex ?? 0));
  for (const r of insertions) {
    if (!next.files.has(r.file)) throw new Conflict(`The file ${r.file} is gone; edit it by hand.`);
    const { doc, records } = take(r);
    records.splice(Math.min(r.afterIndex ?? records.length, records.length), 0, jsonClone(r.after!));
    doc[r.list] = records;
  }
  for (const f of diff.files) {
    if (!f.after) next.files.delete(f.file);
    else if (next.files.has(f.file)) {
      const doc = next.files.get(f.file)!;
      if (f.after.version === undefined) delete doc.version;
      else doc.version = f.after.version;
    }
  }
  for (const t of diff.texts) {
    if ((next.texts.get(t.article) ?? null) !== t.before) throw new Conflict(`The text of article ${t.article} has changed since.`);
    if (t.after === null) next.texts.delete(t.article);
    else next.texts.set(t.article, t.after);
  }
  for (const r of diff.redirects) {
    if (r.after === null) delete next.redirects[r.id];
    else next.redirects[r.id] = r.after;
  }
  return next;
}

function keyed(list: ListName, records: Rec[] | undefined): Map<string, { index: number; rec: Rec }> {
  return new Map((records ?? []).map((rec, index) => [recordKey(list, rec), { index, rec }]));
}
