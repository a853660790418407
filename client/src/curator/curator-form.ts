/**
 * One curator form: labelled fields, a check before sending, and an error
 * region that says what was wrong and how to fix it, whether the page found
 * it (form-checks.ts) or the server refused the change. Fields in error are
 * marked aria-invalid and described by the message, and focus moves to the
 * first of them, so a keyboard or screen-reader user lands where to fix.
 */
import { CuratorError, token } from './curator-api.js';
import { el } from './curator-dom.js';
import { fieldsNamed, type Problem } from './form-checks.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface FormSpec {
  id: string;
  className?: string;
  /** Heading (a legend) of the form. */
  title: string;
  /** The form's fields by name: the name form-checks and the server's messages use ("date", "quote"). */
  fields: [name: string, label: string, control: Control | HTMLElement][];
  /** Extra content after the fields (a button that fills one in, a hint). */
  extra?: HTMLElement[];
  submit: string;
  /** Problems found before sending; none: the form is sent. */
  check: () => Problem[];
  /** Sends the change; resolves to what was saved, for the status line. */
  send: () => Promise<string>;
  /** Fields outside this form that a problem may name (the quote picker's): focus and mark them too. */
  outside?: Record<string, Control>;
  /** Called with what was saved. */
  onSaved: (what: string) => void;
  /** Buttons beside the submit button (Delete). */
  actions?: HTMLElement[];
}

let uid = 0;

export function curatorForm(spec: FormSpec): HTMLFormElement {
  const errors = el('div', { className: 'form-errors', id: `${spec.id}-errors`, hidden: true });
  errors.setAttribute('role', 'alert');
  const controls = new Map<string, Control>(Object.entries(spec.outside ?? {}));
  const rows = spec.fields.map(([name, label, control]) => {
    const inner = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement ? control : null;
    if (inner) {
      controls.set(name, inner);
      if (!inner.id) inner.id = `curator-f${++uid}`;
      inner.name = name;
    }
    return el('label', { className: 'curator-field' }, el('span', {}, label), control);
  });
  const submit = el('button', { type: 'submit' }, spec.submit);
  const form = el('form', { id: spec.id, className: `curator-form ${spec.className ?? ''}`.trim(), noValidate: true }, el('fieldset', {}, el('legend', {}, spec.title), ...rows, ...(spec.extra ?? []), el('div', { className: 'form-actions' }, submit, ...(spec.actions ?? [])), errors));

  const clear = () => {
    errors.hidden = true;
    errors.replaceChildren();
    for (const c of controls.values()) {
      c.removeAttribute('aria-invalid');
      if (c.getAttribute('aria-describedby') === errors.id) c.removeAttribute('aria-describedby');
    }
  };
  const mark = (names: string[]) => {
    const marked = names.map((n) => controls.get(n)).filter((c): c is Control => Boolean(c));
    for (const c of marked) {
      c.setAttribute('aria-invalid', 'true');
      c.setAttribute('aria-describedby', errors.id);
    }
    (marked[0] ?? submit).focus();
  };
  const show = (heading: string, lines: string[], fix: string | null, after: HTMLElement[] = []) => {
    errors.hidden = false;
    errors.replaceChildren(el('p', { className: 'form-errors-heading' }, heading), ...(lines.length ? [el('ul', {}, ...lines.map((l) => el('li', {}, l)))] : []), ...(fix ? [el('p', { className: 'form-errors-fix' }, fix)] : []), ...after);
  };

  form.onsubmit = async (ev) => {
    ev.preventDefault();
    clear();
    const problems = spec.check();
    if (problems.length > 0) {
      show(`Not sent: ${problems.length === 1 ? 'one thing needs' : `${problems.length} things need`} fixing.`, problems.map((p) => p.message), null);
      return mark(problems.map((p) => p.field));
    }
    submit.disabled = true;
    try {
      spec.onSaved(await spec.send());
    } catch (err) {
      explain(err instanceof CuratorError ? err : new CuratorError(String(err), undefined), show, mark, [...controls.keys()]);
    } finally {
      submit.disabled = false;
    }
  };
  return form;
}

/** The server's refusal, with what to do about it. */
function explain(e: CuratorError, show: (heading: string, lines: string[], fix: string | null, after?: HTMLElement[]) => void, mark: (names: string[]) => void, fields: string[]) {
  switch (e.code) {
    case 'CONFLICT':
      show('Not saved: the story changed since this page loaded.', [e.message], 'Reload to see the newer story, then make the change again.', [el('button', { type: 'button', onclick: () => location.reload() }, 'Reload')]);
      return mark([]);
    case 'INVALID_STORY':
      show('Not saved: with this change the story would not pass the seed\'s validation.', e.problems.length ? e.problems : [e.message], 'Correct what each line names and send again; nothing was written.');
      return mark(fieldsNamed(e.problems.join('\n'), fields));
    case 'BAD_USER_INPUT':
      if (/changes nothing/.test(e.message)) {
        show('Nothing saved: the record already says this.', [], 'Change a field first.');
        return mark([]);
      }
      show('Not saved: the server refused a field.', [e.message], 'Correct the marked field and send again; nothing was written.');
      return mark(fieldsNamed(e.message, fields));
    case 'NOT_FOUND':
      show('Not saved: something it names does not exist.', [e.message], 'Check the id: the lists offer the ids the story has.');
      return mark(fieldsNamed(e.message, fields));
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'CURATION_DISABLED':
      if (e.code !== 'CURATION_DISABLED') token.clear();
      show('Not saved: the server did not accept you as curator.', [e.message], e.code === 'CURATION_DISABLED' ? null : 'Reload and enter the curator token again.');
      return mark([]);
    default:
      show('Not saved.', [e.message], 'Try again; if it keeps failing, the server log says why.');
      return mark([]);
  }
}
