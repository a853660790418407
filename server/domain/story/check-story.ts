/**
 * The checks that need every file of a story at once: unique ids, known ends,
 * known articles, quotes found verbatim in their article. Each problem names
 * file, record and what is wrong; a Story comes back only when there is none.
 */
import { InvalidStory } from '../errors.js';
import { normaliseQuote } from '../text.js';
import type { Article, Evidence, Story } from '../types.js';
import type { StoryFile } from './format.js';
import { findMentions } from './mentions.js';

/** The checks that need every file at once. Exported for tests of in-memory stories. */
export function checkStory(parsed: { file: string; doc: StoryFile }[], sourceArticles: Article[], problems: string[] = []): Story {
  const texts = new Map(sourceArticles.map((a) => [a.id, normaliseQuote(a.text)]));
  const checkEvidence = (where: string, evidence: Evidence[]) => {
    for (const ev of evidence) {
      const text = texts.get(ev.article);
      if (text === undefined) problems.push(`${where}: cites unknown article "${ev.article}" (articles are the *.txt file names: ${[...texts.keys()].join(', ')})`);
      else if (!text.includes(normaliseQuote(ev.quote))) problems.push(`${where}: quote not found in article ${ev.article}: "${ev.quote.slice(0, 80)}" (quotes must be verbatim; only whitespace and typographic quotes may differ)`);
    }
  };

  const entityFile = new Map<string, string>();
  const entities: Story['entities'] = [];
  for (const { file, doc } of parsed) {
    for (const e of doc.entities) {
      const where = `${file} entity "${e.id}"`;
      const earlier = entityFile.get(e.id);
      if (earlier) problems.push(`${where}: duplicate id, already defined in ${earlier}`);
      entityFile.set(e.id, file);
      checkEvidence(where, e.evidence);
      e.claims.forEach((c, i) => checkEvidence(`${where} claim ${i + 1} ("${c.measure}")`, c.evidence));
      entities.push({ ...e, summary: e.summary ?? null, date: e.date ?? null, claims: e.claims.map((c) => ({ ...c, qualifier: c.qualifier ?? null })) });
    }
  }

  const relationFile = new Map<string, string>();
  const relations: Story['relations'] = [];
  for (const { file, doc } of parsed) {
    for (const r of doc.relations) {
      const id = r.id ?? `${r.from}.${r.type.toLowerCase()}.${r.to}`;
      const where = `${file} relation ${r.from} -${r.type}-> ${r.to}`;
      if (!entityFile.has(r.from)) problems.push(`${where}: unknown entity "${r.from}" in "from" (define it in an entities array)`);
      if (!entityFile.has(r.to)) problems.push(`${where}: unknown entity "${r.to}" in "to" (define it in an entities array)`);
      const earlier = relationFile.get(id);
      if (earlier) problems.push(`${where}: duplicate relation id "${id}", already in ${earlier} (merge the evidence into one relation, or give each an explicit "id")`);
      relationFile.set(id, file);
      checkEvidence(where, r.evidence);
      relations.push({ id, type: r.type, from: r.from, to: r.to, date: r.date ?? null, note: r.note ?? null, evidence: r.evidence });
    }
  }

  const meta = new Map(parsed.flatMap(({ doc }) => doc.articles.map((a) => [a.id, a] as const)));
  for (const { file, doc } of parsed) for (const a of doc.articles) if (!texts.has(a.id)) problems.push(`${file} article "${a.id}": no such article file (${a.id}.txt)`);
  if (problems.length > 0) throw new InvalidStory(problems);

  const articles = sourceArticles.map((a) => {
    const m = meta.get(a.id);
    return { ...a, title: m?.title ?? a.title, url: m?.url ?? null, source: m?.source ?? null };
  });
  return { entities, relations, articles, mentions: findMentions(articles, entities) };
}
