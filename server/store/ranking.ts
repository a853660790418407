/**
 * Search ranking shared by both adapters: the engines only find candidates
 * (substring, full-text, typo), and this one function orders them, so a query
 * gives the same answer whichever engine runs.
 */
import { bestNameScore } from '../domain/text.js';
import type { Entity } from '../domain/types.js';

/** Ranks candidates by how well their name or an alias matches, then by degree. */
export function rankByName(text: string, candidates: Entity[], first: number): Entity[] {
  const seen = new Set<string>();
  return candidates
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .map((e) => ({ e, score: bestNameScore(text, e.name, e.aliases) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.e.degree - a.e.degree || a.e.name.localeCompare(b.e.name))
    .slice(0, first)
    .map((x) => x.e);
}
