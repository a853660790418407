/**
 * The arithmetic of the timeline: dates as days on a proportional axis, the
 * window it opens on (the story's latest events), moving a brush edge to the
 * next event, and lanes so event labels do not overlap. Pure.
 */
import { dateBounds } from './filters.js';

const DAY = 86_400_000;

/** Days since 1970 of the first (or last) day an ISO prefix may mean. */
export function dayOf(date: string, end = false): number {
  const [lo, hi] = dateBounds(date);
  const [y, m, d] = (end ? hi : lo).split('-').map(Number);
  // "2020-09-31" from dateBounds is the month's last day by intent: clamp through Date.UTC's rollover.
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return Math.floor(Date.UTC(y!, m! - 1, Math.min(d!, last)) / DAY);
}

/** An ISO day for a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface Span { from: number; to: number }

/** The whole axis: first to last event day, with a little room either side. */
export function fullSpan(dates: readonly string[]): Span {
  const from = Math.min(...dates.map((d) => dayOf(d)));
  const to = Math.max(...dates.map((d) => dayOf(d, true)));
  const pad = Math.max(3, Math.round((to - from) * 0.01));
  return { from: from - pad, to: to + pad };
}

/**
 * The window the timeline opens on: the latest `count` events (by their
 * first day), so the story's own days are readable rather than a sliver at
 * the right end of a decade.
 */
export function latestWindow(dates: readonly string[], count = 8): Span {
  const full = fullSpan(dates);
  const starts = dates.map((d) => dayOf(d)).sort((a, b) => a - b);
  const from = starts[Math.max(0, starts.length - count)] ?? full.from;
  const pad = Math.max(2, Math.round((full.to - from) * 0.04));
  return { from: Math.max(full.from, from - pad), to: full.to };
}

/** Where a day falls on a span, 0 to 1. */
export function position(day: number, span: Span): number {
  return span.to > span.from ? (day - span.from) / (span.to - span.from) : 0.5;
}

/** The next (or previous) event day past `day`; the span's end when there is none. */
export function stepTo(day: number, eventDays: readonly number[], forward: boolean, span: Span): number {
  const sorted = [...new Set(eventDays)].sort((a, b) => a - b);
  if (forward) return sorted.find((d) => d > day) ?? span.to;
  return [...sorted].reverse().find((d) => d < day) ?? span.from;
}

/**
 * A lane for each item so labels `width` wide (in the same units as `x`)
 * never overlap: the first lane where the previous label has ended.
 */
export function lanes(xs: readonly number[], width: number): number[] {
  const ends: number[] = [];
  return xs.map((x) => {
    let lane = ends.findIndex((end) => end <= x);
    if (lane < 0) lane = ends.length;
    ends[lane] = x + width;
    return lane;
  });
}
