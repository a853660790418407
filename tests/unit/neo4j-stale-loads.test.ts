/** Which unfinished loads the next load ends (server/store/neo4j/stale-loads.ts), without a server. */
import { describeEnded, loadTag, processAlive, staleLoads, type RunningLoad } from '../../server/store/neo4j/stale-loads.js';

const rules = { host: 'here', alive: (pid: number) => pid === 100, maxAgeSeconds: 3600 };
const load = (transactionId: string, metaData: RunningLoad['metaData'], ageSeconds = 10): RunningLoad => ({ transactionId, metaData, ageSeconds });

describe('unfinished loads', () => {
  it('are ended when their process on this machine is gone, and kept while it runs', () => {
    const stale = staleLoads([load('t1', { host: 'here', pid: 100 }), load('t2', { host: 'here', pid: 200 })], rules);
    expect(stale.map((s) => [s.transactionId, s.reason])).toEqual([['t2', 'process 200 on here is gone']]);
  });

  it('started on another machine are kept until they pass the load timeout, then ended', () => {
    const stale = staleLoads([load('t1', { host: 'there', pid: 200 }, 3600), load('t2', { host: 'there', pid: 200 }, 3601)], rules);
    expect(stale.map((s) => s.transactionId)).toEqual(['t2']);
    expect(stale[0]!.reason).toMatch(/running for 3601 s, longer than the 3600 s/);
  });

  it('are ended past the timeout even when a process with their pid runs (the pid may have been reused)', () => {
    expect(staleLoads([load('t1', { host: 'here', pid: 100 }, 4000)], rules).map((s) => s.transactionId)).toEqual(['t1']);
  });

  it('without a pid or host (tagged by someone else) are judged by age alone', () => {
    expect(staleLoads([load('t1', {}), load('t2', {}, 5000)], rules).map((s) => s.transactionId)).toEqual(['t2']);
  });

  it('are tagged with this process, this machine and the time', () => {
    const tag = loadTag(new Date('2031-03-04T10:00:00Z'));
    expect(tag).toMatchObject({ app: 'story-graph-explorer', kind: 'load', pid: process.pid, startedAt: '2031-03-04T10:00:00.000Z' });
    expect(tag.host.length).toBeGreaterThan(0);
  });

  it('are told apart from live processes by a signal-0 check', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 1)).toBe(false); // above Linux's largest pid
  });

  it('are logged with their transaction, owner, start and outcome', () => {
    const [stale] = staleLoads([load('neo4j-transaction-9', { host: 'here', pid: 200, startedAt: '2031-03-04T10:00:00.000Z' })], rules);
    expect(describeEnded(stale!, 'Transaction terminated.')).toBe(
      'Neo4j: ended an unfinished load, neo4j-transaction-9 (pid 200 on here, started 2031-03-04T10:00:00.000Z): process 200 on here is gone; Transaction terminated.',
    );
  });
});
