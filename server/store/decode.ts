/**
 * Stored properties (any engine, once its values are plain JS) back into
 * domain objects: the inverse of records.ts. Evidence stored before story
 * format 2 has no certainty and reads as STATED, so an older database keeps
 * answering.
 */
import type { Article, Claim, Entity, EntityKind, Evidence, Relation, Role, Statement } from '../domain/types.js';

/** Stored properties: a row's node or relationship, or an in-memory record. */
type Props = object;
type Fields = Record<string, unknown>;

export function nonEmpty(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') return fallback;
  return JSON.parse(value) as T;
}

/** STATED where a version-1 record left certainty out. */
function withCertainty(evidence: readonly Evidence[]): Evidence[] {
  return evidence.map((e) => (e.certainty ? e : { ...e, certainty: 'STATED' }));
}

export function evidenceOf(value: unknown): Evidence[] {
  return withCertainty(parseJson<Evidence[]>(value, []));
}

function claimsOf(value: unknown): Claim[] {
  return parseJson<Claim[]>(value, []).map((c) => ({ ...c, evidence: withCertainty(c.evidence ?? []) }));
}

export function entityFromProps(props: Props): Entity {
  const row = props as Fields;
  return {
    id: String(row.id),
    kind: row.kind as EntityKind,
    name: String(row.name),
    aliases: parseJson(row.aliases, []),
    summary: nonEmpty(row.summary),
    date: nonEmpty(row.date),
    endDate: nonEmpty(row.endDate),
    dateDerived: nonEmpty(row.dateDerived),
    standsFor: nonEmpty(row.standsFor),
    evidence: evidenceOf(row.evidence),
    claims: claimsOf(row.claims),
    degree: Number(row.degree ?? 0),
  };
}

/** Stored relation properties between entity ids `from` and `to`. */
export function relationFromProps(props: Props, from: string, to: string): Relation {
  const r = props as Fields;
  return {
    id: String(r.id),
    type: String(r.type),
    from,
    to,
    date: nonEmpty(r.date),
    endDate: nonEmpty(r.endDate),
    dateDerived: nonEmpty(r.dateDerived),
    role: nonEmpty(r.role) as Role | null,
    note: nonEmpty(r.note),
    evidence: evidenceOf(r.evidence),
  };
}

export function articleFromProps(props: Props): Article {
  const a = props as Fields;
  return {
    id: String(a.id),
    title: String(a.title),
    text: String(a.text),
    url: nonEmpty(a.url),
    source: nonEmpty(a.source),
    published: nonEmpty(a.published),
    publishedDerived: nonEmpty(a.publishedDerived),
  };
}

export function statementFromProps(props: Props): Statement {
  const s = props as Fields;
  return {
    id: String(s.id),
    speaker: String(s.speaker),
    words: String(s.words),
    date: nonEmpty(s.date),
    dateDerived: nonEmpty(s.dateDerived),
    channel: nonEmpty(s.channel),
    about: parseJson(s.about, []),
    reportedBy: parseJson(s.reportedBy, []),
    evidence: evidenceOf(s.evidence),
  };
}
