/**
 * Edit or delete what the story says about one entity: its fields, its
 * aliases, its claims, the relations that touch it and the statements it
 * made. Open an entity by id (a merged-away id opens the entity it went
 * into, and says so). Each record is its own small form; "replace the
 * evidence with the picked quote" swaps a record's quotes for the one above.
 */
import { curatorCall, type CuratorError } from './curator-api.js';
import { curatorForm } from './curator-form.js';
import { el, field, select } from './curator-dom.js';
import { entityIds, isoDate, KINDS, number, required, ROLES, splitIds, type Problem } from './form-checks.js';
import type { Curating } from './record-forms.js';

export const EDITING_KEY = 'curator-editing';

interface Evidence { article: { id: string }; quote: string; certainty: string }
interface Claim { id: string | null; measure: string; value: number; valueMax: number | null; qualifier: string | null; evidence: Evidence[] }
interface Relation { id: string; type: string; from: { id: string }; to: { id: string }; date: string | null; role: string | null; note: string | null; evidence: Evidence[] }
interface Statement { id: string; words: string; date: string | null; channel: string | null; about: { id: string }[]; reportedBy: { id: string }[] }
interface Entity { id: string; kind: string; name: string; aliases: string[]; evidence: Evidence[]; summary: string | null; date: string | null; endDate: string | null; redirectedFrom: string | null; claims: Claim[]; relations: Relation[]; statements: Statement[] }

const EVIDENCE = 'evidence { article { id } quote certainty }';
const ENTITY = `query($id: ID!) { entity(id: $id) { id kind name aliases ${EVIDENCE} summary date endDate redirectedFrom claims { id measure value valueMax qualifier ${EVIDENCE} } relations(first: 200) { id type from { id } to { id } date role note ${EVIDENCE} } statements { id words date channel about { id } reportedBy { id } } } }`;

export function recordEditor(c: Curating): HTMLElement {
  const id = el('input', { id: 'edit-entity-id', placeholder: 'entity id', autocomplete: 'off', value: sessionStorage.getItem(EDITING_KEY) ?? '' });
  id.setAttribute('list', 'curator-entity-ids');
  const open = el('button', { type: 'submit' }, 'Open');
  const body = el('div', { id: 'record-editor-body' });
  body.setAttribute('aria-live', 'polite');
  const finder = el('form', { id: 'edit-entity-open' }, field('Entity', id), open);
  let deleted = false; // the entity open was deleted: do not reopen it after the reload
  const saved = (what: string) => {
    if (deleted) sessionStorage.removeItem(EDITING_KEY);
    else sessionStorage.setItem(EDITING_KEY, id.value.trim());
    c.saved(what);
  };
  // The latest request wins: the entity reopened after a reload may still be loading when another is asked for,
  // and its late answer must not replace the newer one, nor overwrite an id typed in the box while it loaded.
  let asked = 0;
  const load = async () => {
    const wanted = id.value.trim();
    const ticket = ++asked;
    if (!wanted) return void body.replaceChildren(el('p', { className: 'muted' }, 'Give an entity id to edit it.'));
    const r = await curatorCall<{ entity: Entity | null }>(ENTITY, { id: wanted }).catch((err: Error) => (ticket === asked && body.replaceChildren(el('p', { role: 'alert' }, `Could not read ${wanted}: ${err.message}`)), undefined));
    if (!r || ticket !== asked) return;
    if (!r.entity) return void body.replaceChildren(el('p', { role: 'alert' }, `No entity "${wanted}": pick an id from the list as you type.`));
    // A merged-away id shows the survivor's id; but what the curator has typed since is left alone.
    if (id.value.trim() === wanted) id.value = r.entity.id;
    body.replaceChildren(...editorFor(r.entity, { ...c, saved }, () => (deleted = true)));
  };
  finder.onsubmit = (ev) => {
    ev.preventDefault();
    void load();
  };
  if (id.value) void load();
  return el('section', { id: 'record-editor' }, el('h3', {}, 'Edit or delete'), finder, body);
}

