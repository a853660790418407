/**
 * "Which journalists ...", "who were the foreigners": whether an entity is
 * described by a noun, read from what the story says of it: its name,
 * aliases and summary, the notes of its own relations, and the names of the
 * groups, positions and organisations it belongs to. Words compare by rough
 * stem, so "journalists" finds "a journalist for ...".
 */
import type { Entity, Relation } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import { isStopWord, stem, tokenise } from '../read/tokens.js';

/** Relation types through which an entity takes on what the other end is called. */
const BELONGING = /^(MEMBER_OF|HOLDS|WORKS_FOR|PART_OF|LEADS|REPRESENTS)$/;

/** The stems an entity is described by, given its own relations and the entities at their ends. */
export function descriptionStems(entity: Entity, relations: readonly Relation[], names: ReadonlyMap<string, Entity>): Set<string> {
  // A group's summary says what its members include ("journalists and bloggers, party leaders ..."): that does not
  // make the group a journalist. Its name and aliases say what it is.
  const texts = [entity.name, ...entity.aliases, entity.kind === 'Group' ? '' : (entity.summary ?? '')];
  for (const r of relations) {
    if (r.from !== entity.id) continue;
    if (r.note) texts.push(r.note);
    const other = names.get(r.to);
    if (other && BELONGING.test(r.type) && other.kind !== 'Country' && other.kind !== 'Place' && other.kind !== 'Event') texts.push(other.name);
  }
  const out = new Set<string>();
  for (const t of tokenise(texts.join(' . '))) if (!isStopWord(t)) out.add(t.stem).add(t.folded);
  return out;
}

/** The stems of the asked nouns ("journalists" -> "journalist"). */
export function attributeStems(words: readonly string[]): string[] {
  return tokenise(words.join(' ')).filter((t) => !isStopWord(t)).map((t) => stem(t.folded));
}

/** The entities of `candidates` described by every asked noun, in their order. */
export async function describedAs(store: Pick<GraphStore, 'relationsOf' | 'entitiesByIds'>, candidates: readonly Entity[], words: readonly string[]): Promise<Entity[]> {
  const wanted = attributeStems(words);
  if (wanted.length === 0 || candidates.length === 0) return [...candidates];
  const byEntity = await store.relationsOf(candidates.map((e) => e.id));
  const ends = [...new Set([...byEntity.values()].flat().filter((r) => BELONGING.test(r.type)).map((r) => r.to))];
  const names = new Map<string, Entity>();
  for (const e of await store.entitiesByIds(ends)) if (e) names.set(e.id, e);
  return candidates.filter((e) => {
    const stems = descriptionStems(e, byEntity.get(e.id) ?? [], names);
    return wanted.every((w) => stems.has(w));
  });
}

/** The same filter over the catalogue's cached descriptions: for questions that look at every entity. */
export async function describedInCatalogue(catalogue: { descriptions(): Promise<Map<string, Set<string>>> }, candidates: readonly Entity[], words: readonly string[]): Promise<Entity[]> {
  const wanted = attributeStems(words);
  if (wanted.length === 0) return [...candidates];
  const descriptions = await catalogue.descriptions();
  return candidates.filter((e) => wanted.every((w) => descriptions.get(e.id)?.has(w)));
}
