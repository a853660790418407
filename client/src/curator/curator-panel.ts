/**
 * Curator mode in the page: a "Curate" button opens a panel that asks for the
 * token once per tab, shows who is curating and the revision, and offers:
 * add an article (pasted or a .txt), its review queue (accept / reject),
 * the article's text where selected words become a quote (evidence-picker),
 * new entities, relations, claims and statements with that quote
 * (record-forms), editing and deleting them (record-editor), merge two
 * entities, undo. Every change is
 * sent with the revision it was made against; a CONFLICT offers to reload.
 * After each change the graph is redrawn by reloading the page (the token
 * and the open panel survive in this tab's sessionStorage).
 */
import './curator.css';
import { curatorCall, CuratorError, token } from './curator-api.js';
import { el, field } from './curator-dom.js';
import { ARTICLE_KEY, evidencePicker } from './evidence-picker.js';
import { recordEditor } from './record-editor.js';
import { newClaimForm, newEntityForm, newRelationForm, newStatementForm, type Curating } from './record-forms.js';

interface Suggestion { id: number; kind: string; label: string; sentence: string }
interface Lists { articles: { id: string; title: string }[]; entities: { edges: { node: { id: string; name: string; kind: string } }[] }; relationTypes: string[] }
const OPEN_KEY = 'curator-open';
// What the forms offer as you type: every article, the first 500 entities (the API's page limit), the relation vocabulary.
const LISTS = '{ articles { id title } entities(first: 500) { edges { node { id name kind } } } relationTypes }';

const datalist = (id: string, options: [value: string, label: string][]) => el('datalist', { id }, ...options.map(([value, label]) => el('option', { value, label })));