/** A mutation sent with the page's revision; resolves to the server's answer. */
const send = <T>(c: Curating, query: string, variables: Record<string, unknown>) => curatorCall<T>(query, { ...variables, revision: c.revision });
const replaceBox = (name: string) => el('input', { type: 'checkbox', className: 'replace-evidence', name });
const evidenceList = (evidence: Evidence[]) => el('ul', { className: 'evidence-list' }, ...evidence.map((e) => el('li', {}, `“${e.quote}” (${e.article.id}, ${e.certainty})`)));

function editorFor(e: Entity, c: Curating, forget: () => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (e.redirectedFrom) out.push(el('p', { className: 'muted' }, `"${e.redirectedFrom}" was merged into ${e.id}: editing ${e.id}.`));

  const name = el('input', { value: e.name, id: 'edit-entity-name' });
  const kind = select('edit-entity-kind', KINDS);
  kind.value = e.kind;
  const summary = el('textarea', { value: e.summary ?? '', rows: 2, id: 'edit-entity-summary' });
  const date = el('input', { value: e.date ?? '', placeholder: 'YYYY-MM-DD', id: 'edit-entity-date' });
  const endDate = el('input', { value: e.endDate ?? '', placeholder: 'YYYY-MM-DD', id: 'edit-entity-end-date' });
  const del = el('button', { type: 'button', className: 'danger', id: 'delete-entity' }, 'Delete entity');
  const entityForm = curatorForm({
    id: 'edit-entity', title: `Entity ${e.id}`, submit: 'Save entity',
    fields: [['name', 'Name', name], ['kind', 'Kind', kind], ['summary', 'Summary', summary], ['date', 'Date', date], ['endDate', 'End date', endDate]],
    actions: [deletion(del, `Delete ${e.id}? Relations and statements that name it must be deleted first.`, c, async () => {
      await send(c, 'mutation($id: ID!, $revision: Int) { deleteEntity(id: $id, revision: $revision) }', { id: e.id });
      forget();
      return `deleted entity ${e.id}`;
    })],
    check: () => [...required('name', name.value, 'The name'), ...isoDate('date', date.value), ...isoDate('endDate', endDate.value)],
    send: async () => {
      await send(c, 'mutation($id: ID!, $kind: EntityKind, $name: String, $summary: String, $date: String, $endDate: String, $revision: Int) { updateEntity(id: $id, kind: $kind, name: $name, summary: $summary, date: $date, endDate: $endDate, revision: $revision) { id } }', { id: e.id, kind: kind.value, name: name.value.trim(), summary: summary.value.trim(), date: date.value.trim(), endDate: endDate.value.trim() });
      return `entity ${e.id}`;
    },
    onSaved: c.saved,
  });
  out.push(entityForm);

  const alias = el('input', { id: 'edit-alias' });
  const fromSelection = el('button', { type: 'button', className: 'link' }, 'Alias from the selected words');
  fromSelection.onclick = () => (alias.value = c.picker.selection() || alias.value);
  const removals = e.aliases.map((a) => {
    const remove = el('button', { type: 'button', className: 'link', ariaLabel: `Remove alias ${a}` }, 'Remove');
    return el('li', {}, a, ' ', deletion(remove, `Remove the alias "${a}" of ${e.id}?`, c, async () => {
      await send(c, 'mutation($id: ID!, $alias: String!, $revision: Int) { removeAlias(id: $id, alias: $alias, revision: $revision) { id } }', { id: e.id, alias: a });
      return `removed alias "${a}"`;
    }));
  });
  out.push(curatorForm({
    id: 'add-alias', title: 'Aliases', submit: 'Add alias',
    fields: [['alias', 'New alias', alias]], extra: [el('ul', { className: 'alias-list' }, ...removals), fromSelection],
    check: () => required('alias', alias.value, 'The alias'),
    send: async () => {
      await send(c, 'mutation($id: ID!, $alias: String!, $revision: Int) { addAlias(id: $id, alias: $alias, revision: $revision) { id } }', { id: e.id, alias: alias.value.trim() });
      return `alias "${alias.value.trim()}" of ${e.id}`;
    },
    onSaved: c.saved,
  }));

  out.push(curatorForm({
    id: 'entity-evidence', title: 'Evidence', submit: 'Add the picked quote as evidence',
    fields: [], extra: [evidenceList(e.evidence)], outside: c.picker.controls,
    check: () => c.picker.check(),
    send: async () => {
      await send(c, 'mutation($id: ID!, $evidence: EvidenceInput!, $revision: Int) { addEvidence(id: $id, evidence: $evidence, revision: $revision) { id } }', { id: e.id, evidence: c.picker.input() });
      return `evidence of ${e.id}`;
    },
    onSaved: c.saved,
  }));

  e.claims.forEach((claim, i) => out.push(claimForm(e, claim, claim.id ?? `#${i + 1}`, c)));
  for (const r of e.relations.filter((r) => r.type !== 'SAID')) out.push(relationForm(r, c));
  for (const s of e.statements) out.push(statementForm(s, c));
  if (e.relations.some((r) => r.type === 'SAID')) out.push(el('p', { className: 'muted' }, 'SAID lines are drawn from statements: edit the statement instead.'));
  return out;
}

