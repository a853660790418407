/**
 * What the Neo4j adapter asks of the driver, without a server: a recording
 * stand-in for the driver shows which statements run, in which managed
 * transactions, on which database, with which parameters (LIMIT must be an
 * integer, not a float), and how the answers come back as domain objects.
 */
import os from 'node:os';
import path from 'node:path';
import neo4j, { isInt, Node, Path, PathSegment, Record, Relationship, type Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../server/config.js';
import { GraphUnavailable } from '../../server/domain/errors.js';
import { readStatements } from '../../server/store/cypher-files.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { readStory } from '../../server/domain/story/read-story.js';
import { TINY_STORY } from '../support/story-format-2-contract.js';

type Params = { [key: string]: unknown };
type Answer = (name: string, params: Params) => Record[];

interface Transaction {
  kind: 'READ' | 'WRITE' | 'EXPLICIT' | 'AUTO-COMMIT';
  database: string;
  config: unknown;
  statements: { name: string; params: Params }[];
  outcome?: 'committed' | 'failed';
}

const nameOf = new Map(Object.entries(readStatements('neo4j')).map(([name, text]) => [text, name]));

/** Records what the adapter runs; `answer` plays the database. */
class RecordingDriver {
  transactions: Transaction[] = [];
  probes: unknown[] = [];
  closed = false;
  probeFails = false;
  constructor(public answer: Answer = () => []) {}

  session({ database, defaultAccessMode }: { database: string; defaultAccessMode: string }) {
    const managed = (kind: 'READ' | 'WRITE') => async (work: (tx: unknown) => Promise<unknown>, config: unknown) => {
      const t: Transaction = { kind, database, config, statements: [] };
      this.transactions.push(t);
      try {
        const result = await work({ run: async (query: string, params: Params = {}) => this.run(t, query, params) });
        t.outcome = 'committed';
        return result;
      } catch (err) {
        t.outcome = 'failed';
        throw err;
      }
    };
    return {
      accessMode: defaultAccessMode,
      beginTransaction: (config: unknown) => {
        const t: Transaction = { kind: 'EXPLICIT', database, config, statements: [] };
        this.transactions.push(t);
        return {
          run: async (query: string, params: Params = {}) => this.run(t, query, params),
          commit: async () => void (t.outcome = 'committed'),
          rollback: async () => void (t.outcome = 'failed'),
        };
      },
      executeRead: managed('READ'),
      executeWrite: managed('WRITE'),
      run: async (query: string, params: Params, config: unknown) => {
        const t: Transaction = { kind: 'AUTO-COMMIT', database, config, statements: [] };
        this.transactions.push(t);
        return this.run(t, query, params);
      },
      close: async () => undefined,
    };
  }

  private run(t: Transaction, query: string, params: Params) {
    const name = nameOf.get(query);
    if (!name) throw new Error(`not a statement from cypher/neo4j: ${query}`);
    t.statements.push({ name, params });
    return { records: this.answer(name, params) };
  }

  async verifyConnectivity(options: unknown) {
    this.probes.push(options);
    if (this.probeFails) throw new neo4j.Neo4jError('Failed to connect to server', 'ServiceUnavailable', '08000', 'error: connection exception');
    return {};
  }

  async close() {
    this.closed = true;
  }
}

const HARBOUR = readStory({ data: path.join(PROJECT_ROOT, 'tests/fixtures/harbour/data'), articles: path.join(PROJECT_ROOT, 'tests/fixtures/harbour/articles') });

function row(fields: Params): Record {
  return new Record(Object.keys(fields), Object.values(fields));
}

function entityNode(n: number, id: string, name: string, degree: number, kind = 'Person'): Node {
  return new Node(neo4j.int(n), ['Entity'], { id, kind, name, aliases: '[]', evidence: '[]', claims: '[]', degree: neo4j.int(degree) }, `4:db:${n}`);
}

function storeOver(driver: RecordingDriver, options: ConstructorParameters<typeof Neo4jStore>[1] = {}): Neo4jStore {
  return new Neo4jStore(driver as unknown as Driver, { database: 'stories', queryTimeoutMs: 1234, retireGraceMs: 30, ...options });
}

/** Every statement name, in order, with its transaction kind. */
function script(driver: RecordingDriver): string[] {
  return driver.transactions.flatMap((t) => t.statements.map((s) => `${t.kind} ${s.name}`));
}

describe('reads', () => {
  it('run as managed read transactions on the named database, with the query timeout', async () => {
    const driver = new RecordingDriver((name) =>
      name === 'entities-by-ids' ? [row({ e: entityNode(1, 'marta-zelazna', 'Marta Żelazná', 4) })] : name === 'generation' || name === 'generation-whole' ? [row({ gen: neo4j.int(7) })] : [],
    );
    const store = storeOver(driver);
    const [marta, nobody] = await store.entitiesByIds(['marta-zelazna', 'nobody']);
    expect(marta).toMatchObject({ id: 'marta-zelazna', name: 'Marta Żelazná', degree: 4 });
    expect(nobody).toBeNull();
    expect(driver.transactions).toEqual([
      {
        kind: 'READ',
        database: 'stories',
        config: { timeout: 1234 },
        statements: [
          { name: 'generation', params: {} },
          { name: 'entities-by-ids', params: { ids: ['marta-zelazna', 'nobody'], gen: neo4j.int(7) } },
          // The generation read is still whole at the read's end (its :Meta was not deleted meanwhile).
          { name: 'generation-whole', params: { gen: neo4j.int(7), key: 'graph' } },
        ],
        outcome: 'committed',
      },
    ]);
  });

  it('read again, in the same transaction, on the generation now current when the one they read began to be deleted meanwhile', async () => {
    // Another process's load switched from 7 to 8 and deleted 7's :Meta while the first reading ran.
    let current = 7;
    const driver = new RecordingDriver((name, params) => {
      if (name === 'generation') return [row({ gen: neo4j.int(current) })];
      if (name === 'entities-by-ids') {
        const gen = Number(params.gen);
        current = 8;
        return [row({ e: entityNode(1, 'marta-zelazna', gen === 7 ? 'Marta (old)' : 'Marta Żelazná', 4) })];
      }
      if (name === 'generation-whole') return Number(params.gen) === current ? [row({ gen: params.gen })] : [];
      return [];
    });
    const [marta] = await storeOver(driver).entitiesByIds(['marta-zelazna']);
    expect(marta?.name).toBe('Marta Żelazná');
    expect(driver.transactions).toHaveLength(1);
    expect(driver.transactions[0]!.statements.map((st) => `${st.name} ${String(st.params.gen ?? '')}`.trim())).toEqual([
      'generation',
      'entities-by-ids 7',
      'generation-whole 7',
      'generation',
      'entities-by-ids 8',
      'generation-whole 8',
    ]);
  });

  it('skip the check when they end within half the grace that the load of the current generation waits before deleting the one it replaced', async () => {
    const driver = new RecordingDriver((name) => (name === 'generation' ? [row({ gen: neo4j.int(7), retireGraceMs: neo4j.int(60_000) })] : []));
    await storeOver(driver).entitiesByIds(['marta-zelazna']);
    expect(script(driver)).toEqual(['READ generation', 'READ entities-by-ids']);
  });

  it('give up, and say why, when the graph is replaced under every reading', async () => {
    let current = 1;
    const driver = new RecordingDriver((name) => {
      if (name === 'generation') return [row({ gen: neo4j.int(current++) })];
      return [];
    });
    await expect(storeOver(driver).entitiesByIds(['marta-zelazna'])).rejects.toThrow(/The graph was replaced 3 times during one read; read again once the loads are done/);
  });

  it('probe the server once before the first call, and again only after it was found unreachable', async () => {
    const driver = new RecordingDriver();
    const store = storeOver(driver);
    await store.timeline();
    await store.articles();
    expect(driver.probes).toEqual([{ database: 'stories' }]);

    driver.answer = () => {
      throw new neo4j.Neo4jError('Failed to connect to server', 'ServiceUnavailable', '08000', 'error: connection exception');
    };
    await expect(store.timeline()).rejects.toBeInstanceOf(GraphUnavailable);
    driver.probeFails = true;
    await expect(store.timeline()).rejects.toBeInstanceOf(GraphUnavailable);
    expect(driver.probes).toHaveLength(2);
    expect(driver.transactions).toHaveLength(3); // the failed probe stopped the last call before any transaction
  });

  it('pass LIMIT as a Neo4j integer and read the page, its entities and its total in one transaction', async () => {
    const summary = { entities: 12, relations: 13, articles: 2, byKind: { Person: 4 }, byType: {}, loadedAt: '' };
    const driver = new RecordingDriver((name, params) => {
      if (name === 'meta') return [row({ value: JSON.stringify(summary) })];
      // The page's ids (one more than asked, to tell whether more follow), then the entities of the page.
      if (name === 'entities-page') return ['p1', 'p2', 'p3'].map((id) => row({ id }));
      if (name === 'entities-by-ids') return [...(params.ids as string[])].reverse().map((id) => row({ e: entityNode(Number(id.slice(1)), id, id.toUpperCase(), 1) }));
      return [];
    });
    const page = await storeOver(driver).entities('Person', { first: 2 });
    expect(page).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(page.items.map((e) => e.id)).toEqual(['p1', 'p2']); // in the page's order, whatever order the lookup answered in
    expect(driver.transactions).toHaveLength(1);
    const [, pageRun, idsRun, metaRun] = driver.transactions[0]!.statements;
    expect(pageRun?.name).toBe('entities-page');
    expect(idsRun).toMatchObject({ name: 'entities-by-ids', params: { ids: ['p1', 'p2'] } });
    // Nothing loaded yet (no generation): the reads name generation -1, which holds nothing.
    expect(metaRun).toEqual({ name: 'meta', params: { key: 'graph', gen: neo4j.int(-1) } });
    expect(isInt(pageRun?.params.limit)).toBe(true);
    expect(String(pageRun?.params.limit)).toBe('3');
    expect(pageRun?.params).toMatchObject({ kind: 'Person', after: '' });
  });

  it('search with the folded text and a full-text query, and rank the candidates by name', async () => {
    const driver = new RecordingDriver((name) =>
      name === 'search'
        ? [row({ e: entityNode(2, 'tomas-zelazny', 'Tomas Zelazny', 3) }), row({ e: entityNode(1, 'marta-zelazna', 'Marta Żelazná', 4) }), row({ e: entityNode(3, 'portvale', 'Portvale', 9, 'Place') })]
        : [],
    );
    const found = await storeOver(driver).search('Żelazná', { kinds: ['Person'] });
    expect(found.map((e) => e.id)).toEqual(['marta-zelazna', 'tomas-zelazny']);
    const { params } = driver.transactions[0]!.statements[1]!;
    expect(params).toMatchObject({ q: 'zelazna', lucene: 'zelazna* OR zelazna~1', kinds: ['Person'] });
    expect(isInt(params.limit)).toBe(true);
  });

  it('scan the graph for the full-text index with a timeout of its own, longer than a request may take', async () => {
    const driver = new RecordingDriver((name) => (name === 'generation' || name === 'generation-whole' ? [row({ gen: neo4j.int(7) })] : []));
    await storeOver(driver).passages('anything');
    const scan = driver.transactions.find((t) => t.statements.some((s) => s.name === 'passage-relations'))!;
    expect(scan.config).toEqual({ timeout: 600_000 });
    expect(scan.statements.map((s) => s.name).sort()).toEqual(['articles', 'generation', 'generation-whole', 'passage-entities', 'passage-relations', 'passage-statements']);
  });

  it('find nothing, rather than fail, before the first load has made the full-text index', async () => {
    const driver = new RecordingDriver(() => {
      throw new neo4j.Neo4jError('Failed to invoke procedure: There is no such fulltext schema index: entity_search', 'Neo.ClientError.Procedure.ProcedureCallFailed', '52N37', 'error');
    });
    await expect(storeOver(driver).search('zelazna')).resolves.toEqual([]);
  });

  it('map the shortest path, and give null when it is longer than maxLength', async () => {
    const a = entityNode(1, 'a', 'A', 1);
    const b = entityNode(2, 'b', 'B', 2);
    const c = entityNode(3, 'c', 'C', 1);
    const ab = new Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'RELATION', { id: 'a.met.b', type: 'MET' }, '5:db:7', '4:db:1', '4:db:2');
    const cb = new Relationship(neo4j.int(8), neo4j.int(3), neo4j.int(2), 'RELATION', { id: 'c.met.b', type: 'MET' }, '5:db:8', '4:db:3', '4:db:2');
    const driver = new RecordingDriver(() => [row({ p: new Path(a, c, [new PathSegment(a, ab, b), new PathSegment(b, cb, c)]) })]);
    const store = storeOver(driver);
    expect(await store.shortestPath('a', 'c', 1)).toBeNull();
    const p = await store.shortestPath('a', 'c', 2);
    expect(p?.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(p?.edges.map((r) => `${r.from}>${r.to}`)).toEqual(['a>b', 'c>b']);
    expect(driver.transactions[0]?.statements[1]).toEqual({ name: 'shortest-path', params: { source: 'a', target: 'c', gen: neo4j.int(-1) } });
  });
});

describe('load', () => {
  /** Answers each UNWIND batch with how many rows it wrote: all of them, unless `short` names the statement. */
  const writer = (short?: string): Answer => (name, params) => {
    const rows = (params.rows as unknown[] | undefined)?.length ?? 0;
    return name.startsWith('write-') && name !== 'write-meta' ? [row({ written: neo4j.int(name === short ? rows - 1 : rows) })] : [];
  };

  /** True when a transaction that made a generation current committed. */
  const switched = (driver: RecordingDriver) => driver.transactions.some((t) => t.statements[0]?.name === 'switch-generation' && t.outcome === 'committed');
  /** Every statement the load ran, in the order their transactions began. */
  const runsOf = (driver: RecordingDriver) => driver.transactions.flatMap((t) => t.statements);
  const tag = { app: 'story-graph-explorer', kind: 'load', pid: process.pid, host: os.hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) };

  it('takes the load lock, writes a new generation one committed transaction per batch, switches readers to it in one small transaction, then deletes the old one', async () => {
    const answer = writer();
    const driver = new RecordingDriver((name, params) => (name === 'generation' ? [row({ gen: neo4j.int(3) })] : answer(name, params)));
    const store = storeOver(driver, { batchSize: 5 });
    const summary = await store.load(HARBOUR);
    await store.close(); // waits for the deletion of the replaced generation
    expect(summary).toMatchObject({ entities: 12, relations: 13, articles: 2, mentions: HARBOUR.mentions.length });

    const schema = Object.keys(readStatements('neo4j')).filter((n) => n.startsWith('schema-'));
    const batches = (n: number) => Math.ceil(n / 5);
    expect(script(driver)).toEqual([
      'AUTO-COMMIT load-transactions',
      ...schema.map((n) => `WRITE ${n}`),
      'WRITE await-indexes',
      'EXPLICIT lock-loads',
      'EXPLICIT generation',
      'AUTO-COMMIT drop-meta',
      'AUTO-COMMIT drop-generations',
      ...Array<string>(batches(12)).fill('EXPLICIT write-entities'),
      'EXPLICIT write-articles',
      ...Array<string>(batches(13)).fill('EXPLICIT write-relations'),
      ...Array<string>(batches(HARBOUR.mentions.length)).fill('EXPLICIT write-mentions'),
      ...Array<string>(batches(HARBOUR.statements!.length)).fill('EXPLICIT write-statements'),
      ...Array<string>(batches(HARBOUR.statements!.flatMap((s) => s.about).length)).fill('EXPLICIT write-statement-about'),
      'EXPLICIT write-meta',
      'EXPLICIT switch-generation',
      // The replaced generation's :Meta first, on its own, so that readers elsewhere can tell (generation-whole.cypher).
      'AUTO-COMMIT drop-meta',
      'AUTO-COMMIT drop-generations',
    ]);
    const load = driver.transactions.filter((t) => t.kind !== 'WRITE' && t.statements[0]?.name !== 'load-transactions');
    // One statement per transaction, each committed, tagged as a load, with the load timeout, on the named database.
    for (const t of load) {
      expect(t.statements).toHaveLength(1);
      expect(t.config).toEqual({ timeout: 3_600_000, metadata: tag });
      expect(t.database).toBe('stories');
      if (t.kind === 'EXPLICIT') expect(t.outcome).toBe('committed');
    }
    // The lock was held from the first step to the last: its transaction began first and committed after the last deletion.
    expect(load[0]!.statements[0]!.name).toBe('lock-loads');
    // The current generation was 3: what is not 3 is deleted first, the load writes 4, makes 4 current, then deletes what is not 4.
    const runs = load.map((t) => t.statements[0]!);
    expect(runs.filter((r) => r.name === 'drop-generations').map((r) => r.params.keep)).toEqual([neo4j.int(3), neo4j.int(3 + 1)]);
    expect(runs.filter((r) => r.name === 'drop-meta').map((r) => r.params.keep)).toEqual([neo4j.int(3), neo4j.int(3 + 1)]);
    expect(new Set(runs.filter((r) => r.name.startsWith('write-') || r.name === 'switch-generation').map((r) => String(r.params.gen)))).toEqual(new Set(['4']));
    // The switch records the grace the deletion waits, which readers read with the generation.
    expect(runs.find((r) => r.name === 'switch-generation')?.params.retireGraceMs).toEqual(neo4j.int(30));
    expect(isInt(driver.transactions[schema.length + 1]?.statements[0]?.params.seconds)).toBe(true);
  });

  it('writes generation 1 into a database nothing was loaded into, after deleting whatever it holds', async () => {
    const driver = new RecordingDriver(writer());
    const store = storeOver(driver);
    await store.load(HARBOUR);
    await store.close();
    const runs = runsOf(driver);
    expect(runs.filter((r) => r.name === 'drop-generations').map((r) => String(r.params.keep))).toEqual(['-1', '1']);
    expect(runs.find((r) => r.name === 'switch-generation')?.params.gen).toEqual(neo4j.int(1));
  });

  it('ends the unfinished loads of processes that are gone before it loads, and says so', async () => {
    const gone = { app: 'story-graph-explorer', kind: 'load', pid: 2 ** 22 + 17, host: os.hostname(), startedAt: '2031-03-04T10:00:00.000Z' };
    const live = { ...gone, pid: process.pid };
    const answer = writer();
    const driver = new RecordingDriver((name, params) => {
      if (name === 'load-transactions') {
        return [
          row({ transactionId: 'neo4j-transaction-7', metaData: gone, status: 'Running', ageSeconds: neo4j.int(40) }),
          row({ transactionId: 'neo4j-transaction-8', metaData: live, status: 'Running', ageSeconds: neo4j.int(40) }),
        ];
      }
      if (name === 'terminate-transactions') return [row({ transactionId: 'neo4j-transaction-7', username: 'neo4j', message: 'Transaction terminated.' })];
      return answer(name, params);
    });
    const lines: string[] = [];
    await storeOver(driver, { log: (line) => lines.push(line) }).load(HARBOUR);
    expect(script(driver).slice(0, 2)).toEqual(['AUTO-COMMIT load-transactions', 'AUTO-COMMIT terminate-transactions']);
    expect(driver.transactions[0]!.statements[0]!.params).toEqual({ database: 'stories', app: 'story-graph-explorer' });
    expect(driver.transactions[1]!.statements[0]!.params).toEqual({ ids: ['neo4j-transaction-7'] });
    expect(lines).toEqual([expect.stringMatching(/ended an unfinished load, neo4j-transaction-7 .*process \d+ on .* is gone; Transaction terminated\./)]);
    expect(switched(driver)).toBe(true);
  });

  it('says what to change when Neo4j refuses the load for lack of transaction memory, and rolls it back', async () => {
    const answer = writer();
    const driver = new RecordingDriver((name, params) => {
      if (name === 'write-relations') throw new neo4j.Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit 2.8 GiB.', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '50N42', 'error');
      return answer(name, params);
    });
    await expect(storeOver(driver, { log: () => undefined }).load(HARBOUR)).rejects.toThrow(/more memory than Neo4j allows one transaction .*NEO4J_HEAP.*Nothing was loaded/);
    // The refused batch rolled back, the switch never ran, what the load wrote was deleted, and the lock let go.
    expect(driver.transactions.find((t) => t.statements[0]?.name === 'write-relations')?.outcome).toBe('failed');
    expect(switched(driver)).toBe(false);
    // What is served is asked again (the switch might have committed with only its answer lost), then all else is deleted.
    expect(script(driver).slice(-3)).toEqual(['EXPLICIT generation', 'AUTO-COMMIT drop-meta', 'AUTO-COMMIT drop-generations']);
    expect(runsOf(driver).at(-1)?.params.keep).toEqual(neo4j.int(-1));
    expect(driver.transactions.find((t) => t.statements[0]?.name === 'lock-loads')?.outcome).toBe('failed');
  });

  it('loads anyway, and says why, when Neo4j refuses to list transactions', async () => {
    const answer = writer();
    const driver = new RecordingDriver((name, params) => {
      if (name === 'load-transactions') throw new neo4j.Neo4jError('Permission denied.', 'Neo.ClientError.Security.Forbidden', '42NFF', 'error');
      return answer(name, params);
    });
    const lines: string[] = [];
    await storeOver(driver, { log: (line) => lines.push(line) }).load(HARBOUR);
    expect(lines).toEqual([expect.stringMatching(/could not list running loads .*loading anyway/)]);
    expect(switched(driver)).toBe(true);
  });

  it('writes rows the statements expect: integer degrees, JSON evidence, relation properties apart from their ends', async () => {
    const driver = new RecordingDriver(writer());
    await storeOver(driver, { batchSize: 100 }).load(HARBOUR);
    const runs = runsOf(driver);
    const entities = runs.find((s) => s.name === 'write-entities')!.params.rows as Params[];
    const marta = entities.find((e) => e.id === 'marta-zelazna')!;
    expect(isInt(marta.degree)).toBe(true);
    expect(String(marta.degree)).toBe('4');
    expect(marta).toMatchObject({ name: 'Marta Żelazná', aliases: '["Marta Zelazna"]', keys: 'marta zelazna|marta|zelazna', date: null });
    const relations = runs.find((s) => s.name === 'write-relations')!.params.rows as Params[];
    expect(relations.find((r) => r.from === 'tomas-zelazny' && r.to === 'port-ansel')).toEqual({
      from: 'tomas-zelazny',
      to: 'port-ansel',
      properties: {
        id: 'tomas-zelazny.crossed_into.port-ansel',
        type: 'CROSSED_INTO',
        date: '2031-03-04',
        note: null,
        evidence: JSON.stringify([{ article: 'h002', quote: 'crossed into Port Ansel on Tuesday, March 4, 2031, carrying Tomas Zelazny', certainty: 'STATED' }]),
        endDate: null,
        dateDerived: null,
        role: null,
      },
    });
    const meta = runs.find((s) => s.name === 'write-meta')!.params;
    expect(meta.key).toBe('graph');
    expect(JSON.parse(String(meta.value))).toMatchObject({ entities: 12, relations: 13, articles: 2, byKind: { Person: 4, Organisation: 3, Place: 2, Event: 3 } });
  });

  it('writes statements after the entities that speak them, then one row per statement and subject', async () => {
    const driver = new RecordingDriver(writer());
    await storeOver(driver, { batchSize: 100 }).load(TINY_STORY);
    const runs = runsOf(driver);
    const names = runs.map((s) => s.name);
    expect(names.indexOf('write-statements')).toBeGreaterThan(names.indexOf('write-entities'));
    expect(names.indexOf('write-statement-about')).toBeGreaterThan(names.indexOf('write-statements'));
    const statements = runs.find((s) => s.name === 'write-statements')!.params.rows as Params[];
    expect(statements.find((s) => s.id === 'master-undated')).toEqual({
      id: 'master-undated',
      speaker: 'harbour-master',
      words: 'The harbour stays open',
      date: null,
      dateDerived: null,
      channel: 'X',
      about: '["walkout"]',
      reportedBy: '[]',
      evidence: JSON.stringify([{ article: 'n001', quote: 'The harbour stays open', certainty: 'ATTRIBUTED', accordingTo: 'harbour-council' }]),
    });
    expect(runs.find((s) => s.name === 'write-statement-about')!.params.rows).toEqual([
      { statement: 'brook-no-return', entity: 'walkout' },
      { statement: 'brook-no-return', entity: 'harbour-council' },
      { statement: 'brook-early', entity: 'harbour-council' },
      { statement: 'master-undated', entity: 'walkout' },
    ]);
    const meta = runs.find((s) => s.name === 'write-meta')!.params;
    expect(JSON.parse(String(meta.value))).toMatchObject({ statements: 3, byKind: { Group: 1, Position: 1 } });
  });

  it('fails, and serves the old graph on, when a batch writes fewer rows than it was given', async () => {
    const answer = writer('write-relations');
    const driver = new RecordingDriver((name, params) => (name === 'generation' ? [row({ gen: neo4j.int(2) })] : answer(name, params)));
    await expect(storeOver(driver, { batchSize: 5 }).load(HARBOUR)).rejects.toThrow(/write-relations: wrote 4 of 5 rows/);
    expect(driver.transactions.find((t) => t.statements[0]?.name === 'write-relations')?.outcome).toBe('failed');
    const names = runsOf(driver).map((r) => r.name);
    expect(names).not.toContain('write-meta');
    expect(names).not.toContain('switch-generation');
    // What it wrote (generation 3) is deleted: every generation but the current one, 2.
    expect(runsOf(driver).at(-1)).toEqual({ name: 'drop-generations', params: { keep: neo4j.int(2) } });
  });

  it('deletes the replaced generation no sooner than the longer of its own grace and the one stored with the generation it replaces', async () => {
    const answer = writer();
    const times = new Map<string, number>();
    const driver = new RecordingDriver((name, params) => {
      if (!times.has(name)) times.set(name, performance.now());
      return name === 'generation' ? [row({ gen: neo4j.int(3), retireGraceMs: neo4j.int(400) })] : answer(name, params);
    });
    const store = storeOver(driver, { retireGraceMs: 100 });
    await store.load(HARBOUR);
    await store.close();
    const dropped = driver.transactions.filter((t) => t.statements[0]?.name === 'drop-meta').length;
    expect(dropped).toBe(2);
    const lastDrop = performance.now();
    expect(lastDrop - times.get('switch-generation')!).toBeGreaterThanOrEqual(390);
  });

  it('makes the schema once per store, and runs one load at a time', async () => {
    const driver = new RecordingDriver(writer());
    const store = storeOver(driver);
    await Promise.all([store.load(HARBOUR), store.load(HARBOUR)]);
    await store.close();
    const names = script(driver);
    expect(names.filter((n) => n === 'WRITE await-indexes')).toHaveLength(1);
    expect(names.filter((n) => n === 'EXPLICIT lock-loads')).toHaveLength(2);
    // The second load began after the first had switched and deleted the generation it replaced.
    expect(names.indexOf('EXPLICIT switch-generation')).toBeLessThan(names.lastIndexOf('EXPLICIT lock-loads'));
    expect(names.indexOf('AUTO-COMMIT drop-generations', names.indexOf('EXPLICIT switch-generation'))).toBeLessThan(names.lastIndexOf('EXPLICIT lock-loads'));
  });
});

