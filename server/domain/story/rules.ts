/**
 * The rules of the format that look at one record with the kinds of the
 * entities it names: pure functions, each returning the problem in words (how
 * to fix it included) or null. check-story.ts applies them to every record.
 */
import { normaliseQuote } from '../text.js';
import type { EntityKind } from '../types.js';

/**
 * Relation types whose ends must be of given kinds. Named as strings: the
 * vocabulary (relation-types.ts) decides which types exist; these rules only
 * say what a type means for its ends when a story uses it.
 */
const END_KINDS: Record<string, { from?: readonly EntityKind[]; to?: readonly EntityKind[]; why: string; onlyInto?: EntityKind }> = {
  MEMBER_OF: { from: ['Person', 'Group'], onlyInto: 'Group', why: 'a member of a Group is a Person (or a sub-group; PART_OF also says that)' },
  HOLDS: { to: ['Position'], why: 'HOLDS joins a holder to the office (a Position) it holds' },
};

/** The problem with the kinds at the ends of a relation, or null. */
export function endKindProblem(type: string, fromKind: EntityKind | undefined, toKind: EntityKind | undefined): string | null {
  const rule = END_KINDS[type];
  if (!rule || !fromKind || !toKind) return null;
  if (rule.onlyInto && toKind !== rule.onlyInto) return null;
  if (rule.from && !rule.from.includes(fromKind)) return `"from" is ${aKind(fromKind)}, but ${rule.why}`;
  if (rule.to && !rule.to.includes(toKind)) return `"to" is ${aKind(toKind)}, but ${rule.why}`;
  return null;
}

const aKind = (kind: EntityKind) => `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;

/**
 * The problem with a span, or null. Dates are as precise as the text allows,
 * so a span is refused only when its end is surely before its start: the
 * last day "2025-09" may mean is still after "2025-09-11".
 */
export function spanProblem(date: string | undefined, endDate: string | undefined, dateDerived?: string): string | null {
  if (endDate && !date) return `has endDate ${endDate} but no date: a span needs its start (an open span, "since July 2023", has only a date)`;
  if (dateDerived && !date) return 'has dateDerived but no date: give the date it explains';
  if (date && endDate && latest(endDate) < earliest(date)) return `ends (endDate ${endDate}) before it starts (date ${date})`;
  return null;
}

const earliest = (iso: string) => `${iso}-00-00`.slice(0, 10);
const latest = (iso: string) => `${iso}-99-99`.slice(0, 10);

/** True when the words appear verbatim in the text, folded as quotes are (whitespace, typographic quotes and dashes). */
export function wordsFound(words: string, normalisedText: string): boolean {
  return normalisedText.includes(normaliseQuote(words));
}