/** Wraps a Delete button: asks, sends, reports a refusal beside the button. */
function deletion(button: HTMLButtonElement, question: string, c: Curating, run: () => Promise<string>): HTMLElement {
  const note = el('span', { className: 'form-errors deletion-error', hidden: true });
  note.setAttribute('role', 'alert');
  button.onclick = async () => {
    if (!window.confirm(question)) return;
    note.hidden = true;
    try {
      c.saved(await run());
    } catch (err) {
      const e = err as CuratorError;
      note.replaceChildren(`Not deleted: ${e.message}`, ...(e.code === 'CONFLICT' ? [' ', el('button', { type: 'button', onclick: () => location.reload() }, 'Reload')] : []));
      note.hidden = false;
      button.focus();
    }
  };
  return el('span', { className: 'deletion' }, button, note);
}

function withEvidence(box: HTMLInputElement, c: Curating, problems: Problem[]): Problem[] {
  return box.checked ? [...problems, ...c.picker.check()] : problems;
}

function claimForm(e: Entity, claim: Claim, key: string, c: Curating): HTMLFormElement {
  const measure = el('input', { value: claim.measure });
  const value = el('input', { value: String(claim.value), inputMode: 'decimal' });
  const valueMax = el('input', { value: claim.valueMax == null ? '' : String(claim.valueMax), inputMode: 'decimal' });
  const qualifier = el('input', { value: claim.qualifier ?? '' });
  const replace = replaceBox('replaceEvidence');
  const del = el('button', { type: 'button', className: 'danger' }, 'Delete claim');
  return curatorForm({
    id: `edit-claim-${key.replace('#', 'n')}`, title: `Claim ${key}: ${claim.measure}`, submit: 'Save claim', className: 'edit-claim',
    fields: [['measure', 'What is counted', measure], ['value', 'Value', value], ['valueMax', 'Up to', valueMax], ['qualifier', 'Qualifier', qualifier], ['replaceEvidence', 'Replace its evidence with the picked quote', replace]],
    extra: [evidenceList(claim.evidence)], outside: c.picker.controls,
    actions: [deletion(del, `Delete claim ${key} of ${e.id}?`, c, async () => {
      await send(c, 'mutation($entity: ID!, $claim: ID!, $revision: Int) { deleteClaim(entity: $entity, claim: $claim, revision: $revision) }', { entity: e.id, claim: key });
      return `deleted claim ${key} of ${e.id}`;
    })],
    check: () => withEvidence(replace, c, [...required('measure', measure.value, 'What is counted'), ...number('value', value.value, 'The value'), ...number('valueMax', valueMax.value, 'Up to', true)]),
    send: async () => {
      const r = await send<{ updateClaim: { what: string } }>(c, 'mutation($entity: ID!, $claim: ID!, $measure: String, $value: Float, $valueMax: Float, $qualifier: String, $evidence: [EvidenceInput!], $revision: Int) { updateClaim(entity: $entity, claim: $claim, measure: $measure, value: $value, valueMax: $valueMax, qualifier: $qualifier, evidence: $evidence, revision: $revision) { what } }',
        { entity: e.id, claim: key, measure: measure.value.trim(), value: Number(value.value), valueMax: valueMax.value.trim() ? Number(valueMax.value) : null, qualifier: qualifier.value.trim(), evidence: replace.checked ? [c.picker.input()] : undefined });
      return r.updateClaim.what;
    },
    onSaved: c.saved,
  });
}

