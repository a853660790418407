/**
 * New records backed by the picked quote: an entity, a relation, a claim (a
 * figure the article states) and a statement (what someone said). Each form
 * checks its own fields and the quote before sending, and sends the revision
 * the page was loaded at.
 */
import { curatorCall } from './curator-api.js';
import { curatorForm } from './curator-form.js';
import { el, select } from './curator-dom.js';
import { entityId, entityIds, isoDate, KINDS, number, relationType, required, ROLES, splitIds, wordsInArticle } from './form-checks.js';
import type { EvidencePicker } from './evidence-picker.js';

export interface Curating {
  revision: number;
  picker: EvidencePicker;
  saved: (what: string) => void;
}

const ids = (input: HTMLInputElement) => {
  input.setAttribute('list', 'curator-entity-ids');
  input.autocomplete = 'off';
  return input;
};
const optional = (value: string) => value.trim() || undefined;

export function newEntityForm(c: Curating): HTMLFormElement {
  const name = el('input', { id: 'entity-name' });
  const kind = select('entity-kind', KINDS);
  const fromSelection = el('button', { type: 'button', className: 'link' }, 'Name from the selected words');
  fromSelection.onclick = () => (name.value = c.picker.selection() || name.value);
  return curatorForm({
    id: 'new-entity', title: 'New entity', submit: 'Create entity',
    fields: [['name', 'Name', name], ['kind', 'Kind', kind]], extra: [fromSelection],
    outside: c.picker.controls,
    check: () => [...required('name', name.value, 'The name'), ...c.picker.check()],
    send: async () => {
      const r = await curatorCall<{ createEntity: { id: string } }>('mutation($kind: EntityKind!, $name: String!, $evidence: [EvidenceInput!]!, $revision: Int) { createEntity(kind: $kind, name: $name, evidence: $evidence, revision: $revision) { id } }', { kind: kind.value, name: name.value.trim(), evidence: [c.picker.input()], revision: c.revision });
      return `entity ${r.createEntity.id}`;
    },
    onSaved: c.saved,
  });
}

export function newRelationForm(c: Curating): HTMLFormElement {
  const from = ids(el('input', { id: 'relation-from', placeholder: 'entity id' }));
  const type = el('input', { id: 'relation-type', placeholder: 'MET', autocomplete: 'off' });
  type.setAttribute('list', 'curator-relation-types');
  const to = ids(el('input', { id: 'relation-to', placeholder: 'entity id' }));
  const date = el('input', { id: 'relation-date', placeholder: 'YYYY-MM-DD' });
  const role = select('relation-role', ['', ...ROLES]);
  const note = el('input', { id: 'relation-note' });
  return curatorForm({
    id: 'new-relation', title: 'New relation', submit: 'Create relation',
    fields: [['from', 'From', from], ['type', 'Type', type], ['to', 'To', to], ['date', 'Date', date], ['role', 'Role of From', role], ['note', 'Note', note]],
    outside: c.picker.controls,
    check: () => [...entityId('from', from.value, 'From'), ...relationType('type', type.value), ...entityId('to', to.value, 'To'), ...isoDate('date', date.value), ...c.picker.check()],
    send: async () => {
      const r = await curatorCall<{ createRelation: { id: string } }>('mutation($from: ID!, $type: String!, $to: ID!, $date: String, $role: String, $note: String, $evidence: [EvidenceInput!]!, $revision: Int) { createRelation(from: $from, type: $type, to: $to, date: $date, role: $role, note: $note, evidence: $evidence, revision: $revision) { id } }', { from: from.value.trim(), type: type.value.trim(), to: to.value.trim(), date: optional(date.value), role: optional(role.value), note: optional(note.value), evidence: [c.picker.input()], revision: c.revision });
      return `relation ${r.createRelation.id}`;
    },
    onSaved: c.saved,
  });
}

