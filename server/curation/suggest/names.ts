/**
 * Candidate new names in an article: people, places and organisations found
 * by compromise (a maintained, offline English NLP library: no model to
 * download, no LLM), less the names the story already knows.
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import type { EntityKind } from '../../domain/types.js';
import { fold } from '../../domain/text.js';
import type { Named } from './mentions.js';

export interface CandidateName {
  name: string;
  kind: EntityKind;
}

/** "the Portvale Gazette." -> "Portvale Gazette"; "Calloway's" -> "Calloway". */
function tidy(name: string): string {
  return name
    .replace(/^[\s"“‘'(]+|[\s"”’'),.;:!?]+$/g, '')
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/['’]s$/i, '')
    .trim();
}

/**
 * Loaded on the first suggestion (its CommonJS build, so the call stays
 * synchronous): compromise's lexicon is about 30 MiB of memory a server
 * nobody curates on never needs.
 */
let loaded: typeof Nlp | null = null;
function nlp(text: string) {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return loaded(text);
}

export function candidateNames(text: string, known: readonly Named[]): CandidateName[] {
  const doc = nlp(text);
  const found: CandidateName[] = [
    ...(doc.people().out('array') as string[]).map((name) => ({ name, kind: 'Person' as const })),
    ...(doc.organizations().out('array') as string[]).map((name) => ({ name, kind: 'Organisation' as const })),
    ...(doc.places().out('array') as string[]).map((name) => ({ name, kind: 'Place' as const })),
  ];
  // A known name, or a part of one ("Zelazna" of "Marta Zelazna"), is not a new name.
  const knownNames = known.flatMap((e) => [e.name, ...e.aliases]).map((n) => ` ${fold(n)} `);
  const out = new Map<string, CandidateName>();
  for (const c of found) {
    const name = tidy(c.name);
    const key = fold(name);
    if (key.length < 3 || !/^\p{Lu}/u.test(name) || out.has(key)) continue;
    if (knownNames.some((k) => k.includes(` ${key} `))) continue;
    out.set(key, { name, kind: c.kind });
  }
  return [...out.values()];
}