describe('statements', () => {
  it('are read by speaker and subject in one read transaction, with an integer limit', async () => {
    const driver = new RecordingDriver();
    const store = storeOver(driver);
    await store.statements({ speaker: 'ada-brook', about: 'walkout', first: 5 });
    await store.statements({ about: 'walkout', first: 5 });
    await store.statements({ first: 5 });
    expect(script(driver).filter((s) => s !== 'READ generation')).toEqual(['READ statements-by-speaker-about', 'READ statements-about', 'READ statements']);
    const [, both] = driver.transactions[0]!.statements;
    expect(both?.params).toMatchObject({ speaker: 'ada-brook', about: 'walkout' });
    expect(isInt(both?.params.limit)).toBe(true);
  });
});

describe('ping and close', () => {
  it('ping runs one auto-commit query, which the driver does not retry', async () => {
    const driver = new RecordingDriver((name) => (name === 'ping' ? [row({ ok: neo4j.int(1) })] : []));
    await storeOver(driver).ping();
    expect(driver.transactions).toEqual([{ kind: 'AUTO-COMMIT', database: 'stories', config: { timeout: 1234 }, statements: [{ name: 'ping', params: {} }] }]);
    expect(driver.probes).toEqual([]);
  });

  it('stats and relation types come from the stored summary', async () => {
    const summary = { entities: 3, relations: 2, articles: 1, byKind: { Person: 2, Place: 1 }, byType: { MET: 1, LEADS: 1 }, loadedAt: '2031-03-05T00:00:00Z' };
    const driver = new RecordingDriver((name) => (name === 'meta' ? [row({ value: JSON.stringify(summary) })] : []));
    const store = storeOver(driver);
    expect(await store.stats()).toEqual({
      entities: 3,
      relations: 2,
      articles: 1,
      statements: 0,
      byKind: [{ kind: 'Person', count: 2 }, { kind: 'Place', count: 1 }],
      byRelationType: [{ type: 'LEADS', count: 1 }, { type: 'MET', count: 1 }],
    });
    expect(await store.relationTypes()).toEqual(['LEADS', 'MET']);
  });

  it('an empty database has empty stats', async () => {
    expect(await storeOver(new RecordingDriver()).stats()).toMatchObject({ entities: 0, relations: 0, byKind: [] });
  });

  it('close closes the driver', async () => {
    const driver = new RecordingDriver();
    await storeOver(driver).close();
    expect(driver.closed).toBe(true);
  });
});
