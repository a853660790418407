/**
 * The story format (docs/story-format.md), as zod schemas: the one
 * definition of what a story file may hold; docs/story-format.md describes
 * it in prose. Cross-record checks (unknown ids, duplicates, quotes found in
 * their article) live in check-story.ts, because they need all files at once.
 */
import { z } from 'zod';
import { RELATION_TYPE_NAMES } from '../relation-types.js';
import { CERTAINTIES, ENTITY_KINDS } from '../types.js';

export { ENTITY_KINDS };

const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'must be an ISO date as precise as the text allows: YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .refine((s) => !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is not a real calendar date',
  });

export const evidenceSchema = z.strictObject({
  article: z.string().min(1, 'names no article'),
  quote: z.string().trim().min(12, 'is too short to be a passage that states the fact (12 characters at least)'),
  certainty: z.enum(CERTAINTIES).default('STATED'),
  accordingTo: z.string().min(1).optional(),
});

const evidenceList = z.array(evidenceSchema).min(1, 'needs at least one evidence quote');

/** A figure an article states (how many were released, how many remain). */
export const claimSchema = z.strictObject({
  /** What is counted, in plain words: "political prisoners released". */
  measure: z.string().trim().min(3),
  value: z.number().finite(),
  /** How the article hedges the figure: "almost", "well over", "about". */
  qualifier: z.string().trim().min(1).optional(),
  evidence: evidenceList,
});

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a lower-case ASCII slug such as "ihar-losik"' }),
  kind: z.enum(ENTITY_KINDS, { message: `must be one of ${ENTITY_KINDS.join(', ')}` }),
  name: z.string().trim().min(1, 'is empty'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  summary: z.string().trim().min(1).optional(),
  date: isoDate.optional(),
  evidence: evidenceList,
  claims: z.array(claimSchema).default([]),
});

export const relationSchema = z.strictObject({
  /** Optional stable id; by default `${from}.${type}.${to}`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'must be lower-case ASCII letters, digits, ".", "_" or "-"' }).optional(),
  from: z.string().min(1),
  type: z.enum(RELATION_TYPE_NAMES as [string, ...string[]], {
    message: 'is not a known relation type (see server/domain/relation-types.ts)',
  }),
  to: z.string().min(1),
  date: isoDate.optional(),
  /** One short line of context, shown with the relation ("blocked at the border"). */
  note: z.string().trim().min(1).optional(),
  evidence: evidenceList,
});

export const articleMetaSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().trim().min(1).optional(),
  url: z.string().url().optional(),
  source: z.string().trim().min(1).optional(),
});

export const storyFileSchema = z.strictObject({
  entities: z.array(entitySchema).default([]),
  relations: z.array(relationSchema).default([]),
  articles: z.array(articleMetaSchema).default([]),
});

export type EntityRecord = z.infer<typeof entitySchema>;
export type RelationRecord = z.infer<typeof relationSchema>;
export type StoryFile = z.infer<typeof storyFileSchema>;
