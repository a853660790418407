/**
 * Sentence boundaries with character offsets. ICU's sentence rules (UAX #29,
 * through Node's own Intl.Segmenter) handle closing quotes after ?/! ("Why?"
 * he asked), decimals and lower-case continuations ("5 p.m. in Minsk"). V8
 * does not expose ICU's abbreviation suppressions, so a short list stands in:
 * never break after an initialism (U.S., U.K.) or a title (Mr., Gen.), where
 * news text goes on with a capital ("the U.S. State Department"). Joining two
 * sentences by mistake only makes one passage longer; splitting one would
 * cut a quote in two, so the rules err towards joining. For the same reason
 * a sentence never starts in lower case ("“Why?” he asked"), never ends
 * inside an open “quotation” (“No man left behind! 52 prisoners ...,” he
 * wrote) and a list number ("1.") stays with its item. A line break always
 * ends a sentence.
 */

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A title or month abbreviation, or an initialism of two letters or more, at the very end. */
const ABBREVIATION = /(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Corp|Co|Dept|approx|etc)\.)$/;

/** A list number alone ("1.", "b)"): the item's words follow. */
const LIST_NUMBER = /^\(?(?:\d{1,3}|[A-Za-z])[.)]$/;

/** True when a sentence cannot end here: after an abbreviation or a list number, or inside an open “quotation”. */
function goesOn(sentence: string): boolean {
  if (ABBREVIATION.test(sentence) || LIST_NUMBER.test(sentence)) return true;
  let open = 0;
  for (const ch of sentence) open += ch === '\u201C' ? 1 : ch === '\u201D' ? -1 : 0;
  return open > 0;
}

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
    if (!goesOn(text.slice(pending.start, pending.end))) {
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
