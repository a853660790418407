/**
 * From a story to passages: every sentence of every article; every evidence
 * quote and statement's words that run over a sentence break, whole; every
 * entity summary. Each passage carries what it ties to (passage-links.ts).
 * Quotes that lie inside one sentence are searched through that sentence, so
 * one search does not return the same words twice.
 */
import type { Passage, PassageKind } from '../../domain/passage.js';
import { LocatableText } from './locate.js';
import { NameMatcher, type NamedEntity } from './name-matcher.js';
import { PassageLinks } from './passage-links.js';
import { splitSentences, type Span } from './sentences.js';
import { foldedWords } from './terms.js';

export interface Quoted {
  article: string;
  quote: string;
}

/** A relation as the index reads it: its ends and the quotes that state it. */
export interface PassageRelation {
  id: string;
  from: string;
  to: string;
  evidence: readonly Quoted[];
}

/** What the index reads from a story: the Story type fits, and so does what a store reads back. */
export interface PassageStory {
  articles: readonly { id: string; text: string }[];
  entities: readonly (NamedEntity & { summary: string | null; evidence: readonly Quoted[] })[];
  /** Read three times in order (an array, or RelationColumns for a large scan). */
  relations: Iterable<PassageRelation>;
  statements?: readonly { id: string; speaker: string; words: string; evidence: readonly Quoted[] }[];
}

/** A passage before search: no score, no matched words yet. */
export type StoredPassage = Omit<Passage, 'score' | 'matched' | 'corrected'>;

interface Draft {
  kind: PassageKind;
  article: string;
  text: string;
  start: number;
  end: number;
  summaryOf: string | null;
  links: PassageLinks;
}

interface ArticlePassages {
  located: LocatableText;
  /** Sentences in order: binary search finds those a span overlaps. */
  sentences: Draft[];
  /** Quotes over a sentence break, keyed by "start-end". */
  quotes: Map<string, Draft>;
}

/** A passage and its folded words (folded once: names are found in them and the index reads them). */
export interface BuiltPassage {
  passage: StoredPassage;
  words: string[];
}

/**
 * `releasing`: the caller hands the story over (a store's scan of its graph), and each of its lists is
 * emptied once read for the last time, so a million scanned relations are garbage before the
 * passages' words are made, instead of held beside them until the build ends.
 */
