/** LadybugDB's messages as the domain's errors, with what to do about them. */
import { BadInput, GraphUnavailable } from '../../domain/errors.js';

export function openError(file: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/lock/i.test(message)) {
    return new GraphUnavailable(
      `The database ${file} is in use by another process (a running server or seed holds its lock). Stop that process, or set DB_PATH to another file.`,
      { cause: err },
    );
  }
  return new GraphUnavailable(
    `Could not open the database ${file}: ${firstLine(message)}. If the file is damaged, move it aside (or run "npm run seed -- --reset") to rebuild it from seed/data.`,
    { cause: err },
  );
}

/** True for the error openError gives when another process holds the file. */
export function isLocked(err: unknown): boolean {
  return err instanceof GraphUnavailable && /in use by another process/.test(err.message);
}

/** The first line of an engine message, without its closing punctuation (ours follows). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/[.!:\s]+$/, '');
}

export function translate(err: unknown): Error {
  if (err instanceof BadInput || err instanceof GraphUnavailable) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/interrupted|timeout/i.test(message)) return new GraphUnavailable('The database took too long to answer; try a smaller request.', { cause: err });
  if (/buffer pool is full|maximum database size/i.test(message)) {
    return new Error(
      `LadybugDB ran out of its memory for database pages (${firstLine(message)}). Give it more: LADYBUG_LOAD_BUFFER_POOL_MB for npm run seed, which builds the whole graph in one transaction (the default 1024 holds about a million relations; 4096 held five million), or LADYBUG_BUFFER_POOL_MB for the server.`,
      { cause: err },
    );
  }
  return err instanceof Error ? err : new Error(message);
}
