/**
 * A validated Story as the flat records every engine stores: lists, evidence
 * and claims as JSON text (COPY-friendly and engine-neutral), each entity's
 * degree counted once here, and the folded search keys. Pure.
 */
import { fold } from '../domain/text.js';
import type { EntityKind, Relation, Story } from '../domain/types.js';

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string;
  summary: string | null;
  date: string | null;
  evidence: string;
  claims: string;
  /** Folded names, aliases and their words, joined by "|", for search. */
  keys: string;
  degree: number;
  endDate: string | null;
  dateDerived: string | null;
  standsFor: string | null;
}

/** A relation's own properties; its ends are `from` and `to` of RelationRecord. */
export interface RelationProperties {
  id: string;
  type: string;
  date: string | null;
  note: string | null;
  evidence: string;
  endDate: string | null;
  dateDerived: string | null;
  role: string | null;
}

export interface RelationRecord {
  from: string;
  to: string;
  properties: RelationProperties;
}

export interface ArticleRecord {
  id: string;
  title: string;
  text: string;
  url: string | null;
  source: string | null;
  published: string | null;
  publishedDerived: string | null;
}

export interface StatementRecord {
  id: string;
  speaker: string;
  words: string;
  date: string | null;
  dateDerived: string | null;
  channel: string | null;
  about: string;
  reportedBy: string;
  evidence: string;
}

export interface StoryRecords {
  entities: EntityRecord[];
  relations: RelationRecord[];
  articles: ArticleRecord[];
  statements: StatementRecord[];
  mentions: { article: string; entity: string }[];
  /** One row per statement and entity it is about (the ABOUT edges). */
  about: { statement: string; entity: string }[];
}

export function searchKeys(name: string, aliases: readonly string[]): string {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const f = fold(n);
    if (!f) continue;
    keys.add(f);
    for (const word of f.split(' ')) if (word.length >= 3) keys.add(word);
  }
  return [...keys].join('|');
}

export function storyRecords(story: Story): StoryRecords {
  return { ...recordsBesideRelations(story), relations: story.relations.map(relationRecord) };
}

/** One relation as stored. */
export function relationRecord(r: Relation): RelationRecord {
  return {
    from: r.from,
    to: r.to,
    properties: {
      id: r.id,
      type: r.type,
      date: r.date,
      note: r.note,
      evidence: JSON.stringify(r.evidence),
      endDate: r.endDate ?? null,
      dateDerived: r.dateDerived ?? null,
      role: r.role ?? null,
    },
  };
}

/** Every record but the relations', which a large story's writer makes one at a time (relationRecord). */
export function recordsBesideRelations(story: Story): Omit<StoryRecords, 'relations'> {
  const degree = new Map<string, number>();
  for (const r of story.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const statements = story.statements ?? [];
  return {
    entities: story.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: JSON.stringify(e.aliases),
      summary: e.summary,
      date: e.date,
      evidence: JSON.stringify(e.evidence),
      claims: JSON.stringify(e.claims),
      keys: searchKeys(e.name, e.aliases),
      degree: degree.get(e.id) ?? 0,
      endDate: e.endDate ?? null,
      dateDerived: e.dateDerived ?? null,
      standsFor: e.standsFor ?? null,
    })),
    articles: story.articles.map((a) => ({
      id: a.id,
      title: a.title,
      text: a.text,
      url: a.url ?? null,
      source: a.source ?? null,
      published: a.published ?? null,
      publishedDerived: a.publishedDerived ?? null,
    })),
    statements: statements.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      words: s.words,
      date: s.date,
      dateDerived: s.dateDerived ?? null,
      channel: s.channel,
      about: JSON.stringify(s.about),
      reportedBy: JSON.stringify(s.reportedBy),
      evidence: JSON.stringify(s.evidence),
    })),
    mentions: story.mentions,
    about: statements.flatMap((s) => [...new Set(s.about)].map((entity) => ({ statement: s.id, entity }))),
  };
}
