/**
 * Statements in the panel, each with its whole chain: who said it (a link
 * that opens the speaker), the words verbatim, when, through what channel,
 * who relayed it, how sure the article is ("according to X", "reportedly"),
 * and the passages that report it, each opening its article at that passage.
 */
import { h, kindSwatch } from './dom.js';
import { quoted, statementCertaintyWords, strongestEvidence } from './evidence.js';
import type { NamedEntity, Statement } from './queries.js';
import { evidenceList, type OpensArticles } from './quote-list.js';
import { kindLook } from './style.js';

export interface StatementActions extends OpensArticles {
  selectNode(id: string): void;
}

/** How many statements show before the rest fold away behind "More". */
const SHOWN = 5;

/**
 * A list of statements. `self` is the entity whose panel this is: it is not
 * repeated among the subjects, so "about" lists only the others.
 */
export function statementList(statements: readonly Statement[], act: StatementActions, self: string | null, label: string): HTMLElement {
  const item = (s: Statement) => statementItem(s, act, self);
  const first = statements.slice(0, SHOWN);
  const rest = statements.slice(SHOWN);
  return h(
    'div',
    { class: 'statements' },
    h('ul', { class: 'statement-list', 'aria-label': label }, first.map(item)),
    rest.length
      ? h('details', { class: 'more-statements' }, h('summary', {}, `${rest.length} more statement${rest.length === 1 ? '' : 's'}`), h('ul', { class: 'statement-list', 'aria-label': `${label}, continued` }, rest.map(item)))
      : null,
  );
}

function statementItem(s: Statement, act: StatementActions, self: string | null): HTMLElement {
  const hedge = strongestEvidence(s.evidence)?.certainty ?? 'STATED';
  const subjects = s.about.filter((e) => e.id !== self);
  return h(
    'li',
    { class: `statement ${hedge.toLowerCase()}`, 'data-statement': s.id },
    h('blockquote', { class: 'words' }, quoted(s.words)),
    h(
      'dl',
      { class: 'chain' },
      row('Said by', entityButton(s.speaker, act), 'speaker'),
      s.date ? row('When', s.date, 'date') : null,
      s.channel ? row('Through', s.channel, 'channel') : null,
      s.reportedBy.length ? row('Relayed by', joined(s.reportedBy.map((e) => entityButton(e, act))), 'reported-by') : null,
      row('How sure', h('span', { class: hedge === 'STATED' ? null : 'hedge' }, statementCertaintyWords(s)), 'certainty'),
      subjects.length ? row('About', joined(subjects.map((e) => entityButton(e, act))), 'about') : null,
    ),
    h('p', { class: 'reported-in muted' }, `Reported in ${s.evidence.length === 1 ? 'this passage' : `these ${s.evidence.length} passages`}:`),
    evidenceList(s.evidence, act, true),
  );
}

function row(term: string, value: Node | string, field: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', { 'data-field': field }, value)];
}

function entityButton(e: NamedEntity, act: StatementActions): HTMLElement {
  const look = kindLook(e.kind);
  return h('button', { type: 'button', class: 'entity-link', 'data-entity': e.id, onclick: () => act.selectNode(e.id) }, kindSwatch(look.shape, look.colour, 12), e.name);
}

/** Names separated by commas, as a reader lists them; each comma stays with its name when the line wraps. */
function joined(items: HTMLElement[]): HTMLElement {
  return h('span', { class: 'names' }, items.map((el, i) => h('span', {}, el, i < items.length - 1 ? ',' : null)));
}
