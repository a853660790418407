/**
 * What the curator's forms check before sending: the mistakes a person makes
 * most (an empty field, a date in the wrong shape, a quote that is not in the
 * article, ATTRIBUTED without whom) said in the page at once, with how to fix
 * them. The server checks everything again, exactly as the seed does; these
 * checks only save a round trip and must never refuse what the server takes.
 * Pure functions, unit-tested in Node.
 */
import { normaliseQuote } from '../../../server/domain/text.js';

/** One problem with one field of a form: `field` is the form's name for it. */
export interface Problem {
  field: string;
  message: string;
}

export const CERTAINTIES = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'] as const;
export const KINDS = ['PERSON', 'GROUP', 'ORGANISATION', 'POSITION', 'COUNTRY', 'PLACE', 'EVENT'] as const;
export const ROLES = ['participant', 'organiser', 'target', 'defendant', 'beneficiary', 'host', 'mediator'] as const;

export interface EvidenceDraft {
  article: string;
  quote: string;
  certainty: string;
  accordingTo: string;
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const SLUG = /^[a-z0-9]+(?:[-._][a-z0-9]+)*$/;

export function required(field: string, value: string, what: string): Problem[] {
  return value.trim() ? [] : [{ field, message: `${what} is empty: fill it in.` }];
}

/** An optional ISO date: "2031", "2031-05" or "2031-05-02". */
export function isoDate(field: string, value: string): Problem[] {
  const v = value.trim();
  return !v || ISO_DATE.test(v) ? [] : [{ field, message: `"${v}" is not a date the story format takes: write YYYY, YYYY-MM or YYYY-MM-DD (2031-05-02).` }];
}

/** An entity id as the story writes them: "helena-markov". */
export function entityId(field: string, value: string, what: string, optional = false): Problem[] {
  const v = value.trim();
  if (!v) return optional ? [] : [{ field, message: `${what} is empty: give an entity id (pick one from the list as you type).` }];
  return SLUG.test(v) ? [] : [{ field, message: `"${v}" is not an entity id: ids are lower case with hyphens ("helena-markov"); pick one from the list as you type.` }];
}

/** A comma-separated list of entity ids ("a, b"), each checked. */
export function entityIds(field: string, value: string, what: string): Problem[] {
  return splitIds(value).flatMap((id) => entityId(field, id, what));
}

export function splitIds(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A number the form needs ("340", "6.5"); optional ones may be empty. */
export function number(field: string, value: string, what: string, optional = false): Problem[] {
  const v = value.trim();
  if (!v) return optional ? [] : [{ field, message: `${what} is empty: give the figure the article states, in digits.` }];
  return Number.isFinite(Number(v)) ? [] : [{ field, message: `${what} "${v}" is not a number: write it in digits (340, 6.5).` }];
}

export function relationType(field: string, value: string): Problem[] {
  const v = value.trim();
  if (!v) return [{ field, message: 'The relation type is empty: pick one from the list (MET, LEADS, ...).' }];
  if (v === 'SAID') return [{ field, message: 'SAID is not a relation: record what was said as a statement below.' }];
  return /^[A-Z][A-Z0-9_]*$/.test(v) ? [] : [{ field, message: `"${v}" is not a relation type: types are upper snake case (MET, LEADS); pick one from the list.` }];
}

/**
 * A piece of evidence: an article, a quote of 12 characters at least found in
 * that article's text (compared as the seed compares: typographic quotes and
 * whitespace folded), and a certainty that agrees with accordingTo.
 */
export function evidence(draft: EvidenceDraft, articleText: string | null): Problem[] {
  const problems: Problem[] = [];
  if (!draft.article.trim()) problems.push({ field: 'article', message: 'No article chosen: pick the article the quote is from.' });
  const quote = normaliseQuote(draft.quote);
  if (quote.length < 12) problems.push({ field: 'quote', message: 'The quote is shorter than 12 characters: select the words in the article that state the fact (a clause or a sentence).' });
  else if (articleText !== null && !normaliseQuote(articleText).includes(quote)) problems.push({ field: 'quote', message: 'The quote is not in the article word for word: select it in the article text, or pick a sentence, rather than typing it.' });
  if (draft.certainty === 'ATTRIBUTED' && !draft.accordingTo.trim()) problems.push({ field: 'accordingTo', message: 'ATTRIBUTED needs "According to": the entity the article cites ("the union said").' });
  else if (draft.certainty === 'STATED' && draft.accordingTo.trim()) problems.push({ field: 'accordingTo', message: 'STATED is the article\'s own voice: clear "According to", or choose ATTRIBUTED.' });
  else problems.push(...entityId('accordingTo', draft.accordingTo, 'According to', true));
  return problems;
}

/** A statement's words: verbatim in the article (folded as quotes are); unknown text is left to the server. */
export function wordsInArticle(field: string, words: string, articleText: string | null): Problem[] {
  const w = normaliseQuote(words);
  if (!w) return [{ field, message: 'The words are empty: give the quotation or the reported speech, verbatim.' }];
  return articleText === null || normaliseQuote(articleText).includes(w) ? [] : [{ field, message: 'The words are not in the article word for word: select them in the article text and use "Words from the selection".' }];
}

/** The sentences of an article, for picking a whole one as the quote without a mouse. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’']?)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
}

/** Where a server refusal names a field ("relation.date: ..."), the form's field names it points at. */
export function fieldsNamed(message: string, fields: readonly string[]): string[] {
  return fields.filter((f) => new RegExp(`(^|[\\s.;:])${f}(\\.\\d+)?(\\.\\w+)*:`).test(message));
}
