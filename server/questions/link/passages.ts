/**
 * Passages that match a question's words, for the answer of last resort.
 * The engine takes them through `PassageSource`: the store's full-text
 * passage index when one is injected, else an in-process stand-in: every
 * sentence of every article and every evidence quote, each with the
 * entities it names or is evidence for, built once per generation of the
 * store and searched by rough stems.
 */
import { fold } from '../../domain/text.js';
import type { GraphStore } from '../../store/graph-store.js';
import { QUESTION_WORDS, isNumber, isStopWord, tokenise } from '../read/tokens.js';
import { cachedByGeneration, type Catalogue } from './catalogue.js';

export interface Passage {
  article: string;
  text: string;
  /** Entity ids the passage names or is evidence for. */
  entities: string[];
  /** Relation ids whose evidence lies in the passage. */
  relations: string[];
  score: number;
}

export interface PassageSource {
  passages(text: string, first: number): Promise<Passage[]>;
}

interface Indexed extends Passage {
  stems: Set<string>;
}

/** The content stems of a text: no function words, question words or numbers. */
export function contentStems(text: string): string[] {
  return [...new Set(tokenise(text).filter((t) => !isStopWord(t) && !isNumber(t) && !QUESTION_WORDS.has(t.folded)).map((t) => t.stem))];
}

/** Sentences of an article: split after ., ! or ? and at line breaks. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length >= 12);
}

async function buildPassages(store: GraphStore, catalogue: Catalogue): Promise<Indexed[]> {
  const [entities, relations, articles] = await Promise.all([catalogue.entities(), catalogue.relations(), store.articles()]);
  const byKey = new Map<string, Passage>();
  const add = (article: string, text: string, entityIds: readonly string[], relationId: string | null) => {
    const key = `${article}|${text}`;
    const p = byKey.get(key) ?? { article, text, entities: [], relations: [], score: 0 };
    for (const id of entityIds) if (!p.entities.includes(id)) p.entities.push(id);
    if (relationId && !p.relations.includes(relationId)) p.relations.push(relationId);
    byKey.set(key, p);
  };
  for (const e of entities) for (const ev of e.evidence) add(ev.article, ev.quote, [e.id], null);
  for (const r of relations) for (const ev of r.evidence) add(ev.article, ev.quote, [r.from, r.to], r.id);
  // Article sentences name the entities whose names or aliases they contain.
  const names = entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases].map((n) => fold(n)).filter((n) => n.length >= 3) }));
  for (const a of articles) {
    for (const s of sentences(a.text)) {
      const folded = ` ${fold(s)} `;
      add(a.id, s, names.filter((e) => e.names.some((n) => folded.includes(` ${n} `) || folded.includes(` ${n}`))).map((e) => e.id), null);
    }
  }
  return [...byKey.values()].map((p) => ({ ...p, stems: new Set(tokenise(p.text).map((t) => t.stem)) }));
}

/** The stand-in passage source: passages holding most of the question's words (at least two, or the only one). */
export function graphPassages(store: GraphStore, catalogue: Catalogue): PassageSource {
  const all = cachedByGeneration(store, () => buildPassages(store, catalogue));
  return {
    async passages(text, first) {
      const wanted = contentStems(text);
      if (wanted.length === 0) return [];
      const needed = Math.min(wanted.length, Math.max(2, Math.ceil(wanted.length * 0.6)));
      const scored: Passage[] = [];
      for (const { stems, ...p } of await all()) {
        const score = wanted.filter((w) => stems.has(w)).length;
        if (score >= needed && p.entities.length) scored.push({ ...p, score });
      }
      // Best match first; among equals the evidence quotes (which carry relations), then the shorter.
      return scored.sort((a, b) => b.score - a.score || b.relations.length - a.relations.length || a.text.length - b.text.length).slice(0, first);
    },
  };
}
