/**
 * How many list items (entities, relations, evidence, articles) one request
 * may resolve. graphql-armor's cost estimate cannot see list lengths, so a
 * small document of nested lists could ask for millions of objects; this
 * counts them as they are resolved and stops the request past the budget.
 */
import { TooComplex } from '../domain/errors.js';

export interface ObjectBudget {
  /** Counts `items` against the budget and returns them; throws TooComplex past it. */
  spend<T extends { length: number }>(items: T): T;
  /** Counts the characters of a long text (an article's) against its own budget. */
  spendText(text: string): string;
}

export function createObjectBudget(max: number, maxTextChars: number): ObjectBudget {
  let left = max;
  let textLeft = maxTextChars;
  return {
    spendText(text) {
      textLeft -= text.length;
      if (textLeft < 0) {
        throw new TooComplex(`This request asks for more than ${maxTextChars} characters of article text. Ask for each article's text once (query "article(id)"), not inside nested lists.`);
      }
      return text;
    },
    spend(items) {
      left -= items.length;
      if (left < 0) {
        throw new TooComplex(
          `This request asks for more than ${max} objects (entities, relations, evidence, articles). Ask for fewer nested lists, smaller pages ("first", "limit") or fewer aliases.`,
        );
      }
      return items;
    },
  };
}