export function mountCurator(topbar: HTMLElement) {
  const button = el('button', { type: 'button', id: 'curate-button', className: 'curate-button' }, 'Curate');
  topbar.append(button);
  const panel = el('aside', { id: 'curator-panel', className: 'curator-panel', hidden: true, ariaLabel: 'Curator' });
  document.body.append(panel);
  let revision = 0;
  const status = el('p', { id: 'curator-status', className: 'curator-status', role: 'status' });
  const say = (text: string, conflict = false) => {
    status.replaceChildren(text);
    if (conflict) status.append(' ', el('button', { type: 'button', onclick: () => location.reload() }, 'Reload'));
  };
  const run = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (err) {
      const e = err as CuratorError;
      if (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN') token.clear();
      say(e.code === 'CONFLICT' ? `${e.message}` : `Refused: ${e.message}`, e.code === 'CONFLICT');
      return undefined;
    }
  };
  const saved = (what: string) => {
    sessionStorage.setItem(OPEN_KEY, '1');
    say(`Saved: ${what}`);
    setTimeout(() => location.reload(), 300);
  };

  const render = async () => {
    panel.replaceChildren(el('h2', {}, 'Curate this story'), status);
    if (!token.get()) return renderLogin();
    const me = await run(() => curatorCall<{ curator: { name: string; revision: number } }>('{ curator { name revision } }'));
    if (!me) return renderLogin();
    revision = me.curator.revision;
    panel.append(el('p', { id: 'curator-who' }, `Curating as ${me.curator.name} · revision ${revision}`), addArticleForm(), await queueBox());
    const lists = await run(() => curatorCall<Lists>(LISTS));
    const picker = evidencePicker(lists?.articles ?? []);
    const c: Curating = { revision, picker, saved };
    panel.append(
      datalist('curator-entity-ids', (lists?.entities.edges ?? []).map(({ node }) => [node.id, `${node.name} (${node.kind.toLowerCase()})`])),
      datalist('curator-relation-types', (lists?.relationTypes ?? []).filter((t) => t !== 'SAID').map((t) => [t, t])),
      picker.section,
      el('section', { id: 'new-records' }, el('h3', {}, 'New from the quote'), newEntityForm(c), newRelationForm(c), newClaimForm(c), newStatementForm(c)),
      recordEditor(c),
      mergeBox(),
      undoBox(),
    );
  };

  const renderLogin = () => {
    const input = el('input', { type: 'password', id: 'curator-token', autocomplete: 'off' });
    const form = el('form', { id: 'curator-login' }, field('Curator token', input), el('button', { type: 'submit' }, 'Start curating'));
    form.onsubmit = (ev) => {
      ev.preventDefault();
      token.set(input.value.trim());
      void render();
    };
    panel.append(form);
  };

  const addArticleForm = () => {
    const title = el('input', { id: 'article-title' });
    const source = el('input', { id: 'article-source' });
    const published = el('input', { id: 'article-published', placeholder: 'YYYY-MM-DD' });
    const text = el('textarea', { id: 'article-text', rows: 5 });
    const file = el('input', { type: 'file', accept: '.txt,text/plain', id: 'article-file' });
    file.onchange = async () => {
      const f = file.files?.[0];
      if (f) text.value = await f.text();
    };
    const form = el('form', { id: 'add-article' }, el('h3', {}, 'Add an article'), field('Title', title), field('Outlet', source), field('Published', published), field('Text', text), field('Or a .txt file', file), el('button', { type: 'submit' }, 'Add article'));
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      const added = await run(() => curatorCall<{ addArticle: { id: string } }>('mutation($title: String!, $text: String!, $source: String, $published: String, $revision: Int) { addArticle(title: $title, text: $text, source: $source, published: $published, revision: $revision) { id } }', { title: title.value, text: text.value, source: source.value, published: published.value, revision }));
      if (!added) return;
      sessionStorage.setItem(ARTICLE_KEY, added.addArticle.id);
      await run(() => curatorCall('mutation($a: ID!) { suggest(article: $a) { id } }', { a: added.addArticle.id }));
      saved(`article ${added.addArticle.id}`);
    };
    return form;
  };

  const queueBox = async () => {
    const box = el('section', { id: 'review-queue' }, el('h3', {}, 'Review queue'));
    const data = await run(() => curatorCall<{ suggestions: Suggestion[] }>('{ suggestions { id kind label sentence } }'));
    const items = data?.suggestions ?? [];
    if (items.length === 0) box.append(el('p', { className: 'muted' }, 'Nothing waiting for review.'));
    for (const s of items) {
      const accept = el('button', { type: 'button', className: 'accept' }, 'Accept');
      const reject = el('button', { type: 'button', className: 'reject link' }, 'Reject');
      accept.onclick = async () => {
        const r = await run(() => curatorCall<{ acceptSuggestion: { what: string } }>('mutation($id: Int!, $revision: Int) { acceptSuggestion(id: $id, revision: $revision) { what } }', { id: s.id, revision }));
        if (r) saved(r.acceptSuggestion.what);
      };
      reject.onclick = async () => {
        if (await run(() => curatorCall('mutation($id: Int!) { rejectSuggestion(id: $id) { id } }', { id: s.id }))) void render();
      };
      box.append(el('div', { className: 'suggestion', dataset: { kind: s.kind, id: String(s.id) } }, el('span', {}, `${s.kind.toLowerCase()}: ${s.label}`), accept, reject));
    }
    return box;
  };

  const mergeBox = () => {
    const keep = el('input', { id: 'merge-keep', placeholder: 'entity id to keep', autocomplete: 'off' });
    const remove = el('input', { id: 'merge-remove', placeholder: 'entity id merged into it', autocomplete: 'off' });
    for (const i of [keep, remove]) i.setAttribute('list', 'curator-entity-ids');
    const go = el('button', { type: 'button', id: 'merge' }, 'Merge');
    go.onclick = async () => {
      const r = await run(() => curatorCall<{ mergeEntities: { id: string } }>('mutation($keep: ID!, $remove: ID!, $revision: Int) { mergeEntities(keep: $keep, remove: $remove, revision: $revision) { id } }', { keep: keep.value, remove: remove.value, revision }));
      if (r) saved(`merged ${remove.value} into ${r.mergeEntities.id}`);
    };
    return el('section', { id: 'merge-box' }, el('h3', {}, 'Merge two entities'), field('Keep', keep), field('Merge in', remove), go);
  };

  const undoBox = () => {
    const go = el('button', { type: 'button', id: 'undo-change' }, 'Undo the last change');
    go.onclick = async () => {
      const r = await run(() => curatorCall<{ undo: boolean }>('mutation($revision: Int) { undo(revision: $revision) }', { revision }));
      if (r) r.undo ? saved('undone') : say('Nothing left to undo.');
    };
    return el('section', {}, go);
  };

  const toggle = (open: boolean) => {
    panel.hidden = !open;
    sessionStorage.setItem(OPEN_KEY, open ? '1' : '');
    if (open) void render();
  };
  button.onclick = () => toggle(panel.hidden);
  if (sessionStorage.getItem(OPEN_KEY)) toggle(true);
}
