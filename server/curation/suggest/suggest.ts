/**
 * What the suggester finds in one article of a validated story, as review
 * queue entries, each with the change accepting it would make: known
 * entities the article names but its evidence does not cite yet (accepting
 * adds the sentence as evidence), candidate new names (accepting creates the
 * entity), and relations between known entities.
 */
import { NotFound } from '../../domain/errors.js';
import type { Story } from '../../domain/types.js';
import type { Suggestion } from '../queue.js';
import { newSlug } from '../records.js';
import { candidateNames } from './names.js';
import { foldSentence, mentionsIn } from './mentions.js';
import { relationsIn } from './relations.js';
import { sentencesOf } from './sentences.js';

export type Found = Omit<Suggestion, 'id' | 'status'>;

/** A quote must be 12 characters at least (docs/story-format.md). */
const QUOTABLE = 12;

export function suggestionsFor(story: Story, articleId: string): Found[] {
  const article = story.articles.find((a) => a.id === articleId);
  if (!article) throw new NotFound(`suggest: article: no article "${articleId}" (ids: ${story.articles.map((a) => a.id).join(', ')}).`);
  const names = new Map(story.entities.map((e) => [e.id, e.name]));
  const relationIds = new Set(story.relations.map((r) => r.id));
  const cited = new Set(story.entities.filter((e) => e.evidence.some((ev) => ev.article === articleId)).map((e) => e.id));
  const found: Found[] = [];
  const sentences = sentencesOf(article.text).filter((s) => s.text.length >= QUOTABLE);

  for (const sentence of sentences) {
    const folded = foldSentence(sentence.text);
    const mentions = mentionsIn(folded, story.entities);
    for (const id of new Set(mentions.map((m) => m.entity))) {
      if (cited.has(id)) continue;
      cited.add(id);
      found.push({ article: articleId, kind: 'mention', label: `${names.get(id)} is named here`, sentence: sentence.text, change: { op: 'addEvidence', entity: id, evidence: { article: articleId, quote: sentence.text } } });
    }
    for (const r of relationsIn(folded, mentions)) {
      const key = `${r.from}.${r.type.toLowerCase()}.${r.to}`;
      if (relationIds.has(key)) continue;
      const { certainty, accordingTo, cue } = r.certainty;
      found.push({
        article: articleId,
        kind: 'relation',
        label: `${names.get(r.from)} ${r.type} ${names.get(r.to)} ("${r.verb}"; ${certainty}${accordingTo ? ` according to ${names.get(accordingTo)}` : ''}${cue ? `, from "${cue}"` : ''})`,
        sentence: sentence.text,
        change: { op: 'createRelation', relation: { from: r.from, type: r.type, to: r.to, evidence: [{ article: articleId, quote: sentence.text, certainty, ...(accordingTo ? { accordingTo } : {}) }] } },
      });
    }
  }

  const taken = new Set(story.entities.map((e) => e.id));
  for (const candidate of candidateNames(article.text, story.entities)) {
    const sentence = sentences.find((s) => s.text.includes(candidate.name));
    if (!sentence) continue;
    const id = newSlug(candidate.name, taken, 'entity');
    taken.add(id);
    found.push({
      article: articleId,
      kind: 'entity',
      label: `new ${candidate.kind}: ${candidate.name}`,
      sentence: sentence.text,
      change: { op: 'createEntity', entity: { id, kind: candidate.kind, name: candidate.name, evidence: [{ article: articleId, quote: sentence.text }] } },
    });
  }
  return found;
}
