/**
 * The GraphQL Yoga server: the schema from schema.graphql, the resolvers, and
 * a list of plugins, each one behaviour. buildApp mounts it on express.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga, type Plugin } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { PROJECT_ROOT, type Config } from '../config.js';
import type { GraphStore } from '../store/graph-store.js';
import type { GraphContext, QuestionEngine } from './context.js';
import { EXAMPLE_QUERIES } from './examples.js';
import { createLoaders } from './loaders.js';
import { createObjectBudget } from './object-budget.js';
import { useArmor } from './plugins/armor.js';
import { useCacheControl, usePersistedQueries } from './plugins/http-caching.js';
import { graphShapeOf, useCostLimit } from './plugins/cost-limit.js';
import { CSRF_HEADER, useCsrfPrevention } from './plugins/csrf.js';
import { domainErrorMask, quietLogger } from './plugins/domain-errors.js';
import { useGraphResponseCache, type GraphGeneration } from './plugins/graph-generation.js';
import { useStatusCodes } from './plugins/status-codes.js';
import { useRequestParams } from './plugins/request-params.js';
import { passageResolvers } from './passages.js';
import { resolvers } from './resolvers.js';
import { curationGraphQL } from './curation/wiring.js';

// From the project root, so the compiled server (dist/) reads the same file.
const SCHEMA_FILE = path.join(PROJECT_ROOT, 'server', 'graphql', 'schema.graphql');

export { CSRF_HEADER };

export const typeDefs = fs.readFileSync(SCHEMA_FILE, 'utf8');

export interface GraphQLDeps {
  store: GraphStore;
  config: Config;
  questions: QuestionEngine;
  generation: GraphGeneration;
  log: (message: string, error?: unknown) => void;
}

export function createGraphQL({ store, config, questions, generation, log }: GraphQLDeps) {
  const curation = curationGraphQL({ store, config, generation });
  const schema = makeExecutableSchema({ typeDefs: [typeDefs, curation.typeDefs], resolvers: [resolvers, passageResolvers, curation.resolvers] });
  const plugins: Plugin[] = [
    useCsrfPrevention(),
    useRequestParams(),
    // Before the response cache: it keys on the query text the hash stands for.
    usePersistedQueries(),
    useArmor() as Plugin,
    useStatusCodes(),
  ];
  if (!config.introspection) plugins.push(useNoIntrospection());
  // Before the response cache's execute hook: a refusal here ends the hooks before the cache wraps an execution that
  // never runs (it would warn, with a stack trace, on every refused query). A cache hit never reaches execution.
  plugins.push(useCostLimit({ maxCost: config.limits.maxObjects, shape: graphShapeOf(store, () => generation.value) }) as Plugin);
  if (config.responseCache.enabled) {
    plugins.push(useGraphResponseCache({ generation, ttlMs: config.responseCache.ttlMs, maxEntries: config.responseCache.maxEntries, maxBytes: config.responseCache.maxBytes }) as Plugin);
    plugins.push(useCacheControl(Math.floor(config.responseCache.ttlMs / 1000)));
  }

  return createYoga<object, GraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // CORS is express's (buildApp, CORS_ORIGINS); Yoga's own default would answer every origin, with credentials.
    cors: false,
    // GET runs queries only: Yoga refuses mutations over GET with 405.
    maskedErrors: { maskError: domainErrorMask(log) },
    graphiql: config.graphiql ? { title: 'Story graph explorer: GraphiQL', defaultQuery: EXAMPLE_QUERIES, headers: JSON.stringify({ [CSRF_HEADER]: '1' }) } : false,
    // Loaded on first use: the bundled GraphiQL is 30 MiB of heap a server with GraphiQL off never needs.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    context: ({ request }) => ({ store, loaders: createLoaders(store), limits: config.limits, questions, budget: createObjectBudget(config.limits.maxObjects, config.limits.maxTextChars), curation: curation.context(request) }),
    plugins,
    // The body is bounded before Yoga (buildApp's limitBody, BODY_LIMIT, chunked bodies included); Yoga's own
    // bound pipes every body through a TransformStream, a tenth of an uncached entity lookup's time in the profile.
    maxRequestBodySize: false,
    logging: quietLogger(config.logLevel),
  });
}

/** Refuses introspection when it is switched off (production default). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
