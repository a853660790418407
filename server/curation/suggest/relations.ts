/**
 * Suggested relations: a sentence that names two known entities with a verb
 * of the relation vocabulary between them (server/domain/relation-types.ts,
 * the words the question engine reads) suggests "first -TYPE-> second", the
 * sentence as its quote, its certainty guessed from hedge words.
 */
import { RELATION_TYPES, RELATION_TYPE_NAMES } from '../../domain/relation-types.js';
import { fold } from '../../domain/text.js';
import { guessCertainty, type CertaintyGuess } from './certainty.js';
import type { Mention } from './mentions.js';

export interface RelationGuess {
  from: string;
  type: string;
  to: string;
  verb: string;
  certainty: CertaintyGuess;
}

/** Words of the vocabulary too common to suggest a relation on their own. */
const TOO_COMMON = new Set(['in', 'from', 'after', 'before', 'within', 'earlier', 'source', 'capital', 'national', 'free', 'held', 'care', 'aid', 'head', 'team', 'works', 'sent', 'passed', 'taken', 'stayed', 'ran', 'stood']);

/** Each vocabulary verb (folded) with the first relation type that lists it; SAID is a statement in version 2, not a relation. */
const VERBS: { verb: string; type: string }[] = (() => {
  const seen = new Map<string, string>();
  for (const type of RELATION_TYPE_NAMES) {
    if (type === 'SAID') continue;
    for (const verb of RELATION_TYPES[type].verbs as readonly string[]) {
      const f = fold(verb);
      if (!TOO_COMMON.has(f) && !seen.has(f)) seen.set(f, type);
    }
  }
  return [...seen].map(([verb, type]) => ({ verb, type })).sort((a, b) => b.verb.length - a.verb.length);
})();

export function relationsIn(folded: string, mentions: readonly Mention[]): RelationGuess[] {
  const distinct = new Set(mentions.map((m) => m.entity));
  if (distinct.size < 2) return [];
  const certainty = guessCertainty(folded, mentions);
  const padded = ` ${folded} `;
  const taken: [number, number][] = [];
  const out: RelationGuess[] = [];
  for (const { verb, type } of VERBS) {
    for (let at = padded.indexOf(` ${verb} `); at >= 0; at = padded.indexOf(` ${verb} `, at + 1)) {
      const start = at;
      const end = at + verb.length;
      if (taken.some(([s, e]) => start < e && s < end)) continue; // a longer verb already took these words
      if (mentions.some((m) => start < m.end && m.start < end)) continue; // the verb is part of a name
      taken.push([start, end]);
      const subject = [...mentions].reverse().find((m) => m.end <= start);
      const object = mentions.find((m) => m.start >= end && m.entity !== subject?.entity && m.entity !== certainty.accordingTo);
      if (!subject || !object || subject.entity === object.entity) continue;
      // "X, led by Y" is Y LEADS X; "Y brokered X" is X BROKERED_BY Y: the *_BY types read passive.
      const passive = padded.startsWith(' by ', end + 1);
      const [from, to] = passive === type.endsWith('_BY') ? [subject.entity, object.entity] : [object.entity, subject.entity];
      if (out.some((r) => r.from === from && r.type === type && r.to === to)) continue;
      out.push({ from, type, to, verb, certainty });
    }
  }
  return out;
}
