/**
 * The changes a curator can make, as zod schemas: the one definition the CLI,
 * the GraphQL mutations and the review queue share. Field formats (ids,
 * dates, kinds, certainties) are the story format's own schemas; a wrong
 * field is refused with a message naming it before anything is read.
 */
import { z } from 'zod';
import { BadInput } from '../domain/errors.js';
import { claimSchema, entitySchema, evidenceSchema, relationSchema, statementSchema } from '../domain/story/format.js';

const id = z.string().trim().min(1, 'is empty: give an id');
const evidence = evidenceSchema;
const evidenceList = z.array(evidence).min(1, 'needs at least one evidence quote');

export const addArticleInput = z.strictObject({
  text: z.string().refine((t) => t.trim().length >= 20, 'is empty or too short to be an article (20 characters at least)'),
  title: z.string().trim().min(1, 'is empty: give the headline'),
  source: z.string().trim().min(1, 'is empty: give the outlet (AP, Reuters, ...)'),
  published: entitySchema.shape.date.unwrap(),
  url: z.string().url('must be a full URL (https://...)').optional(),
});

export const entityFields = z.strictObject({
  id: entitySchema.shape.id.optional(),
  kind: entitySchema.shape.kind,
  name: entitySchema.shape.name,
  aliases: z.array(z.string().trim().min(1)).optional(),
  summary: entitySchema.shape.summary,
  date: entitySchema.shape.date,
  endDate: entitySchema.shape.endDate,
  dateDerived: entitySchema.shape.dateDerived,
  standsFor: entitySchema.shape.standsFor,
  evidence: evidenceList,
});

export const entityPatch = z.strictObject({
  id,
  kind: entitySchema.shape.kind.optional(),
  name: entitySchema.shape.name.optional(),
  summary: z.string().trim().nullable().optional(),
  date: entitySchema.shape.date.nullable(),
  endDate: entitySchema.shape.endDate.nullable(),
  dateDerived: entitySchema.shape.dateDerived.nullable(),
  standsFor: entitySchema.shape.standsFor.nullable(),
});

export const relationFields = z.strictObject({
  id: relationSchema.shape.id,
  from: id,
  type: relationSchema.shape.type.refine((t) => t !== 'SAID', 'SAID is not a relation in version 2: create a statement (speaker, words, about)'),
  to: id,
  date: relationSchema.shape.date,
  endDate: relationSchema.shape.endDate,
  dateDerived: relationSchema.shape.dateDerived,
  role: relationSchema.shape.role,
  note: relationSchema.shape.note,
  evidence: evidenceList,
});

export const statementFields = statementSchema.extend({ id: statementSchema.shape.id.optional(), about: z.array(id).optional(), reportedBy: z.array(id).optional() });

/** A field an edit may clear: null (or an empty string from a form) removes it from the record. */
const clearable = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable()).optional();

/** An edit of a relation: its key stays (from, type and to are its identity: delete it and create another to change them). */
export const relationPatch = z.strictObject({
  id,
  date: clearable(relationSchema.shape.date.unwrap()),
  endDate: clearable(relationSchema.shape.endDate.unwrap()),
  dateDerived: clearable(relationSchema.shape.dateDerived.unwrap()),
  role: clearable(relationSchema.shape.role.unwrap()),
  note: clearable(relationSchema.shape.note.unwrap()),
  evidence: evidenceList.optional(),
});

/** An edit of a claim, found by its id or, for a claim without one, by "#N" (its place among the entity's claims, from 1). */
export const claimPatch = z.strictObject({
  measure: claimSchema.shape.measure.optional(),
  value: claimSchema.shape.value.optional(),
  valueMax: clearable(claimSchema.shape.valueMax.unwrap()),
  qualifier: clearable(claimSchema.shape.qualifier.unwrap()),
  evidence: evidenceList.optional(),
});

export const statementPatch = z.strictObject({
  id,
  words: statementSchema.shape.words.optional(),
  date: clearable(statementSchema.shape.date.unwrap()),
  dateDerived: clearable(statementSchema.shape.dateDerived.unwrap()),
  channel: clearable(statementSchema.shape.channel.unwrap()),
  about: z.array(id).optional(),
  reportedBy: z.array(id).optional(),
  evidence: evidenceList.optional(),
});

export const changeInput = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('addArticle'), article: addArticleInput }),
  z.strictObject({ op: z.literal('updateArticleText'), article: id, text: addArticleInput.shape.text }),
  z.strictObject({ op: z.literal('createEntity'), entity: entityFields }),
  z.strictObject({ op: z.literal('updateEntity'), entity: entityPatch }),
  z.strictObject({ op: z.literal('deleteEntity'), id }),
  z.strictObject({ op: z.literal('addAlias'), entity: id, alias: z.string().trim().min(1, 'is empty: give the spelling the article uses') }),
  z.strictObject({ op: z.literal('removeAlias'), entity: id, alias: z.string().trim().min(1) }),
  z.strictObject({ op: z.literal('addEvidence'), entity: id, evidence }),
  z.strictObject({ op: z.literal('createRelation'), relation: relationFields }),
  z.strictObject({ op: z.literal('updateRelation'), relation: relationPatch }),
  z.strictObject({ op: z.literal('deleteRelation'), id }),
  z.strictObject({ op: z.literal('createClaim'), entity: id, claim: claimSchema }),
  z.strictObject({ op: z.literal('updateClaim'), entity: id, claim: id, patch: claimPatch }),
  z.strictObject({ op: z.literal('deleteClaim'), entity: id, claim: id }),
  z.strictObject({ op: z.literal('createStatement'), statement: statementFields }),
  z.strictObject({ op: z.literal('updateStatement'), statement: statementPatch }),
  z.strictObject({ op: z.literal('deleteStatement'), id }),
  z.strictObject({ op: z.literal('mergeEntities'), from: id, into: id }),
]);

export type ChangeInput = z.input<typeof changeInput>;
export type Change = z.output<typeof changeInput>;

/** Parses a change; a wrong field is a BadInput naming it ("relation.evidence.0.quote: is too short ..."). */
export function parseChange(input: unknown): Change {
  const result = changeInput.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join('.') || 'change'}: ${/received undefined$/.test(i.message) ? 'is required' : i.message}`);
  throw new BadInput(`The change was refused: ${lines.join('; ')}.`);
}
