/** What the curation resolvers receive beside the read side's context: the workspace, the caller's check, and how to reload the graph. */
import type { Story } from '../../domain/types.js';
import type { StoryWorkspace } from '../../curation/workspace.js';
import type { CuratorCheck } from './auth.js';

export interface CurationContext {
  /** Null when curator mode is off. */
  workspace: StoryWorkspace | null;
  curator: CuratorCheck;
  /** Loads a validated story into the graph and empties the response cache. */
  reload: (story: Story) => Promise<unknown>;
  /** Merged-away entity id -> the id it went into, read from the story folder whether or not curator mode is on. */
  redirects: () => Record<string, string>;
}
