/**
 * Evidence helpers: where a quote sits in its article (tolerant of curly
 * quotes, dashes and spacing, as the seed compares them), claims grouped so
 * conflicting figures stand side by side, relations grouped by type. Pure.
 */
import type { Claim, Evidence, RelationDetail, Statement } from './queries.js';

/** Folds one character the way quotes are compared; '' drops it. */
function foldChar(ch: string): string {
  if (/[\u2018\u2019\u201A\u2032]/.test(ch)) return "'";
  if (/[\u201C\u201D\u201E\u2033]/.test(ch)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(ch)) return '-';
  if (/\s/.test(ch)) return ' ';
  return ch.toLowerCase();
}

/** Folded text plus, for each folded character, its index in the original. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = foldChar(text[i]!);
    if (c === ' ' && (folded.endsWith(' ') || folded === '')) continue;
    folded += c;
    map.push(i);
  }
  return { folded, map };
}

/** [start, end) of the quote in the text, or null when it cannot be found. */
export function findQuote(text: string, quote: string): [number, number] | null {
  const q = foldWithMap(quote.trim()).folded.trim();
  if (!q) return null;
  const { folded, map } = foldWithMap(text);
  const at = folded.indexOf(q);
  if (at < 0) return null;
  return [map[at]!, map[at + q.length - 1]! + 1];
}

/** The article text cut around the quote: before, the quote, after. */
export function splitAtQuote(text: string, quote: string | null): { before: string; quote: string; after: string } | null {
  if (!quote) return null;
  const range = findQuote(text, quote);
  if (!range) return null;
  return { before: text.slice(0, range[0]), quote: text.slice(range[0], range[1]), after: text.slice(range[1]) };
}

export interface ClaimGroup {
  measure: string;
  /** Distinct figures; more than one means the sources disagree. */
  figures: Claim[];
  conflicting: boolean;
}

/** Claims by measure, figures in ascending order. */
export function groupClaims(claims: readonly Claim[]): ClaimGroup[] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) (groups.get(c.measure) ?? groups.set(c.measure, []).get(c.measure)!).push(c);
  return [...groups].map(([measure, figures]) => {
    const sorted = [...figures].sort((a, b) => a.value - b.value);
    const distinct = new Set(sorted.map((f) => `${f.value}|${f.qualifier ?? ''}`));
    return { measure, figures: sorted, conflicting: distinct.size > 1 };
  });
}

export interface RelationGroup {
  type: string;
  /** Readable heading, read from the selected entity: "released by", "← released by". */
  label: string;
  outgoing: boolean;
  relations: RelationDetail[];
}

/** An entity's relations grouped by type and direction, largest group first. */
export function groupRelations(entityId: string, relations: readonly RelationDetail[]): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const r of relations) {
    const outgoing = r.from.id === entityId;
    const key = `${r.type}|${outgoing ? 'out' : 'in'}`;
    let g = groups.get(key);
    if (!g) {
      g = { type: r.type, label: outgoing ? r.label : `${r.label} (incoming)`, outgoing, relations: [] };
      groups.set(key, g);
    }
    g.relations.push(r);
  }
  return [...groups.values()].sort((a, b) => b.relations.length - a.relations.length || a.label.localeCompare(b.label));
}

/** "52", "1,000", "4.5" — figures as a reader writes them. */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : String(value);
}

export type Certainty = 'STATED' | 'ATTRIBUTED' | 'UNCONFIRMED' | 'PLANNED';

/**
 * The words beside a quote that say how sure the article is: nothing for
 * STATED, "according to X", "reportedly", "promised or planned, not done when
 * reported". Undefined (an API without certainty yet) reads as stated.
 */
export function certaintyWords(certainty: string | null | undefined, accordingTo?: string | null): string {
  switch (certainty) {
    case 'ATTRIBUTED':
      return accordingTo ? `according to ${accordingTo}` : 'attributed';
    case 'UNCONFIRMED':
      return accordingTo ? `reportedly, according to ${accordingTo}` : 'reportedly';
    case 'PLANNED':
      return accordingTo ? `promised or planned (according to ${accordingTo}), not done when reported` : 'promised or planned, not done when reported';
    default:
      return '';
  }
}

/**
 * A passage in quotation marks, unless it already opens with one (a quote
 * that starts with someone's words carries the article's own marks).
 */
export function quoted(text: string): string {
  return /^["\u201C\u201E\u00AB]/.test(text.trim()) ? text.trim() : `\u201C${text.trim()}\u201D`;
}

/** Strongest first, as the story format ranks evidence (docs/story-format.md). */
const RANK: readonly Certainty[] = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'];

/**
 * The evidence item that sets a record's certainty: the strongest, as the
 * server computes a relation's (STATED > ATTRIBUTED > UNCONFIRMED > PLANNED).
 * Evidence without certainty (an older API) counts as STATED.
 */
export function strongestEvidence(evidence: readonly Evidence[]): Evidence | null {
  let best: Evidence | null = null;
  for (const ev of evidence) {
    if (!best || RANK.indexOf(ev.certainty ?? 'STATED') < RANK.indexOf(best.certainty ?? 'STATED')) best = ev;
  }
  return best;
}

/** How sure the article is of a statement, in words: its strongest evidence's hedge, or that the article reports it in its own voice. */
export function statementCertaintyWords(s: Pick<Statement, 'evidence'>): string {
  const ev = strongestEvidence(s.evidence);
  return certaintyWords(ev?.certainty, ev?.accordingTo?.name) || 'reported in the article’s own voice';
}

/**
 * An entity's statements in two lists, clearly apart: what it said, and what
 * others said about it. A statement it made about itself stays with what it
 * said; one listed twice by the API is kept once.
 */
export function splitStatements(made: readonly Statement[], about: readonly Statement[]): { made: Statement[]; about: Statement[] } {
  const own = [...new Map(made.map((s) => [s.id, s])).values()];
  const mine = new Set(own.map((s) => s.id));
  return { made: own, about: [...new Map(about.filter((s) => !mine.has(s.id)).map((s) => [s.id, s])).values()] };
}
