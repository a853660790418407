/**
 * The one typed configuration, read from the environment once at start-up and
 * validated; nothing below this file reads process.env.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The folder holding package.json: the same whether this file runs from server/ (tsx, tests) or dist/server/ (npm start). */
export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/**
 * V8's heap options for the server process (npm start passes them to node: server/node-flags.ts).
 * Measured on the seed story under the benchmark's load (docs/benchmarks.md), V8's defaults took the server
 * to about 233 MiB: it lets the old generation grow to several times what survives a full collection, and
 * grows the young generation to three 16 MiB semi-spaces.
 * - heapGrowingPercent: after a full collection the old generation may grow by this share before the next
 *   (20: 1.2 ×) instead of V8's own factor (up to 4 ×). It bounds growth without a cap, so a big graph
 *   still gets the heap it needs. Alone it held the peak at 185-202 MiB at the same CPU per request;
 * - maxSemiSpaceMb: with 8 MiB semi-spaces as well the peak was 171-177 MiB, for 4-12% more CPU per uncached
 *   neighbourhood read (4 MiB: about 160 MiB, but about 25% more CPU: more scavenges);
 * - maxOldSpaceMb: a hard cap on the old generation; none by default (a million relations need several
 *   hundred MiB, so no fixed cap fits every graph).
 * 0 leaves V8's own default for each.
 */
export const DEFAULT_RUNTIME = { maxSemiSpaceMb: 8, heapGrowingPercent: 20, maxOldSpaceMb: 0 } as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(4000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  GRAPH_STORE: z.enum(['embedded', 'neo4j'], { message: 'must be "embedded" (LadybugDB, the default) or "neo4j"' }).default('embedded'),
  DB_PATH: z.string().default(path.join(PROJECT_ROOT, '.data', 'graph.lbug')),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  NEO4J_CONNECTION_TIMEOUT_MS: int(3000, 100, 120000),
  NEO4J_RETRY_TIMEOUT_MS: int(2000, 0, 120000),
  NEO4J_LOAD_TIMEOUT_MINUTES: int(60, 1, 10_080),
  QUERY_TIMEOUT_MS: int(10000, 100, 600000),
  LADYBUG_BUFFER_POOL_MB: int(256, 16, 1_048_576),
  LADYBUG_LOAD_BUFFER_POOL_MB: int(1024, 16, 1_048_576),
  GRAPHIQL: bool.optional(),
  INTROSPECTION: bool.optional(),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: int(0, 0, 1_000_000),
  BODY_LIMIT: z.string().default('100kb'),
  RESPONSE_CACHE: bool.default(true),
  RESPONSE_CACHE_TTL_MS: int(60_000, 0, 86_400_000),
  RESPONSE_CACHE_MAX_ENTRIES: int(1000, 1, 10_000_000),
  RESPONSE_CACHE_MAX_MB: int(32, 1, 65_536),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  CURATOR_TOKEN: z.string().min(16, 'must be 16 characters at least (for example: openssl rand -hex 24)').optional(),
  CURATOR_NAME: z.string().trim().min(1).max(80).default('curator'),
  STORY_DIR: z.string().default(path.join(PROJECT_ROOT, 'seed')),
  NODE_MAX_SEMI_SPACE_MB: int(DEFAULT_RUNTIME.maxSemiSpaceMb, 0, 1024),
  NODE_HEAP_GROWING_PERCENT: int(DEFAULT_RUNTIME.heapGrowingPercent, 0, 1000),
  NODE_MAX_OLD_SPACE_MB: int(DEFAULT_RUNTIME.maxOldSpaceMb, 0, 1_048_576),
});

