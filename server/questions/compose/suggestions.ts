/**
 * Questions the engine can answer, built from the graph as it is: its best
 * connected entities, its most common relation types (with their verbs from
 * the vocabulary), its first dated event and a figure an article states.
 * Questions about relation types are checked by reading them back.
 */
import type { Entity } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import { formatDate } from '../read/dates.js';
import { IRREGULAR_PARTICIPLES, readQuestion } from '../read/reading.js';
import type { Vocabulary } from '../read/vocabulary.js';
import { completeReading } from '../link/reading.js';
import { classify } from '../intent/intent.js';
import { kindWord } from './wording.js';

const MAX_SUGGESTIONS = 8;

/** "Who negotiated what?", "Who was released?", "Who married whom?": a question about one relation type. */
export function typeQuestion(vocabulary: Vocabulary, type: string, fromKind: string | null): string {
  const label = vocabulary.label(type);
  const [first = label, ...rest] = label.split(' ');
  const past = vocabulary.verbs(type).find((v) => !v.includes(' ') && (/ed$/.test(v) || IRREGULAR_PARTICIPLES.has(v)));
  const who = fromKind === 'Event' ? 'What' : 'Who';
  if (vocabulary.symmetric(type)) return `${who} ${past ?? `is ${label}`} whom?`;
  if (vocabulary.roles(type).agent === null) return `${who} was ${past ?? label}?`;
  if (past) {
    const preposition = rest.find((w) => ['in', 'into', 'to', 'for', 'of', 'with'].includes(w));
    return `${who} ${past}${preposition ? ` ${preposition}` : ''} what?`;
  }
  return /s$/.test(first) ? `${who} ${label} what?` : `${who} is ${label} what?`;
}

/** True when the engine reads `question` as a question about `type`. */
function readsAs(vocabulary: Vocabulary, question: string, type: string): boolean {
  const intent = classify(completeReading(readQuestion(question, vocabulary), [], vocabulary));
  return intent.name === 'relation' && intent.types.includes(type);
}

export async function suggest(store: GraphStore, vocabulary: Vocabulary, about: readonly Entity[] = []): Promise<string[]> {
  const [stats, top, timeline] = await Promise.all([store.stats(), store.graph({ limit: 8 }), store.timeline()]);
  const out: string[] = [];
  const add = (q: string | null | undefined) => {
    if (q && !out.includes(q)) out.push(q);
  };
  const nodes = top.nodes;
  const person = nodes.find((n) => n.kind === 'Person');
  const organisation = nodes.find((n) => n.kind !== 'Person' && n.kind !== 'Event');

  for (const e of about.slice(0, 2)) {
    add(e.kind === 'Person' ? `Who is ${e.name}?` : `Tell me about ${e.name}`);
    const partner = nodes.find((n) => n.id !== e.id);
    if (partner) add(`How is ${e.name} connected to ${partner.name}?`);
  }
  let typed = 0;
  for (const { type } of stats.byRelationType) {
    if (typed >= 3) break;
    const sample = (await store.relations([type], { first: 1 })).items[0];
    const [from] = sample ? await store.entitiesByIds([sample.from]) : [null];
    const question = typeQuestion(vocabulary, type, from?.kind ?? null);
    if (readsAs(vocabulary, question, type)) {
      add(question);
      typed += 1;
    }
  }
  if (person) add(`Who is ${person.name}?`);
  if (organisation) add(`Tell me about ${organisation.name}`);
  const [a, b] = nodes.filter((n) => n.kind !== 'Event');
  if (a && b) add(`How is ${a.name} connected to ${b.name}?`);
  const day = timeline.find((e) => e.date?.length === 10) ?? timeline[0];
  if (day?.date) add(`What happened ${day.date.length === 10 ? 'on' : 'in'} ${formatDate(day.date)}?`);
  const claim = [...timeline, ...nodes].flatMap((e) => e.claims)[0];
  if (claim) add(`How many ${claim.measure}?`);
  const kinds = stats.byKind.filter((k) => k.kind === 'Country' || k.kind === 'Organisation');
  if (kinds[0]) add(`Which ${kindWord(kinds[0].kind, 2)} are involved?`);
  return out.slice(0, MAX_SUGGESTIONS);
}
