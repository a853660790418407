/** The fuzz target for the seed story: the real schema, and real ids, names and relation types from seed/data. */
import path from 'node:path';
import { buildSchema } from 'graphql';
import { PROJECT_ROOT } from '../../server/config.js';
import { typeDefs } from '../../server/graphql/yoga.js';
import { readStory, type StoryDirs } from '../../server/domain/story/read-story.js';
import type { FuzzTarget } from './fuzz.js';

export const SEED_STORY: StoryDirs = { data: path.join(PROJECT_ROOT, 'seed', 'data'), articles: path.join(PROJECT_ROOT, 'seed', 'articles') };

/** Questions a reader would type; the fuzz mixes them with noise. */
export const QUESTIONS = [
  'Who negotiated what?',
  'Who released Ihar Losik?',
  'How is Trump connected to Ihar Losik?',
  'Who brokered the release?',
  'What happened on 2025-09-11?',
  'Who is Statkevich?',
  'How many prisoners crossed into Lithuania?',
  'Who leads Belarus?',
  'Who said what?',
  'Which countries are involved?',
];

export function seedTarget(bodyLimit: number, dirs: StoryDirs = SEED_STORY): FuzzTarget {
  const story = readStory(dirs);
  return {
    schema: buildSchema(typeDefs),
    ids: story.entities.map((e) => e.id),
    names: story.entities.flatMap((e) => [e.name, ...e.aliases]),
    relationTypes: [...new Set(story.relations.map((r) => r.type))].sort(),
    questions: QUESTIONS,
    bodyLimit,
  };
}
