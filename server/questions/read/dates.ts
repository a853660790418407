/**
 * Dates in questions and in the data. Questions write "11 September 2025",
 * "September 11, 2025", "Sept. 11", "June 2025", "in June", "2020" or
 * "2025-09-11"; the data writes ISO as precise as the text allows (YYYY,
 * YYYY-MM, YYYY-MM-DD). A month or day without a year becomes "--MM" or
 * "--MM-DD" and matches that month in any year. Pure functions.
 */
import type { Token } from './tokens.js';

export interface DateMention {
  /** YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD. */
  iso: string;
  /** First token index. */
  start: number;
  /** Token index after the last. */
  end: number;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS);
/** A month name alone is a date only after one of these ("in June"), or written with a capital. */
const DATE_PREPOSITIONS = new Set(['in', 'on', 'during', 'since', 'before', 'after', 'until', 'till', 'by', 'from', 'of', 'early', 'late', 'mid']);

const pad = (n: number) => String(n).padStart(2, '0');

function dayOf(t: Token | undefined): number | null {
  const m = t?.folded.match(/^(\d{1,2})(st|nd|rd|th)?$/);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

function yearOf(t: Token | undefined): number | null {
  if (!t || !/^\d{4}$/.test(t.folded)) return null;
  const y = Number(t.folded);
  return y >= 1000 && y <= 2999 ? y : null;
}

/** A month name or abbreviation; abbreviations and "may"/"march" only when `strict` allows. */
function monthOf(t: Token | undefined, allowAmbiguous: boolean): number | null {
  if (!t) return null;
  const full = MONTHS[t.folded];
  if (full && (allowAmbiguous || (t.folded !== 'may' && t.folded !== 'march'))) return full;
  const short = ABBREVIATIONS[t.folded];
  return short && allowAmbiguous ? short : null;
}

/** Every date the tokens mention, left to right, each token used once. */
export function parseDates(tokens: readonly Token[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = dateAt(tokens, i);
    if (found) {
      out.push(found);
      i = found.end;
    } else i += 1;
  }
  return out;
}

function dateAt(tokens: readonly Token[], i: number): DateMention | null {
  const t = tokens[i]!;
  const iso = t.raw.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?$/);
  if (iso) return { iso: t.raw, start: i, end: i + 1 };

  const next = tokens[i + 1];
  const afterNext = tokens[i + 2];
  const prev = tokens[i - 1];
  // A number or year next to the name makes even "May" or "Sept" a month.
  const numberNear = dayOf(next) !== null || yearOf(next) !== null || dayOf(prev) !== null;
  const prepositionBefore = prev !== undefined && DATE_PREPOSITIONS.has(prev.folded);

  // 11 September 2025 / 11th Sept 2025 / 11 September
  const day = dayOf(t);
  const monthAfterDay = day !== null ? monthOf(next, true) : null;
  if (day !== null && monthAfterDay !== null) {
    const year = yearOf(afterNext);
    return year !== null
      ? { iso: `${year}-${pad(monthAfterDay)}-${pad(day)}`, start: i, end: i + 3 }
      : { iso: `--${pad(monthAfterDay)}-${pad(day)}`, start: i, end: i + 2 };
  }

  const month = monthOf(t, numberNear || prepositionBefore || t.capitalised);
  if (month !== null) {
    // September 11, 2025 / September 11 / September 2025 / September
    const d = dayOf(next);
    if (d !== null) {
      const year = yearOf(afterNext);
      return year !== null ? { iso: `${year}-${pad(month)}-${pad(d)}`, start: i, end: i + 3 } : { iso: `--${pad(month)}-${pad(d)}`, start: i, end: i + 2 };
    }
    const year = yearOf(next);
    if (year !== null) return { iso: `${year}-${pad(month)}`, start: i, end: i + 2 };
    if (t.folded in MONTHS && (prepositionBefore || t.capitalised)) return { iso: `--${pad(month)}`, start: i, end: i + 1 };
    return null;
  }

  const year = yearOf(t);
  if (year !== null) return { iso: String(year), start: i, end: i + 1 };
  return null;
}

/** True when a date of the data lies within the asked date ("2025-09-11" within "2025-09"). */
export function dateWithin(date: string | null | undefined, asked: string): boolean {
  if (!date) return false;
  if (asked.startsWith('--')) {
    const monthDay = asked.slice(2);
    return date.length >= 5 + monthDay.length && date.slice(5, 5 + monthDay.length) === monthDay;
  }
  return date.startsWith(asked);
}

/** First and last day a date may mean, as comparable strings (day 31 for any month is fine for ordering). */
export function dateRange(date: string): [string, string] {
  const [y, m, d] = date.split('-');
  return [`${y}-${m ?? '01'}-${d ?? '01'}`, `${y}-${m ?? '12'}-${d ?? '31'}`];
}

/** Strictly earlier: the whole of `date` ends before `reference` starts. */
export function isBefore(date: string, reference: string): boolean {
  return dateRange(date)[1] < dateRange(reference)[0];
}

/** Strictly later: the whole of `date` starts after `reference` ends. */
export function isAfter(date: string, reference: string): boolean {
  return dateRange(date)[0] > dateRange(reference)[1];
}

/** "on 12 September 2025", "on 12 September (any year)", "in June 2025": a day takes "on", a month or a year "in". */
export function datePhrase(iso: string): string {
  return `${/^(\d{4}|-)-\d{2}-\d{2}$/.test(iso) ? 'on' : 'in'} ${formatDate(iso)}`;
}

/** "11 September 2025", "September 2025", "2025", "June (any year)". */
export function formatDate(iso: string): string {
  const name = (m: string) => {
    const n = MONTH_NAMES[Number(m) - 1] ?? m;
    return n.charAt(0).toUpperCase() + n.slice(1);
  };
  if (iso.startsWith('--')) {
    const [m, d] = iso.slice(2).split('-');
    return d ? `${Number(d)} ${name(m!)} (any year)` : `${name(m!)} (any year)`;
  }
  const [y, m, d] = iso.split('-');
  if (d) return `${Number(d)} ${name(m!)} ${y}`;
  if (m) return `${name(m)} ${y}`;
  return y!;
}

/** Keeps relations dated (or whose event is dated) within, before or after a date. */
export interface TimeFilter {
  iso: string;
  mode: 'within' | 'before' | 'after';
}
