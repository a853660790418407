/**
 * The story format (docs/story-format.md), as zod schemas: the one
 * definition of what a story file may hold, versions 1 and 2 alike (a
 * version-1 file simply uses none of the version-2 fields; versions.ts checks
 * that). Cross-record checks (unknown ids, duplicates, quotes found in their
 * article, kinds at the ends of relations) live in check-story.ts, because
 * they need all files at once.
 */
import { z } from 'zod';
import { RELATION_TYPE_NAMES } from '../relation-types.js';
import { CERTAINTIES, ENTITY_KINDS, ROLES } from '../types.js';

export { ENTITY_KINDS };

/** The version-1 way to record speech; version-1 files may use it whatever the vocabulary says (statements.ts reads it). */
export const SAID = 'SAID';

const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'must be an ISO date as precise as the text allows: YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .refine((s) => !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is not a real calendar date',
  });

/** One line saying how a date was worked out from relative wording ("\"said Friday\" after the Thursday release"). */
const dateDerived = z.string().trim().min(3, 'must say in a few words how the date was worked out');

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a lower-case ASCII slug such as "ihar-losik"' });
const recordId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'must be lower-case ASCII letters, digits, ".", "_" or "-"' });
const entityRef = z.string().min(1, 'names no entity');

export const evidenceSchema = z
  .strictObject({
    article: z.string().min(1, 'names no article'),
    quote: z.string().trim().min(12, 'is too short to be a passage that states the fact (12 characters at least)'),
    /** How the article supports the fact; absent means the article's own voice. */
    certainty: z.enum(CERTAINTIES, { message: `must be one of ${CERTAINTIES.join(', ')} (docs/story-format.md, Evidence)` }).default('STATED'),
    /** Whom the article attributes it to (an entity id). */
    accordingTo: entityRef.optional(),
  })
  .superRefine((ev, ctx) => {
    if (ev.certainty === 'ATTRIBUTED' && !ev.accordingTo) {
      ctx.addIssue({ code: 'custom', path: ['accordingTo'], message: 'is required when certainty is ATTRIBUTED: the id of the entity the article attributes the fact to' });
    }
    if (ev.certainty === 'STATED' && ev.accordingTo) {
      ctx.addIssue({ code: 'custom', path: ['accordingTo'], message: 'is set but certainty is STATED (the article\'s own voice): make it ATTRIBUTED, or drop accordingTo' });
    }
  });

const evidenceList = z.array(evidenceSchema).min(1, 'needs at least one evidence quote');

/** A figure an article states (how many were released, how many remain). */
export const claimSchema = z
  .strictObject({
    id: slug.optional(),
    /** What is counted, in plain words: "political prisoners released". */
    measure: z.string().trim().min(3),
    value: z.number().finite(),
    /** The upper end when the text gives a range ("six or seven"). */
    valueMax: z.number().finite().optional(),
    /** How the article hedges the figure: "almost", "well over", "about". */
    qualifier: z.string().trim().min(1).optional(),
    evidence: evidenceList,
  })
  .refine((c) => c.valueMax === undefined || c.valueMax >= c.value, { path: ['valueMax'], message: 'is below value: a range runs from value up to valueMax' });

export const entitySchema = z.strictObject({
  id: slug,
  kind: z.enum(ENTITY_KINDS, { message: `must be one of ${ENTITY_KINDS.join(', ')}` }),
  name: z.string().trim().min(1, 'is empty'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  summary: z.string().trim().min(1).optional(),
  date: isoDate.optional(),
  endDate: isoDate.optional(),
  dateDerived: dateDerived.optional(),
  /** For a Place whose name the articles use for a government: the entity it stands for. */
  standsFor: entityRef.optional(),
  evidence: evidenceList,
  claims: z.array(claimSchema).default([]),
});

export const relationSchema = z.strictObject({
  /** Optional stable id; by default `${from}.${type}.${to}`. */
  id: recordId.optional(),
  from: entityRef,
  type: z.enum([...new Set([...RELATION_TYPE_NAMES, SAID])] as [string, ...string[]], {
    message: 'is not a known relation type (see server/domain/relation-types.ts)',
  }),
  to: entityRef,
  date: isoDate.optional(),
  endDate: isoDate.optional(),
  dateDerived: dateDerived.optional(),
  /** The part `from` played in `to`. */
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
  /** One short line of context, shown with the relation ("blocked at the border"). */
  note: z.string().trim().min(1).optional(),
  evidence: evidenceList,
});

/** What someone said, as a record of its own (version 2). */
export const statementSchema = z.strictObject({
  id: recordId,
  speaker: entityRef,
  /** Verbatim from an evidence article: the quotation or the reported speech. */
  words: z.string().trim().min(3, 'is empty: give the quotation or the reported speech, verbatim'),
  date: isoDate.optional(),
  dateDerived: dateDerived.optional(),
  /** Where it was said: "news conference", "X", "Telegram", "statement to Reuters". */
  channel: z.string().trim().min(1).optional(),
  about: z.array(entityRef).default([]),
  reportedBy: z.array(entityRef).default([]),
  evidence: evidenceList,
});

export const articleMetaSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().trim().min(1).optional(),
  url: z.string().url().optional(),
  source: z.string().trim().min(1).optional(),
  published: isoDate.optional(),
  publishedDerived: dateDerived.optional(),
});

export const FORMAT_VERSIONS = [1, 2] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

export const storyFileSchema = z.strictObject({
  /** Absent in version-1 files. */
  version: z.union([z.literal(1), z.literal(2)], { message: 'must be 2 (or 1, or absent, for the first format)' }).optional(),
  entities: z.array(entitySchema).default([]),
  relations: z.array(relationSchema).default([]),
  statements: z.array(statementSchema).default([]),
  articles: z.array(articleMetaSchema).default([]),
});

export type EvidenceRecord = z.infer<typeof evidenceSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type RelationRecord = z.infer<typeof relationSchema>;
export type StatementRecord = z.infer<typeof statementSchema>;
export type StoryFile = z.infer<typeof storyFileSchema>;
