/**
 * Curator mode in the page: a "Curate" button opens a panel that asks for the
 * token once per tab, shows who is curating and the revision, and offers:
 * add an article (pasted or a .txt), its review queue (accept / reject),
 * the article's text where selected words become a quote, create an entity
 * or a relation with that quote, merge two entities, undo. Every change is
 * sent with the revision it was made against; a CONFLICT offers to reload.
 * After each change the graph is redrawn by reloading the page (the token
 * and the open panel survive in this tab's sessionStorage).
 */
import './curator.css';
import { curatorCall, CuratorError, token } from './curator-api.js';
import { el, field, highlighted, select } from './curator-dom.js';

interface Suggestion { id: number; kind: string; label: string; sentence: string }
const OPEN_KEY = 'curator-open';
const ARTICLE_KEY = 'curator-article';
const KINDS = ['PERSON', 'ORGANISATION', 'PLACE', 'COUNTRY', 'EVENT'];
const CERTAINTIES = ['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED'];

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
    panel.append(el('p', { id: 'curator-who' }, `Curating as ${me.curator.name} · revision ${revision}`), addArticleForm(), await queueBox(), quoteBox(), mergeBox(), undoBox());
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
    const form = el('form', { id: 'add-article' }, el('h3', {}, 'Add an article'), field('Title', title), field('Outlet', source), field('Published', published), field('Text', text), file, el('button', { type: 'submit' }, 'Add article'));
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

  const quoteBox = () => {
    const articleId = el('input', { id: 'quote-article', value: sessionStorage.getItem(ARTICLE_KEY) ?? '' });
    const text = el('div', { id: 'quote-text', className: 'quote-text' });
    const quote = el('textarea', { id: 'quote', rows: 2 });
    const show = el('button', { type: 'button' }, 'Show article');
    show.onclick = async () => {
      const r = await run(() => curatorCall<{ article: { text: string; entities: { name: string; aliases: string[] }[] } | null }>('query($id: ID!) { article(id: $id) { text entities { name aliases } } }', { id: articleId.value }));
      if (!r?.article) return void (text.textContent = 'No such article.');
      text.replaceChildren(...highlighted(r.article.text, r.article.entities.flatMap((e) => [e.name, ...e.aliases])));
    };
    const use = el('button', { type: 'button', id: 'use-selection' }, 'Use selected words as the quote');
    use.onclick = () => {
      quote.value = window.getSelection()?.toString().trim() ?? '';
    };
    const evidence = (certainty = 'STATED', accordingTo = '') => [{ article: articleId.value, quote: quote.value, certainty, ...(accordingTo ? { accordingTo } : {}) }];
    const name = el('input', { id: 'entity-name' });
    const kind = select('entity-kind', KINDS);
    const createEntity = el('button', { type: 'button', id: 'create-entity' }, 'Create entity');
    createEntity.onclick = async () => {
      const r = await run(() => curatorCall<{ createEntity: { id: string } }>('mutation($kind: EntityKind!, $name: String!, $evidence: [EvidenceInput!]!, $revision: Int) { createEntity(kind: $kind, name: $name, evidence: $evidence, revision: $revision) { id } }', { kind: kind.value, name: name.value, evidence: evidence(), revision }));
      if (r) saved(`entity ${r.createEntity.id}`);
    };
    const from = el('input', { id: 'relation-from', placeholder: 'entity id' });
    const type = el('input', { id: 'relation-type', placeholder: 'MET' });
    const to = el('input', { id: 'relation-to', placeholder: 'entity id' });
    const certainty = select('relation-certainty', CERTAINTIES);
    const according = el('input', { id: 'relation-according-to', placeholder: 'entity id (ATTRIBUTED)' });
    const createRelation = el('button', { type: 'button', id: 'create-relation' }, 'Create relation');
    createRelation.onclick = async () => {
      const r = await run(() => curatorCall<{ createRelation: { id: string } }>('mutation($from: ID!, $type: String!, $to: ID!, $evidence: [EvidenceInput!]!, $revision: Int) { createRelation(from: $from, type: $type, to: $to, evidence: $evidence, revision: $revision) { id } }', { from: from.value, type: type.value, to: to.value, evidence: evidence(certainty.value, according.value), revision }));
      if (r) saved(`relation ${r.createRelation.id}`);
    };
    return el('section', { id: 'quote-box' }, el('h3', {}, 'From a quote'), field('Article id', articleId), show, text, use, field('Quote', quote),
      el('fieldset', {}, el('legend', {}, 'New entity'), field('Name', name), field('Kind', kind), createEntity),
      el('fieldset', {}, el('legend', {}, 'New relation'), field('From', from), field('Type', type), field('To', to), field('Certainty', certainty), field('According to', according), createRelation));
  };

  const mergeBox = () => {
    const keep = el('input', { id: 'merge-keep', placeholder: 'entity id to keep' });
    const remove = el('input', { id: 'merge-remove', placeholder: 'entity id merged into it' });
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