function relationForm(r: Relation, c: Curating): HTMLFormElement {
  const date = el('input', { value: r.date ?? '', placeholder: 'YYYY-MM-DD' });
  const role = select('', ['', ...ROLES]);
  role.value = r.role ?? '';
  const note = el('input', { value: r.note ?? '' });
  const replace = replaceBox('replaceEvidence');
  const del = el('button', { type: 'button', className: 'danger' }, 'Delete relation');
  return curatorForm({
    id: `edit-relation-${r.id.replace(/[^a-z0-9-]/gi, '_')}`, title: `${r.from.id} ${r.type} ${r.to.id}`, submit: 'Save relation', className: 'edit-relation',
    fields: [['date', 'Date', date], ['role', 'Role of From', role], ['note', 'Note', note], ['replaceEvidence', 'Replace its evidence with the picked quote', replace]],
    extra: [evidenceList(r.evidence)], outside: c.picker.controls,
    actions: [deletion(del, `Delete the relation ${r.id}?`, c, async () => {
      await send(c, 'mutation($id: ID!, $revision: Int) { deleteRelation(id: $id, revision: $revision) }', { id: r.id });
      return `deleted relation ${r.id}`;
    })],
    check: () => withEvidence(replace, c, isoDate('date', date.value)),
    send: async () => {
      await send(c, 'mutation($id: ID!, $date: String, $role: String, $note: String, $evidence: [EvidenceInput!], $revision: Int) { updateRelation(id: $id, date: $date, role: $role, note: $note, evidence: $evidence, revision: $revision) { id } }',
        { id: r.id, date: date.value.trim(), role: role.value, note: note.value.trim(), evidence: replace.checked ? [c.picker.input()] : undefined });
      return `relation ${r.id}`;
    },
    onSaved: c.saved,
  });
}

function statementForm(s: Statement, c: Curating): HTMLFormElement {
  const words = el('textarea', { value: s.words, rows: 2 });
  const about = el('input', { value: s.about.map((a) => a.id).join(', ') });
  const reportedBy = el('input', { value: s.reportedBy.map((a) => a.id).join(', ') });
  const channel = el('input', { value: s.channel ?? '' });
  const date = el('input', { value: s.date ?? '', placeholder: 'YYYY-MM-DD' });
  for (const i of [about, reportedBy]) i.setAttribute('list', 'curator-entity-ids');
  const replace = replaceBox('replaceEvidence');
  const del = el('button', { type: 'button', className: 'danger' }, 'Delete statement');
  return curatorForm({
    id: `edit-statement-${s.id}`, title: `Statement ${s.id}`, submit: 'Save statement', className: 'edit-statement',
    fields: [['words', 'Words, verbatim', words], ['about', 'About', about], ['reportedBy', 'Reported by', reportedBy], ['channel', 'Channel', channel], ['date', 'Date', date], ['replaceEvidence', 'Replace its evidence with the picked quote', replace]],
    outside: c.picker.controls,
    actions: [deletion(del, `Delete the statement ${s.id}?`, c, async () => {
      await send(c, 'mutation($id: ID!, $revision: Int) { deleteStatement(id: $id, revision: $revision) }', { id: s.id });
      return `deleted statement ${s.id}`;
    })],
    check: () => withEvidence(replace, c, [...required('words', words.value, 'The words'), ...entityIds('about', about.value, 'About'), ...entityIds('reportedBy', reportedBy.value, 'Reported by'), ...isoDate('date', date.value)]),
    send: async () => {
      const r = await send<{ updateStatement: { what: string } }>(c, 'mutation($id: ID!, $words: String, $about: [ID!], $reportedBy: [ID!], $channel: String, $date: String, $evidence: [EvidenceInput!], $revision: Int) { updateStatement(id: $id, words: $words, about: $about, reportedBy: $reportedBy, channel: $channel, date: $date, evidence: $evidence, revision: $revision) { what } }',
        { id: s.id, words: words.value.trim(), about: splitIds(about.value), reportedBy: splitIds(reportedBy.value), channel: channel.value.trim(), date: date.value.trim(), evidence: replace.checked ? [c.picker.input()] : undefined });
      return r.updateStatement.what;
    },
    onSaved: c.saved,
  });
}
