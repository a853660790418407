/**
 * One suite every real client runs against the real server: the README's
 * examples, paging through all relations, and errors with their codes beside
 * partial data. Each tests/clients-*.test.ts gives a Driver over its client,
 * used as that client's users use it (its defaults unless the test says).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, Kind } from 'graphql';
import { ENTITY_DETAIL } from '../../client/src/queries.js';
import { PROJECT_ROOT } from '../../server/config.js';
import { seededServer } from './graph.js';

export interface ClientError {
  message: string;
  code: string | undefined;
}

export interface ClientResult {
  data: any;
  errors: ClientError[];
}

export interface Driver {
  /** A query as the client sends it; errors as the client reports them (never thrown for GraphQL errors). */
  query(document: string, variables?: Record<string, unknown>): Promise<ClientResult>;
  /** Every relation, page by page, as the client's own pagination would; ids in the order received and the total. */
  allRelations(pageSize: number): Promise<{ ids: string[]; totalCount: number }>;
  close?(): void;
}

/** Every operation of the README's ```graphql blocks, one document each. */
export function readmeExamples(): string[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => parse(block).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => print(d)));
}

export function describeClient(name: string, makeDriver: (url: string) => Driver | Promise<Driver>) {
  describe(`${name} against the real server`, () => {
    let server: Awaited<ReturnType<typeof seededServer>>;
    let driver: Driver;
    beforeAll(async () => {
      server = await seededServer();
      driver = await makeDriver(`${server.url}/graphql`);
    });
    afterAll(async () => {
      driver?.close?.();
      await server.cleanup();
    });

    it('runs every example query of the README without an error', async () => {
      const examples = readmeExamples();
      expect(examples.length).toBeGreaterThan(6);
      for (const example of examples) {
        const { data, errors } = await driver.query(example);
        expect({ example, errors }).toEqual({ example, errors: [] });
        expect(Object.values(data).every((v) => v !== null)).toBe(true);
      }
    });

    it('pages through all relations, each exactly once, as many as the total says', async () => {
      const relations: number = (await driver.query('{ stats { relations } }')).data.stats.relations;
      const { ids, totalCount } = await driver.allRelations(40);
      expect(totalCount).toBe(relations);
      expect(ids).toHaveLength(relations);
      expect(new Set(ids).size).toBe(relations);
    });

    it('sees a bad argument as an error with its code, beside the partial data', async () => {
      const { data, errors } = await driver.query('{ stats { entities } entity(id: "donald-trump") { relations(first: 501) { id } } }');
      expect(data.stats.entities).toBeGreaterThan(0);
      expect(data.entity).toBeNull();
      expect(errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors[0]!.message).toMatch(/"first" must be a whole number from 0 to 500/);
    });

    it('sees an unknown id in neighbourhood as NOT_FOUND and an unknown relation type as BAD_USER_INPUT', async () => {
      expect((await driver.query('{ neighbourhood(id: "nobody") { nodes { id } } }')).errors[0]!.code).toBe('NOT_FOUND');
      const typed = await driver.query('{ relations(types: ["NOPE"]) { totalCount } }');
      expect(typed.errors[0]!.code).toBe('BAD_USER_INPUT');
      expect(typed.errors[0]!.message).toMatch(/Known types: .*SPOUSE_OF/);
    });

    it('sees a query refused for its cost with QUERY_TOO_COMPLEX and the reason', async () => {
      const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: articles { entities { mentionedIn { text } } }`).join(' ');
      const { errors } = await driver.query(`{ ${aliases} }`);
      expect(errors[0]!.code).toBe('QUERY_TOO_COMPLEX');
      expect(errors[0]!.message).toMatch(/Ask for less/);
    });

    it('runs the page\'s heaviest query and the largest relation page as the client sends them (with __typename where it adds it)', async () => {
      const detail = await driver.query(ENTITY_DETAIL, { id: 'alexander-lukashenko' });
      expect(detail.errors).toEqual([]);
      expect(detail.data.entity.relations.length).toBeGreaterThan(5);
      const big = await driver.query('query($first: Int) { entity(id: "belarus") { relations(first: $first) { from { name } to { name } evidence { quote article { id title } } } } }', { first: 500 });
      expect(big.errors).toEqual([]);
      expect(big.data.entity.relations.length).toBeGreaterThan(0);
    });
  });
}
