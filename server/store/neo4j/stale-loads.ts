/**
 * Loads left running by a process that is gone. A load is one long write
 * transaction; when its process dies (SIGKILL, a crash, a lost container),
 * Neo4j runs the statement on until it next writes back to the closed
 * connection, holding the load's locks, and the next load waits behind it.
 * Every load therefore tags its transaction (LoadTag, the driver's
 * transaction metadata), and the next load ends the tagged ones whose owner
 * is gone before it starts.
 */
import os from 'node:os';

export const APP = 'story-graph-explorer';

/** The metadata on every load transaction, shown by SHOW TRANSACTIONS as metaData. */
export interface LoadTag {
  app: string;
  kind: 'load';
  pid: number;
  host: string;
  startedAt: string;
}

export function loadTag(now = new Date()): LoadTag {
  return { app: APP, kind: 'load', pid: process.pid, host: os.hostname(), startedAt: now.toISOString() };
}

/** One row of cypher/neo4j/load-transactions.cypher. */
export interface RunningLoad {
  transactionId: string;
  metaData: Partial<LoadTag>;
  ageSeconds: number;
}

export interface StaleLoad extends RunningLoad {
  /** Why it is ended, for the log. */
  reason: string;
}

export interface StaleRules {
  /** This machine's name: only a load started here can be checked by its pid. */
  host: string;
  /** Whether a process with this pid runs on this machine. */
  alive: (pid: number) => boolean;
  /** A load older than this is ended whoever runs it (a process elsewhere cannot be checked). */
  maxAgeSeconds: number;
}

/** The loads to end: started on this machine by a process that no longer runs, or older than the bound. */
export function staleLoads(running: readonly RunningLoad[], { host, alive, maxAgeSeconds }: StaleRules): StaleLoad[] {
  const stale: StaleLoad[] = [];
  for (const load of running) {
    const { pid, host: from } = load.metaData;
    if (from === host && typeof pid === 'number' && !alive(pid)) {
      stale.push({ ...load, reason: `process ${pid} on ${host} is gone` });
    } else if (load.ageSeconds > maxAgeSeconds) {
      stale.push({ ...load, reason: `running for ${load.ageSeconds} s, longer than the ${maxAgeSeconds} s a load may take` });
    }
  }
  return stale;
}

/** Whether a process runs here with this pid (signal 0 only checks; EPERM means it runs as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One log line per ended load. */
export function describeEnded(load: StaleLoad, outcome: string): string {
  const { pid, host, startedAt } = load.metaData;
  return `Neo4j: ended an unfinished load, ${load.transactionId} (pid ${pid ?? '?'} on ${host ?? '?'}, started ${startedAt ?? '?'}): ${load.reason}; ${outcome}`;
}
