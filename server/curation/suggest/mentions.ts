/**
 * Where known entities are named in a sentence: every name and alias, folded
 * as search and the seed's mentions fold them (server/domain/text.ts), found
 * as whole words; a name inside a longer one found at the same place ("the
 * Guild" inside "the Ferryworkers' Guild") gives way to the longer.
 */
import { fold } from '../../domain/text.js';

export interface Named {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface Mention {
  entity: string;
  /** Offsets in the folded sentence. */
  start: number;
  end: number;
}

export function mentionsIn(folded: string, entities: readonly Named[]): Mention[] {
  const padded = ` ${folded} `;
  const found: Mention[] = [];
  for (const e of entities) {
    for (const name of new Set([e.name, ...e.aliases].map(fold))) {
      if (name.length < 3) continue;
      for (let at = padded.indexOf(` ${name} `); at >= 0; at = padded.indexOf(` ${name} `, at + 1)) {
        found.push({ entity: e.id, start: at, end: at + name.length });
      }
    }
  }
  const longestFirst = found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const m of longestFirst) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** The same folding for a whole sentence. */
export function foldSentence(text: string): string {
  return fold(text);
}
