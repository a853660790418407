/**
 * Passages that match a question's words, for the answer of last resort.
 * The engine takes them through `PassageSource`: the store's full-text
 * passage index when one is injected, else the quotes the graph itself holds
 * (every evidence quote of every entity and relation), searched by rough
 * stems and read once per generation of the store.
 */
import type { Entity, Relation } from '../../domain/types.js';
import { QUESTION_WORDS, isNumber, isStopWord, tokenise } from '../read/tokens.js';
import type { Catalogue } from './catalogue.js';

export interface Passage {
  article: string;
  text: string;
  /** Entity ids the passage mentions or is evidence for. */
  entities: string[];
  /** Relation ids whose evidence lies in the passage. */
  relations: string[];
  score: number;
}

export interface PassageSource {
  passages(text: string, first: number): Promise<Passage[]>;
}

/** The content stems of a text: no function words, question words or numbers. */
export function contentStems(text: string): string[] {
  return [...new Set(tokenise(text).filter((t) => !isStopWord(t) && !isNumber(t) && !QUESTION_WORDS.has(t.folded)).map((t) => t.stem))];
}

/** Passages from the graph's own evidence quotes: those holding most of the question's words (at least two, or the only one). */
export function quotePassages(catalogue: Catalogue): PassageSource {
  return {
    async passages(text, first) {
      const wanted = contentStems(text);
      if (wanted.length === 0) return [];
      const [entities, relations] = await Promise.all([catalogue.entities(), catalogue.relations()]);
      const byQuote = new Map<string, Passage>();
      const add = (article: string, quote: string, entity: Entity | null, relation: Relation | null) => {
        const key = `${article}|${quote}`;
        const p = byQuote.get(key) ?? { article, text: quote, entities: [], relations: [], score: 0 };
        if (entity && !p.entities.includes(entity.id)) p.entities.push(entity.id);
        if (relation) {
          if (!p.relations.includes(relation.id)) p.relations.push(relation.id);
          for (const id of [relation.from, relation.to]) if (!p.entities.includes(id)) p.entities.push(id);
        }
        byQuote.set(key, p);
      };
      for (const e of entities) for (const ev of e.evidence) add(ev.article, ev.quote, e, null);
      for (const r of relations) for (const ev of r.evidence) add(ev.article, ev.quote, null, r);
      const needed = Math.min(wanted.length, Math.max(2, Math.ceil(wanted.length * 0.6)));
      const scored: Passage[] = [];
      for (const p of byQuote.values()) {
        const stems = new Set(tokenise(p.text).map((t) => t.stem));
        const score = wanted.filter((w) => stems.has(w)).length;
        if (score >= needed) scored.push({ ...p, score });
      }
      return scored.sort((a, b) => b.score - a.score || a.text.length - b.text.length).slice(0, first);
    },
  };
}
