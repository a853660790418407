/**
 * The review queue (curation/queue.json): what the suggester found, waiting
 * for a curator. Each suggestion carries the change it would make; accepting
 * applies that change (as proposed or as edited) through the workspace, so
 * nothing enters the story unreviewed and unvalidated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeInput } from './change-input.js';

export type SuggestionKind = 'mention' | 'entity' | 'relation';
export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

export interface Suggestion {
  id: number;
  article: string;
  kind: SuggestionKind;
  /** One line for the reviewer: "Marta Zelazna LEADS Ferryworkers' Guild (STATED)". */
  label: string;
  /** The sentence it was found in. */
  sentence: string;
  status: SuggestionStatus;
  /** The change accepting it makes. */
  change: ChangeInput;
  /** The revision its acceptance made. */
  revision?: number;
}

export interface Queue {
  next: number;
  items: Suggestion[];
}

export function queuePath(curationDir: string): string {
  return path.join(curationDir, 'queue.json');
}

export function readQueue(curationDir: string): Queue {
  const file = queuePath(curationDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Queue) : { next: 1, items: [] };
}

/** Adds suggestions not already queued for the same article (same change), numbering them on. */
export function enqueue(queue: Queue, found: Omit<Suggestion, 'id' | 'status'>[]): Queue {
  const seen = new Set(queue.items.map((s) => `${s.article}|${JSON.stringify(s.change)}`));
  let next = queue.next;
  const items = [...queue.items];
  for (const s of found) {
    const key = `${s.article}|${JSON.stringify(s.change)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ ...s, id: next++, status: 'pending' });
  }
  return { next, items };
}

export function settle(queue: Queue, id: number, status: SuggestionStatus, revision?: number): Queue {
  return { ...queue, items: queue.items.map((s) => (s.id === id ? { ...s, status, ...(revision === undefined ? {} : { revision }) } : s)) };
}
