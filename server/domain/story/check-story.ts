/**
 * The checks that need every file of a story at once: ids unique across
 * entities, relations, statements, claims and articles; every entity a record
 * names exists; quotes and statement words found verbatim in their article;
 * the kinds at the ends of MEMBER_OF and HOLDS; spans that end after they
 * start. Each problem names file, record and what is wrong; a Story comes
 * back only when there is none, so a bad story changes nothing stored.
 */
import { InvalidStory } from '../errors.js';
import { normaliseQuote } from '../text.js';
import type { Article, EntityKind, Evidence, Relation, Statement, Story } from '../types.js';
import { SAID, type FormatVersion, type StoryFile } from './format.js';
import { findMentions } from './mentions.js';
import { endKindProblem, spanProblem, wordsFound } from './rules.js';
import { speakerEdgeId, speakerEdges, statementFromSaid } from './statements.js';

export interface ParsedFile {
  file: string;
  doc: StoryFile;
  /** As read by versionOf; by default the file's own "version" field, else 1. */
  version?: FormatVersion;
}

interface IdOwner {
  file: string;
  what: string;
}

/** The checks that need every file at once. Exported for tests of in-memory stories. */
export function checkStory(parsed: ParsedFile[], sourceArticles: Article[], problems: string[] = []): Story {
  const texts = new Map(sourceArticles.map((a) => [a.id, normaliseQuote(a.text)]));
  const kinds = new Map<string, EntityKind>();
  for (const { doc } of parsed) for (const e of doc.entities) if (!kinds.has(e.id)) kinds.set(e.id, e.kind);

  const ids = new Map<string, IdOwner>(sourceArticles.map((a) => [a.id, { file: `${a.id}.txt`, what: 'article' }]));
  /** Claims an id for a record; a second record with it is a problem, worded for the common cases. */
  const claimId = (id: string, owner: IdOwner, where: string) => {
    const earlier = ids.get(id);
    if (!earlier) return void ids.set(id, owner);
    if (earlier.what === owner.what && owner.what === 'entity') problems.push(`${where}: duplicate id, already defined in ${earlier.file}`);
    else if (earlier.what === owner.what && owner.what === 'relation') problems.push(`${where}: duplicate relation id "${id}", already in ${earlier.file} (merge the evidence into one relation, or give each an explicit "id")`);
    else problems.push(`${where}: duplicate id "${id}", already the id of ${earlier.what === 'article' ? `the article ${earlier.file}` : `${earlier.what} in ${earlier.file}`} (ids are unique across entities, relations, statements, claims and articles)`);
  };
  const checkRef = (where: string, field: string, id: string | null | undefined) => {
    if (id != null && !kinds.has(id)) problems.push(`${where}: unknown entity "${id}" in "${field}" (define it in an entities array)`);
  };
  const checkEvidence = (where: string, evidence: Evidence[]) => {
    evidence.forEach((ev, i) => {
      const text = texts.get(ev.article);
      if (text === undefined) problems.push(`${where}: cites unknown article "${ev.article}" (articles are the *.txt file names: ${[...texts.keys()].join(', ')})`);
      else if (!text.includes(normaliseQuote(ev.quote))) problems.push(`${where}: quote not found in article ${ev.article}: "${ev.quote.slice(0, 80)}" (quotes must be verbatim; only whitespace and typographic quotes may differ)`);
      checkRef(evidence.length > 1 ? `${where} evidence ${i + 1}` : where, 'accordingTo', ev.accordingTo);
    });
  };
  const checkSpan = (where: string, r: { date?: string; endDate?: string; dateDerived?: string }) => {
    const problem = spanProblem(r.date, r.endDate, r.dateDerived);
    if (problem) problems.push(`${where}: ${problem}`);
  };

  const entities: Story['entities'] = [];
  for (const { file, doc } of parsed) {
    for (const e of doc.entities) {
      const where = `${file} entity "${e.id}"`;
      claimId(e.id, { file, what: 'entity' }, where);
      checkEvidence(where, e.evidence);
      checkSpan(where, e);
      checkRef(where, 'standsFor', e.standsFor);
      if (e.standsFor && e.kind !== 'Place') problems.push(`${where}: standsFor is for a Place whose name the articles use for a government; this is a ${e.kind}`);
      e.claims.forEach((c, i) => {
        const label = `${where} claim ${i + 1} ("${c.measure}")`;
        if (c.id) claimId(c.id, { file, what: 'claim' }, label);
        checkEvidence(label, c.evidence);
      });
      entities.push({
        ...e,
        summary: e.summary ?? null,
        date: e.date ?? null,
        claims: e.claims.map((c) => ({ ...c, qualifier: c.qualifier ?? null })),
      });
    }
  }

  const relations: Relation[] = [];
  const statements: Statement[] = [];
  /** Notes of version-1 SAID relations, by the id of the statement they became. */
  const saidNotes = new Map<string, string>();
  const versions: Record<string, FormatVersion> = {};
  for (const { file, doc, version = doc.version ?? 1 } of parsed) {
    versions[file] = version;
    for (const r of doc.relations) {
      const id = r.id ?? `${r.from}.${r.type.toLowerCase()}.${r.to}`;
      const where = `${file} relation ${r.from} -${r.type}-> ${r.to}`;
      checkRef(where, 'from', r.from);
      checkRef(where, 'to', r.to);
      checkEvidence(where, r.evidence);
      checkSpan(where, r);
      const ends = endKindProblem(r.type, kinds.get(r.from), kinds.get(r.to));
      if (ends) problems.push(`${where}: ${ends}`);
      if (r.type === SAID) {
        if (version === 2) problems.push(`${where}: version 2 records what was said as a statement (speaker, words, about, evidence), not a SAID relation: the SAID edges are drawn from the statements (docs/story-format.md, Statements)`);
        const statement = statementFromSaid(r);
        claimId(statement.id, { file, what: 'statement' }, where);
        if (r.note) saidNotes.set(statement.id, r.note);
        statements.push(statement);
        continue;
      }
      claimId(id, { file, what: 'relation' }, where);
      relations.push({ id, type: r.type, from: r.from, to: r.to, date: r.date ?? null, ...present({ endDate: r.endDate, dateDerived: r.dateDerived, role: r.role }), note: r.note ?? null, evidence: r.evidence });
    }
    for (const s of doc.statements) {
      const where = `${file} statement "${s.id}"`;
      claimId(s.id, { file, what: 'statement' }, where);
      checkRef(where, 'speaker', s.speaker);
      for (const id of s.about) checkRef(where, 'about', id);
      for (const id of s.reportedBy) checkRef(where, 'reportedBy', id);
      checkEvidence(where, s.evidence);
      checkSpan(where, s);
      const cited = s.evidence.map((ev) => texts.get(ev.article)).filter((t): t is string => t !== undefined);
      if (cited.length > 0 && !cited.some((t) => wordsFound(s.words, t))) {
        problems.push(`${where}: words not found in its evidence article${cited.length > 1 ? 's' : ''} (${[...new Set(s.evidence.map((ev) => ev.article))].join(', ')}): "${s.words.slice(0, 80)}" (words must be verbatim, the quotation or the reported speech; only whitespace and typographic quotes may differ)`);
      }
      statements.push({
        id: s.id,
        speaker: s.speaker,
        words: s.words,
        date: s.date ?? null,
        ...present({ dateDerived: s.dateDerived }),
        channel: s.channel ?? null,
        about: s.about,
        reportedBy: s.reportedBy,
        evidence: s.evidence,
      });
    }
  }
  for (const edge of speakerEdges(statements, saidNotes)) {
    const earlier = ids.get(edge.id);
    if (earlier) problems.push(`${earlier.file} ${earlier.what} "${edge.id}": this id is the one of the SAID edge drawn from ${edge.from}'s statements about ${edge.to} (${speakerEdgeId('speaker', 'subject')}): give the record another id`);
    relations.push(edge);
  }

  const meta = new Map(parsed.flatMap(({ doc }) => doc.articles.map((a) => [a.id, a] as const)));
  for (const { file, doc } of parsed) for (const a of doc.articles) if (!texts.has(a.id)) problems.push(`${file} article "${a.id}": no such article file (${a.id}.txt)`);
  if (problems.length > 0) throw new InvalidStory(problems);

  const articles = sourceArticles.map((a) => {
    const m = meta.get(a.id);
    return { ...a, title: m?.title ?? a.title, url: m?.url ?? null, source: m?.source ?? null, ...present({ published: m?.published, publishedDerived: m?.publishedDerived }) };
  });
  const version = Object.values(versions).includes(2) ? 2 : 1;
  return { version, fileVersions: versions, entities, relations, statements, articles, mentions: findMentions(articles, entities) };
}

/** The fields that have a value: version-2 fields stay absent from records that do not use them. */
function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
