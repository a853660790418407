/**
 * The review queue's verbs: suggest (run the suggester over an article and
 * queue what it finds), accept (apply the suggestion's change, as proposed or
 * as the curator edited it, and mark it accepted in the same save), reject.
 */
import { BadInput, NotFound } from '../domain/errors.js';
import type { ChangeInput } from './change-input.js';
import { enqueue, settle, type Queue, type Suggestion } from './queue.js';
import { suggestionsFor } from './suggest/suggest.js';
import type { SaveOptions, SaveResult, StoryWorkspace } from './workspace.js';

/** Queues what the suggester finds in an article; returns the article's pending suggestions. */
export async function suggest(ws: StoryWorkspace, article: string): Promise<Suggestion[]> {
  const found = suggestionsFor(ws.story(), article);
  const queue = await ws.updateQueue((q) => enqueue(q, found));
  return queue.items.filter((s) => s.article === article && s.status === 'pending');
}

function pending(queue: Queue, id: number): Suggestion {
  const s = queue.items.find((x) => x.id === id);
  if (!s) throw new NotFound(`suggestion: no suggestion ${id} in the review queue.`);
  if (s.status !== 'pending') throw new BadInput(`suggestion: suggestion ${id} was already ${s.status}.`);
  return s;
}

/** Applies the suggestion's change, or `edited` in its place (the same operation, fields corrected by the curator). */
export async function accept(ws: StoryWorkspace, id: number, options: SaveOptions, edited?: ChangeInput): Promise<SaveResult> {
  const s = pending(ws.reviewQueue(), id);
  if (edited && edited.op !== s.change.op) throw new BadInput(`edit: op: suggestion ${id} is a ${s.change.op}; an edit may change its fields, not make it a ${edited.op}.`);
  return ws.change(edited ?? s.change, options, (q, revision) => settle(q, id, 'accepted', revision));
}

export async function reject(ws: StoryWorkspace, id: number): Promise<Suggestion> {
  pending(ws.reviewQueue(), id);
  const queue = await ws.updateQueue((q) => {
    pending(q, id);
    return settle(q, id, 'rejected');
  });
  return queue.items.find((s) => s.id === id)!;
}
