/**
 * Sentence boundaries with character offsets. ICU's sentence rules (UAX #29,
 * through Node's own Intl.Segmenter) handle closing quotes after ?/! ("Why?"
 * he asked), decimals and lower-case continuations ("5 p.m. in Minsk"). V8
 * does not expose ICU's abbreviation suppressions, so a short list stands in:
 * never break after an initialism (U.S., U.K.) or a title (Mr., Gen.), where
 * news text goes on with a capital ("the U.S. State Department"). Joining two
 * sentences by mistake only makes one passage longer; splitting one would
 * cut a quote in two, so the rules err towards joining. For the same reason
 * a sentence never starts in lower case ("“Why?” he asked").
 */

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A title or month abbreviation, or an initialism of two letters or more, at the very end. */
const ABBREVIATION = /(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Corp|Co|Dept|approx|etc)\.)$/;

/** The sentences of a text, trimmed of surrounding whitespace, in order; `text.slice(start, end)` is the sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: Span | null = null;
  for (const { index, segment } of segmenter.segment(text)) {
    const span = trimmed(index, segment);
    if (!span) continue;
    const last = spans[spans.length - 1];
    // A sentence does not start in lower case: ICU breaks after ?” even in “Why?” he asked.
    if (!pending && last && /^\p{Ll}/u.test(segment.trimStart()) && !/\n/.test(text.slice(last.end, span.start))) {
      spans.pop();
      pending = last;
    }
    // ICU ends a sentence at a line break: nothing joins across one.
    const joins = pending && !/\n/.test(text.slice(pending.end, span.start));
    if (pending && joins) pending.end = span.end;
    else {
      if (pending) spans.push(pending);
      pending = span;
    }
    if (!ABBREVIATION.test(text.slice(pending.start, pending.end))) {
      spans.push(pending);
      pending = null;
    }
  }
  if (pending) spans.push(pending);
  return spans;
}

function trimmed(index: number, segment: string): Span | null {
  const lead = segment.length - segment.trimStart().length;
  const body = segment.trim();
  return body ? { start: index + lead, end: index + lead + body.length } : null;
}
