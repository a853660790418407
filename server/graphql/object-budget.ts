/**
 * How many list items (entities, relations, evidence, articles) one request
 * may resolve, and how much article text. The static cost (cost.ts) estimates
 * lists without a size argument; this counts them as they resolve. Past the
 * budget it throws, and aborts `signal`, which the executor watches: the
 * request stops at once rather than failing every remaining field.
 */
import { TooComplex } from '../domain/errors.js';

export interface ObjectBudget {
  /** Counts `items` against the budget and returns them; throws TooComplex past it. */
  spend<T extends { length: number }>(items: T): T;
  /** Counts the characters of a long text (an article's) against its own budget. */
  spendText(text: string): string;
  /** Aborted, with the TooComplex error as reason, once the budget is spent. */
  readonly signal: AbortSignal;
}

export function createObjectBudget(max: number, maxTextChars: number): ObjectBudget {
  let left = max;
  let textLeft = maxTextChars;
  const controller = new AbortController();
  const stop = (error: TooComplex): never => {
    if (!controller.signal.aborted) controller.abort(error);
    throw controller.signal.reason;
  };
  return {
    signal: controller.signal,
    spendText(text) {
      textLeft -= text.length;
      if (textLeft < 0) {
        stop(new TooComplex(`This request asks for more than ${maxTextChars} characters of article text. Ask for each article's text once (query "article(id)"), not inside nested lists.`));
      }
      return text;
    },
    spend(items) {
      left -= items.length;
      if (left < 0) {
        stop(
          new TooComplex(
            `This request asks for more than ${max} objects (entities, relations, evidence, articles). Ask for fewer nested lists, smaller pages ("first", "limit") or fewer aliases.`,
          ),
        );
      }
      return items;
    },
  };
}
