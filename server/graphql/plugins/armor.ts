/**
 * Static limits on the query document, before anything runs (graphql-armor):
 * depth, aliases, directives, tokens, and no field
 * suggestions that would map the schema for a stranger.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';

export const ARMOR_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1500,
} as const;

export function useArmor() {
  return EnvelopArmorPlugin({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    maxTokens: { n: ARMOR_LIMITS.maxTokens },
    // The cost is ours (cost.ts): armor's counts `first` only when written in the query and charges __typename.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
}
