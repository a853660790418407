/**
 * Finds where an evidence quote lies in its article. Quotes are verbatim but
 * may differ from the article in whitespace and typographic quotes and dashes
 * (as normaliseQuote in domain/text.ts folds them); this compares both in
 * that normal form and maps the match back to offsets of the article's text.
 */
import type { Span } from './sentences.js';

/** One article's text in normal form, with the original offset of every normal character. */
export class LocatableText {
  private readonly normal: string;
  /** offsets[i]: where normal[i] starts in the original; one extra entry for the end. */
  private readonly offsets: number[];
  private readonly found = new Map<string, Span | null>();

  constructor(readonly text: string) {
    ({ normal: this.normal, offsets: this.offsets } = normalForm(text));
  }

  /** The span of the first occurrence of `quote`, or null when the text does not hold it. Memoised: many relations cite one quote. */
  locate(quote: string): Span | null {
    let span = this.found.get(quote);
    if (span !== undefined) return span;
    const q = normalForm(quote).normal;
    const at = q ? this.normal.indexOf(q) : -1;
    span = at < 0 ? null : { start: this.offsets[at]!, end: this.offsets[at + q.length - 1]! + 1 };
    this.found.set(quote, span);
    return span;
  }
}

/** The normal form with, for each of its characters, the offset it came from. */
function normalForm(text: string): { normal: string; offsets: number[] } {
  let normal = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = normalChar(text[i]!);
    if (ch === ' ') {
      space = normal.length > 0;
      continue;
    }
    if (space) {
      normal += ' ';
      offsets.push(i - 1);
      space = false;
    }
    normal += ch;
    offsets.push(i);
  }
  offsets.push(text.length);
  return { normal, offsets };
}

/** normaliseQuote one character at a time (every rule there maps one character to one, whitespace aside). */
function normalChar(ch: string): string {
  if (/\s/.test(ch)) return ' ';
  if (/[\u2018\u2019\u201A\u2032]/.test(ch)) return "'";
  if (/[\u201C\u201D\u201E\u2033]/.test(ch)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(ch)) return '-';
  return ch;
}