export function buildPassages(story: PassageStory, { releasing = false } = {}): BuiltPassage[] {
  const byArticle = new Map<string, ArticlePassages>();
  for (const a of story.articles) {
    const sentences = splitSentences(a.text).map((s) => draft('sentence', a.id, a.text, s));
    byArticle.set(a.id, { located: new LocatableText(a.text), sentences, quotes: new Map() });
  }
  const degree = new Map<string, number>();
  for (const r of story.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }

  const locate = ({ article, quote }: Quoted) => {
    const at = byArticle.get(article);
    const span = at?.located.locate(quote);
    return at && span ? { at, span } : null;
  };
  const statementQuotes = (s: NonNullable<PassageStory['statements']>[number]) => [...s.evidence, ...s.evidence.map((ev) => ({ article: ev.article, quote: s.words }))];

  // Every distinct quote once (many relations of a large graph cite the same words): one over a
  // sentence break becomes a passage of its own before anything links, so it gets every link.
  const distinct = new Map<string, Set<string>>();
  const note = (q: Quoted) => {
    let quotes = distinct.get(q.article);
    if (!quotes) distinct.set(q.article, (quotes = new Set()));
    quotes.add(q.quote);
  };
  for (const e of story.entities) e.evidence.forEach(note);
  for (const s of story.statements ?? []) statementQuotes(s).forEach(note);
  for (const r of story.relations) r.evidence.forEach(note);
  for (const [article, quotes] of distinct) {
    for (const quote of quotes) {
      const found = locate({ article, quote });
      if (!found || overlapping(found.at.sentences, found.span).length < 2) continue;
      const key = `${found.span.start}-${found.span.end}`;
      if (!found.at.quotes.has(key)) found.at.quotes.set(key, draft('quote', article, found.at.located.text, found.span));
    }
  }

  const hits = new Map<string, Map<string, Draft[]>>();
  const passagesOf = (q: Quoted): Draft[] => {
    let inArticle = hits.get(q.article);
    if (!inArticle) hits.set(q.article, (inArticle = new Map()));
    let hit = inArticle.get(q.quote);
    if (hit) return hit;
    const found = locate(q);
    hit = found ? overlapping(found.at.sentences, found.span) : [];
    if (found) for (const d of found.at.quotes.values()) if (d.start < found.span.end && found.span.start < d.end) hit.push(d);
    inArticle.set(q.quote, hit);
    return hit;
  };
  /** The passages any of a record's quotes overlap, each once (two quotes of one relation in one sentence count once). */
  const passagesOfAll = (quotes: readonly Quoted[]): Iterable<Draft> => (quotes.length === 1 ? passagesOf(quotes[0]!) : new Set(quotes.flatMap(passagesOf)));
  for (const e of story.entities) for (const ev of e.evidence) for (const p of passagesOf(ev)) p.links.entity(e.id, 2);
  for (const s of story.statements ?? []) for (const p of passagesOfAll(statementQuotes(s))) p.links.statement(s.id, s.speaker);
  for (const r of story.relations) for (const p of passagesOfAll(r.evidence)) p.links.relation(r.id, r.from, r.to);
  if (releasing) {
    story.relations = [];
    story.statements = [];
  }

  const summaries: Draft[] = [];
  for (const e of story.entities) {
    if (!e.summary?.trim()) continue;
    // The summary points at the first evidence the article text holds: the words it rests on.
    const grounded = e.evidence.map((ev) => ({ ev, span: byArticle.get(ev.article)?.located.locate(ev.quote) })).find((g) => g.span);
    if (!grounded) continue;
    const d: Draft = { kind: 'summary', article: grounded.ev.article, text: e.summary, ...grounded.span!, summaryOf: e.id, links: new PassageLinks() };
    d.links.entity(e.id, 4);
    summaries.push(d);
  }

  const names = new NameMatcher(story.entities);
  if (releasing) {
    story.entities = [];
    story.articles = [];
  }
  const out: BuiltPassage[] = [];
  // In an order of their own (article, offsets; summaries by entity), not the records': equal scores then rank alike after a load and after a restart.
  const articleDrafts = [...byArticle.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, a]) => [...a.sentences, ...a.quotes.values()].sort((x, y) => x.start - y.start || x.end - y.end));
  summaries.sort((a, b) => (a.summaryOf! < b.summaryOf! ? -1 : 1));
  const drafts = [...articleDrafts, ...summaries];
  for (const d of drafts) {
    const words = foldedWords(d.text);
    for (const id of names.named(words)) d.links.entity(id, 1);
    const passage: StoredPassage = {
      id: d.kind === 'summary' ? `summary:${d.summaryOf}` : `${d.article}:${d.start}-${d.end}`,
      kind: d.kind,
      article: d.article,
      text: d.text,
      start: d.start,
      end: d.end,
      entities: d.links.entities(degree),
      relations: d.links.relations(),
      statements: d.links.statements(),
      summaryOf: d.summaryOf,
    };
    out.push({ passage, words });
  }
  return out;
}

function draft(kind: PassageKind, article: string, text: string, span: Span): Draft {
  return { kind, article, text: text.slice(span.start, span.end), start: span.start, end: span.end, summaryOf: null, links: new PassageLinks() };
}

/** The sentences a span overlaps, found by binary search over sentences in order. */
function overlapping(sentences: readonly Draft[], span: Span): Draft[] {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Draft[] = [];
  for (let i = lo; i < sentences.length && sentences[i]!.start < span.end; i++) out.push(sentences[i]!);
  return out;
}