export function newClaimForm(c: Curating): HTMLFormElement {
  const entity = ids(el('input', { id: 'claim-entity', placeholder: 'entity id' }));
  const measure = el('input', { id: 'claim-measure', placeholder: 'keepers who returned to the towers' });
  const value = el('input', { id: 'claim-value', inputMode: 'decimal' });
  const valueMax = el('input', { id: 'claim-value-max', inputMode: 'decimal' });
  const qualifier = el('input', { id: 'claim-qualifier', placeholder: 'about, almost, well over' });
  return curatorForm({
    id: 'new-claim', title: 'New claim (a figure the article states)', submit: 'Add claim',
    fields: [['entity', 'Of entity', entity], ['measure', 'What is counted', measure], ['value', 'Value', value], ['valueMax', 'Up to', valueMax], ['qualifier', 'Qualifier', qualifier]],
    outside: c.picker.controls,
    check: () => [
      ...entityId('entity', entity.value, 'Of entity'), ...required('measure', measure.value, 'What is counted'), ...number('value', value.value, 'The value'), ...number('valueMax', valueMax.value, 'Up to', true),
      ...(valueMax.value.trim() && Number(valueMax.value) < Number(value.value) ? [{ field: 'valueMax', message: '"Up to" is below the value: a range runs from the value up to it.' }] : []),
      ...c.picker.check(),
    ],
    send: async () => {
      const r = await curatorCall<{ createClaim: { id: string; what: string } }>('mutation($entity: ID!, $measure: String!, $value: Float!, $valueMax: Float, $qualifier: String, $evidence: [EvidenceInput!]!, $revision: Int) { createClaim(entity: $entity, measure: $measure, value: $value, valueMax: $valueMax, qualifier: $qualifier, evidence: $evidence, revision: $revision) { id what } }', { entity: entity.value.trim(), measure: measure.value.trim(), value: Number(value.value), valueMax: valueMax.value.trim() ? Number(valueMax.value) : undefined, qualifier: optional(qualifier.value), evidence: [c.picker.input()], revision: c.revision });
      return r.createClaim.what;
    },
    onSaved: c.saved,
  });
}

export function newStatementForm(c: Curating): HTMLFormElement {
  const speaker = ids(el('input', { id: 'statement-speaker', placeholder: 'entity id' }));
  const words = el('textarea', { id: 'statement-words', rows: 2 });
  const useQuote = el('button', { type: 'button', className: 'link', id: 'statement-words-from-quote' }, 'Words from the selection (or the quote)');
  useQuote.onclick = () => (words.value = c.picker.selection() || c.picker.controls.quote.value);
  const about = ids(el('input', { id: 'statement-about', placeholder: 'entity ids, comma-separated' }));
  const reportedBy = ids(el('input', { id: 'statement-reported-by', placeholder: 'entity ids, comma-separated' }));
  const channel = el('input', { id: 'statement-channel', placeholder: 'news conference, X, statement to Reuters' });
  const date = el('input', { id: 'statement-date', placeholder: 'YYYY-MM-DD' });
  return curatorForm({
    id: 'new-statement', title: 'New statement (what someone said)', submit: 'Add statement',
    fields: [['speaker', 'Speaker', speaker], ['words', 'Words, verbatim', words], ['about', 'About', about], ['reportedBy', 'Reported by', reportedBy], ['channel', 'Channel', channel], ['date', 'Date', date]],
    extra: [useQuote],
    outside: c.picker.controls,
    check: () => [
      ...entityId('speaker', speaker.value, 'The speaker'), ...wordsInArticle('words', words.value, c.picker.articleText()),
      ...entityIds('about', about.value, 'About'), ...entityIds('reportedBy', reportedBy.value, 'Reported by'), ...isoDate('date', date.value), ...c.picker.check(),
    ],
    send: async () => {
      const r = await curatorCall<{ createStatement: { id: string; what: string } }>('mutation($speaker: ID!, $words: String!, $about: [ID!], $reportedBy: [ID!], $channel: String, $date: String, $evidence: [EvidenceInput!]!, $revision: Int) { createStatement(speaker: $speaker, words: $words, about: $about, reportedBy: $reportedBy, channel: $channel, date: $date, evidence: $evidence, revision: $revision) { id what } }', { speaker: speaker.value.trim(), words: words.value.trim(), about: splitIds(about.value), reportedBy: splitIds(reportedBy.value), channel: optional(channel.value), date: optional(date.value), evidence: [c.picker.input()], revision: c.revision });
      return r.createStatement.what;
    },
    onSaved: c.saved,
  });
}
