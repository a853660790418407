/**
 * buildApp(deps): the express app, separate from listen. Tests call it in
 * process on a free port; main.ts is the only place that listens for real.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { PROJECT_ROOT, type Config } from './config.js';
import { GraphUnavailable } from './domain/errors.js';
import type { Story } from './domain/types.js';
import type { QuestionEngine } from './graphql/context.js';
import { createGraphGeneration } from './graphql/plugins/graph-generation.js';
import { PREFLIGHT_HEADERS } from './graphql/plugins/csrf.js';
import { createGraphQL, typeDefs } from './graphql/yoga.js';
import { graphQLRoute, type Listener, type NodeMiddleware } from './graphql-route.js';
import { createQuestionEngine } from './questions/index.js';
import type { GraphStore, LoadSummary } from './store/graph-store.js';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  /** Defaults to the plain-English engine over the same store. */
  questions?: QuestionEngine;
  /** Built front end to serve at /. @default client/dist */
  clientDir?: string;
  log?: (message: string, error?: unknown) => void;
  /** Why the server is not ready although the database answers (an empty graph being seeded), or null. */
  notReady?: () => string | null;
}

export interface App {
  /** The express app; its listen() serves `listener`. */
  app: Express;
  /** Every request: GraphQL straight to Yoga (graphql-route.ts says why), the rest to express. */
  listener: Listener;
  /** Replaces the graph and invalidates every cached response. */
  reload(story: Story): Promise<LoadSummary>;
  /** Invalidate cached responses after the graph changed by other means. */
  graphChanged(): void;
}

export function buildApp({ store, config, questions = createQuestionEngine(store), clientDir = path.join(PROJECT_ROOT, 'client', 'dist'), log = defaultLog, notReady = () => null }: AppDeps): App {
  const generation = createGraphGeneration();
  const yoga = createGraphQL({ store, config, questions, generation, log });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Cytoscape sets inline styles; PNG export builds blob: and data: images.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        // The server speaks plain HTTP (TLS, if any, ends at a proxy). Upgrading would send a page
        // opened at http://any-host-but-localhost to https:// for its own scripts, and it would never load.
        'upgrade-insecure-requests': null,
      },
    },
  });
  app.use(securityHeaders);

  // Closed by default: only the origins named in CORS_ORIGINS may call from a browser.
  const corsAnswer = cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, allowedHeaders: ['content-type', 'accept', 'authorization', ...PREFLIGHT_HEADERS] });
  app.use(corsAnswer);

  if (config.rateLimitPerMinute > 0) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) => {
          res.status(429).json({ errors: [{ message: `Too many requests: at most ${config.rateLimitPerMinute} a minute. Try again shortly.`, extensions: { code: 'RATE_LIMITED' } }] });
        },
      }),
    );
  }

  // Refuse oversized bodies before anything reads them, chunked ones included.
  const bodyLimit = limitBody(bytes(config.bodyLimit), config.bodyLimit);
  app.use(bodyLimit);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    try {
      await store.ping();
      const reason = notReady();
      if (reason) return void res.status(503).json({ status: 'seeding', engine: store.engine, reason });
      // Ready once warm: a big graph's indexes take seconds after a start or a load, and the first visitor would wait
      // for them. A short warm-up (a small story) is waited out here rather than answered 503.
      const warming = store.warming?.();
      if (warming && !(await settlesWithin(warming, READY_WAITS_FOR_WARMING_MS))) {
        return void res.status(503).json({ status: 'warming', engine: store.engine, reason: 'building the in-memory indexes of the graph; reads are slower until they are ready' });
      }
      res.json({ status: 'ready', engine: store.engine });
    } catch (err) {
      const reason = err instanceof GraphUnavailable ? err.message : 'the graph database does not answer';
      if (!(err instanceof GraphUnavailable)) log('readiness check failed', err);
      res.status(503).json({ status: 'unavailable', engine: store.engine, reason });
    }
  });

  // The schema, for tools when introspection is off (production).
  app.get('/schema.graphql', (_req, res) => {
    res.type('text/plain').set('cache-control', 'public, max-age=300').send(typeDefs);
  });

  // GraphiQL needs inline scripts and workers: a looser policy for that page only.
  app.use('/graphql', (req, res, next) => {
    if (req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html')) {
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'",
      );
    }
    next();
  });
  app.use('/graphql', yoga);

  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    // The page's scripts and styles go out compressed (gzip or brotli, as the browser asks).
    app.use(compression());
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('The explorer page is not built (npm run build). The API is at /graphql.');
    });
  }

  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found. The API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });

  const listener = graphQLRoute({
    before: [securityHeaders as NodeMiddleware, corsAnswer as NodeMiddleware, bodyLimit],
    graphql: yoga as unknown as Listener,
    fallback: app,
    direct: config.rateLimitPerMinute === 0,
  });
  // express's own listen() serves the app alone; this one serves the listener (main.ts, tests and benches call it).
  app.listen = ((...args: Parameters<http.Server['listen']>) => http.createServer(listener).listen(...args)) as Express['listen'];

  return {
    app,
    listener,
    async reload(story) {
      const summary = await store.load(story);
      generation.bump();
      return summary;
    },
    graphChanged: () => generation.bump(),
  };
}

/**
 * Bodies over the limit answer 413: a declared Content-Length at once, a
 * chunked body (no length up front) as soon as the bytes read cross the limit.
 * A chunked body within the limit is handed on read (Yoga takes a Buffer body).
 */
function limitBody(max: number, limit: string): NodeMiddleware {
  const tooLarge = (res: http.ServerResponse) => {
    res.statusCode = 413;
    res.setHeader('connection', 'close');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message: `Request body too large: at most ${limit}.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
  };
  return (req, res, next) => {
    if (req.headers['content-length'] !== undefined) {
      if (Number(req.headers['content-length']) > max) tooLarge(res);
      else next();
      return;
    }
    if (req.headers['transfer-encoding'] === undefined) {
      next();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd);
      tooLarge(res);
    };
    const onEnd = () => {
      (req as http.IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks);
      next();
    };
    // A client that hangs up mid-body gets no answer: there is no one to read it.
    req.on('data', onData).once('end', onEnd).once('error', () => res.destroy());
  };
}

/** "100kb" -> 102400. */
export function bytes(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(size.trim());
  if (!m) throw new Error(`BODY_LIMIT must look like 100kb or 1mb (got ${size}).`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Math.floor(Number(m[1]) * unit);
}

function noCacheForHtml(res: express.Response, file: string) {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

function defaultLog(message: string, error?: unknown) {
  console.error(`[server] ${message}`, error ?? '');
}

/** How long /ready holds its answer for a warm-up to finish before saying 503 'warming'. */
const READY_WAITS_FOR_WARMING_MS = 1500;

function settlesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}
