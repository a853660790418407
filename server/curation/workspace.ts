/**
 * A story folder under curation: read it, apply a change, validate the whole
 * story as the seed does, write it atomically with its change-log line, and
 * undo. Every operation rereads the files under the folder lock, so the
 * server and the CLI may both curate one story; a change made against an
 * older revision is refused with CONFLICT.
 */
import path from 'node:path';
import type { Story } from '../domain/types.js';
import { applyChange } from './apply-change.js';
import { parseChange } from './change-input.js';
import { lastUndoable, logPath, readLog, revisionOf, type LogEntry } from './change-log.js';
import { applyDiff, diffStates, invertDiff, isEmptyDiff, type StateDiff } from './diff.js';
import { Conflict } from './errors.js';
import { commitFiles, recover, type FileWrite } from './journal.js';
import { withFolderLock } from './lock.js';
import { settleInterruptedSave } from './settle.js';
import { readQueue, queuePath, type Queue } from './queue.js';
import { jsonText, storyFileText } from './story-json.js';
import { readState, REDIRECTS_FILE, storyFolder, validateState, type StoryFolder, type StoryState } from './story-state.js';
import { BadInput } from '../domain/errors.js';

export interface SaveOptions {
  /** Who makes the change, for the log ("curator", "cli:alice"). */
  who: string;
  /** The revision the change was made against; omitted, the newest. */
  revision?: number | null;
  /** Loads the validated story into the graph; when it throws, the files are restored and the error passed on. */
  reload?: (story: Story) => Promise<unknown>;
}

export interface SaveResult {
  revision: number;
  entry: LogEntry;
  story: Story;
  /** The id the change created or touched. */
  id: string | null;
}

export class StoryWorkspace {
  readonly folder: StoryFolder;
  /** One save at a time within this process; the lock file covers other processes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(root: string) {
    this.folder = storyFolder(root);
    settleInterruptedSave(this.folder);
  }

  get dirs() {
    return { data: this.folder.data, articles: this.folder.articles };
  }

  revision(): number {
    return revisionOf(readLog(this.folder.curation));
  }

  log(): LogEntry[] {
    return readLog(this.folder.curation);
  }

  state(): StoryState {
    return readState(this.folder);
  }

  story(): Story {
    return validateState(this.state());
  }

  /** Merged-away entity id -> the id it now redirects to. */
  redirects(): Record<string, string> {
    return readState(this.folder).redirects;
  }

  reviewQueue(): Queue {
    return readQueue(this.folder.curation);
  }

  /** Applies one change (validated input, see change-input.ts); `queue` updates the review queue in the same save. */
  async change(input: unknown, options: SaveOptions, queue?: (q: Queue, revision: number) => Queue): Promise<SaveResult> {
    const change = parseChange(input);
    return this.save(options, (state) => {
      const applied = applyChange(state, change);
      return { next: applied.state, op: change.op, what: applied.summary, id: applied.id };
    }, queue);
  }

  /** Takes back the newest change not yet undone, as a new revision. */
  undo(options: SaveOptions): Promise<SaveResult> {
    return this.save(options, (state, log) => {
      const target = lastUndoable(log);
      if (!target) throw new BadInput('undo: there is no change left to undo.');
      return { next: applyDiff(state, invertDiff(target.diff)), op: 'undo', what: `undid revision ${target.revision}: ${target.what}`, id: null, undoes: target.revision };
    });
  }

  /** Writes only the review queue (suggesting, rejecting): the story and its revision stay as they are. */
  updateQueue(update: (q: Queue) => Queue): Promise<Queue> {
    return this.serial(() =>
      withFolderLock(this.folder.curation, () => {
        recover(this.folder.curation, [this.folder.data, this.folder.articles]);
        const next = update(readQueue(this.folder.curation));
        commitFiles(this.folder.curation, [{ path: queuePath(this.folder.curation), content: jsonText(next) }]);
        return next;
      }),
    );
  }

  private save(
    options: SaveOptions,
    make: (state: StoryState, log: LogEntry[]) => { next: StoryState; op: string; what: string; id: string | null; undoes?: number },
    queue?: (q: Queue, revision: number) => Queue,
  ): Promise<SaveResult> {
    return this.serial(async () => {
      const prepared = withFolderLock(this.folder.curation, () => {
        recover(this.folder.curation, [this.folder.data, this.folder.articles]);
        const log = readLog(this.folder.curation);
        const current = revisionOf(log);
        if (options.revision != null && options.revision !== current) {
          throw new Conflict(`The story is at revision ${current}, the change was made at revision ${options.revision}: reload it and make the change again.`);
        }
        const before = readState(this.folder);
        const made = make(before, log);
        const diff = diffStates(before, made.next);
        if (isEmptyDiff(diff)) throw new BadInput(`${made.op}: this changes nothing.`);
        const story = validateState(made.next);
        const entry: LogEntry = { revision: current + 1, at: new Date().toISOString(), who: options.who, op: made.op, what: made.what, diff, ...(made.undoes === undefined ? {} : { undoes: made.undoes }) };
        const extra = queue ? [{ path: queuePath(this.folder.curation), content: jsonText(queue(readQueue(this.folder.curation), entry.revision)) }] : [];
        this.commit(diff, made.next, entry, extra);
        return { entry, story, before, id: made.id };
      });
      if (options.reload) {
        try {
          await options.reload(prepared.story);
        } catch (err) {
          this.restore(prepared.entry, options.who, err);
          throw err;
        }
      }
      return { revision: prepared.entry.revision, entry: prepared.entry, story: prepared.story, id: prepared.id };
    });
  }

  /** The graph refused the new story: put the files back as they were, logged as its own revision. */
  private restore(failed: LogEntry, who: string, err: unknown) {
    withFolderLock(this.folder.curation, () => {
      const state = readState(this.folder);
      const diff = invertDiff(failed.diff);
      const next = applyDiff(state, diff);
      const entry: LogEntry = { revision: failed.revision + 1, at: new Date().toISOString(), who, op: 'restore', what: `restored the files of revision ${failed.revision - 1}: the graph did not load revision ${failed.revision} (${(err as Error).message})`, diff, undoes: failed.revision };
      this.commit(diff, next, entry, []);
    });
  }

  private commit(diff: StateDiff, next: StoryState, entry: LogEntry, extra: FileWrite[]) {
    const { data, articles, curation } = this.folder;
    const writes: FileWrite[] = [];
    const files = new Set([...diff.records.map((r) => r.file), ...diff.files.map((f) => f.file)]);
    for (const file of files) {
      const doc = next.files.get(file);
      writes.push({ path: path.join(data, file), content: doc ? storyFileText(doc) : null });
    }
    for (const t of diff.texts) writes.push({ path: path.join(articles, `${t.article}.txt`), content: t.after });
    if (diff.redirects.length > 0) writes.push({ path: path.join(curation, REDIRECTS_FILE), content: jsonText(next.redirects) });
    commitFiles(curation, [...writes, ...extra], { path: logPath(curation), revision: entry.revision, line: JSON.stringify(entry) });
  }

  private serial<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
