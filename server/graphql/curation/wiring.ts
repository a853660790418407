/**
 * The curation side of the GraphQL server, in one place so yoga.ts only
 * merges it in: its schema and resolvers, and a per-request context (the
 * workspace over STORY_DIR when CURATOR_TOKEN is set, the caller's check, and
 * a reload that loads the saved story and empties the response cache).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';
import type { Config } from '../../config.js';
import { readRedirects } from '../../curation/redirects.js';
import { StoryWorkspace } from '../../curation/workspace.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { GraphGeneration } from '../plugins/graph-generation.js';
import { checkCurator } from './auth.js';
import type { CurationContext } from './context.js';
import { curationResolvers } from './resolvers.js';

// Read from the sources, as the main schema is: the compiled server in dist/ has no copy.
const SCHEMA_FILE = path.join(PROJECT_ROOT, 'server', 'graphql', 'curation', 'schema.graphql');

export function curationGraphQL({ store, config, generation }: { store: GraphStore; config: Config; generation: GraphGeneration }) {
  const { token, name, story } = config.curation;
  const workspace = token ? new StoryWorkspace(story) : null;
  const reload = async (next: Parameters<CurationContext['reload']>[0]) => {
    await store.load(next);
    generation.bump();
  };
  return {
    typeDefs: fs.readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers: curationResolvers,
    context: (request: Request): CurationContext => ({ workspace, curator: checkCurator(request.headers.get('authorization'), token, name), reload, redirects: () => readRedirects(story) }),
  };
}