export interface Limits {
  /** Largest `first` of any list or connection. @default 500 */
  maxFirst: number;
  /** Deepest neighbourhood. @default 3 */
  maxDepth: number;
  /** Longest shortest path searched. @default 8 */
  maxPathLength: number;
  /** Largest node limit of graph and neighbourhood. @default 5000 */
  maxLimit: number;
  /** Longest question, in characters. @default 500 */
  maxQuestionLength: number;
  /** Longest search text, in characters. @default 200 */
  maxSearchLength: number;
  /** Most list items (entities, relations, evidence, articles) one request may resolve. @default 100000 */
  maxObjects: number;
  /** Most characters of article text one request may return. @default 1000000 */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFirst: 500,
  maxDepth: 3,
  maxPathLength: 8,
  maxLimit: 5000,
  maxQuestionLength: 500,
  maxSearchLength: 200,
  maxObjects: 100_000,
  maxTextChars: 1_000_000,
};

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /**
   * bufferPoolMb: the most memory LadybugDB keeps pages in while serving (its own default is 80% of the
   * machine's memory); loadBufferPoolMb: the same for the database a whole new graph is built in (npm run seed).
   */
  store: { kind: 'embedded'; path: string; queryTimeoutMs: number; bufferPoolMb: number; loadBufferPoolMb: number } | {
    kind: 'neo4j';
    uri: string;
    user: string;
    password: string;
    database: string;
    connectionTimeoutMs: number;
    retryTimeoutMs: number;
    queryTimeoutMs: number;
    /** Longest a load may run (Neo4j ends it), and the age after which the next load ends an unfinished one. */
    loadTimeoutMs: number;
  };
  limits: Limits;
  graphiql: boolean;
  introspection: boolean;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  bodyLimit: string;
  /** maxEntries and maxBytes bound the cache: the least recently used responses go first when either is reached. */
  responseCache: { enabled: boolean; ttlMs: number; maxEntries: number; maxBytes: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Curator mode: with a token, requests bearing it may change the story folder; without one the API is read-only. */
  curation: { token: string | null; name: string; story: string };
  /** V8 heap options npm start runs the server with (DEFAULT_RUNTIME says why); 0 leaves V8's default. */
  runtime: { maxSemiSpaceMb: number; heapGrowingPercent: number; maxOldSpaceMb: number };
}

/** Reads and validates the configuration; throws one message listing every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  const e = parsed.data;
  if (e.GRAPH_STORE === 'neo4j' && !e.NEO4J_URI) throw new Error('Invalid configuration:\n- NEO4J_URI: required when GRAPH_STORE=neo4j (for example bolt://localhost:7687)');
  const dev = e.NODE_ENV !== 'production';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    store:
      e.GRAPH_STORE === 'neo4j'
        ? {
            kind: 'neo4j',
            uri: e.NEO4J_URI!,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD,
            database: e.NEO4J_DATABASE,
            connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
            retryTimeoutMs: e.NEO4J_RETRY_TIMEOUT_MS,
            queryTimeoutMs: e.QUERY_TIMEOUT_MS,
            loadTimeoutMs: e.NEO4J_LOAD_TIMEOUT_MINUTES * 60_000,
          }
        : { kind: 'embedded', path: path.resolve(e.DB_PATH), queryTimeoutMs: e.QUERY_TIMEOUT_MS, bufferPoolMb: e.LADYBUG_BUFFER_POOL_MB, loadBufferPoolMb: e.LADYBUG_LOAD_BUFFER_POOL_MB },
    limits: DEFAULT_LIMITS,
    graphiql: e.GRAPHIQL ?? dev,
    introspection: e.INTROSPECTION ?? dev,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimit: e.BODY_LIMIT,
    responseCache: { enabled: e.RESPONSE_CACHE, ttlMs: e.RESPONSE_CACHE_TTL_MS, maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES, maxBytes: e.RESPONSE_CACHE_MAX_MB * 2 ** 20 },
    logLevel: e.LOG_LEVEL,
    curation: { token: e.CURATOR_TOKEN ?? null, name: e.CURATOR_NAME, story: path.resolve(e.STORY_DIR) },
    runtime: { maxSemiSpaceMb: e.NODE_MAX_SEMI_SPACE_MB, heapGrowingPercent: e.NODE_HEAP_GROWING_PERCENT, maxOldSpaceMb: e.NODE_MAX_OLD_SPACE_MB },
  };
}

/** The node command-line options for `runtime`: what npm start and the benchmark's servers run with. */
export function nodeFlags({ maxSemiSpaceMb, heapGrowingPercent, maxOldSpaceMb }: Config['runtime']): string[] {
  const flags: string[] = [];
  if (maxSemiSpaceMb > 0) flags.push(`--max-semi-space-size=${maxSemiSpaceMb}`);
  if (heapGrowingPercent > 0) flags.push(`--heap-growing-percent=${heapGrowingPercent}`);
  if (maxOldSpaceMb > 0) flags.push(`--max-old-space-size=${maxOldSpaceMb}`);
  return flags;
}
