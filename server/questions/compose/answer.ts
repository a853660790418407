/**
 * The last stage: the Answer from the draft an answerer returned and what it
 * used: the words it did not use, the suggestions when it found nothing, and
 * the interpretation (intent, linked names, types, dates, kind) so a user can
 * trust or correct how the question was read.
 */
import { distinctLinks, type Link } from '../link/entities.js';
import { relationVerbs, type Reading } from '../link/reading.js';
import type { Intent } from '../intent/intent.js';
import type { Answer, Draft, Interpretation } from '../types.js';
import { EMPTY_SUBGRAPH } from './rows.js';

export interface Composition {
  question: string;
  reading: Reading;
  draft: Draft;
  /** The intent finally answered. */
  intent: Intent;
  /** The links finally read (an answerer may have read a name another way). */
  links: readonly Link[];
  suggestions: string[];
}

/** The question's content words that neither the reading nor the answerer used. */
export function unusedWords(reading: Pick<Reading, 'ignored'>, draft: Pick<Draft, 'usedWords'>): string[] {
  return draft.usedWords ? reading.ignored.filter((w) => !draft.usedWords!.includes(w)) : reading.ignored;
}

export function composeAnswer({ question, reading, draft, intent, links, suggestions }: Composition): Answer {
  const ignored = unusedWords(reading, draft);
  const quoted = ignored.map((w) => `"${w}"`).join(', ');
  // "Who paid for the release?" read as the release's profile: the words not read lead, not trail a long profile.
  const asked = intent.name === 'profile' && !reading.profileCue && ignored.length > 0 && ['who', 'whom', 'what', 'which'].includes(reading.tokens[0]?.folded ?? '');
  const unused = ignored.length && !asked ? ` (Words not used: ${quoted}.)` : '';
  const lead = asked ? `Not answered as asked (${quoted} not read). What the graph holds: ` : '';
  const text = draft.understood ? `${lead}${draft.text}${unused}` : `${draft.text}${suggestions.length ? ' Questions I can answer are listed in the suggestions.' : ''}`;
  return {
    question,
    understood: draft.understood,
    text,
    rows: draft.rows,
    subgraph: draft.subgraph,
    suggestions,
    interpretation: interpret(reading, intent, links, ignored),
  };
}

function interpret(reading: Reading, intent: Intent, links: readonly Link[], ignored: string[]): Interpretation {
  const types =
    intent.name === 'relation' || intent.name === 'relation-check' || intent.name === 'before' || intent.name === 'after'
      ? intent.types
      : intent.name === 'count'
        ? relationVerbs(reading).flatMap((v) => v.types)
        : [];
  return {
    intent: intent.name,
    entities: distinctLinks(links).map((l) => ({
      id: l.entity.id,
      name: l.entity.name,
      matched: l.matched,
      ...(l.alternatives.length ? { alternatives: l.alternatives.map((a) => ({ id: a.id, name: a.name })) } : {}),
    })),
    relationTypes: [...new Set(types)],
    dates: reading.dates.map((d) => d.iso),
    kind: reading.kind,
    ignored,
  };
}

/** A question refused before it was read (too long). */
export function refusal(question: string, text: string, suggestions: string[]): Answer {
  return {
    question,
    understood: false,
    text,
    rows: [],
    subgraph: EMPTY_SUBGRAPH,
    suggestions,
    interpretation: { intent: 'unknown', entities: [], relationTypes: [], dates: [], kind: null, ignored: [] },
  };
}
