/**
 * The quote every new fact is backed by: choose an article, read its text
 * (known names marked), select words with the mouse (or pick a whole sentence
 * from a list, with the keyboard) and say how the article supports the fact
 * (certainty, and whom it cites). Every create and "replace evidence" form
 * reads it from here. Kept in this tab's sessionStorage, so it survives the
 * reload after each save.
 */
import { curatorCall } from './curator-api.js';
import { el, field, highlighted, select } from './curator-dom.js';
import { CERTAINTIES, evidence, sentencesOf, type EvidenceDraft, type Problem } from './form-checks.js';

const KEY = 'curator-evidence';
export const ARTICLE_KEY = 'curator-article';

export interface EvidenceInput {
  article: string;
  quote: string;
  certainty: string;
  accordingTo?: string;
}

export interface EvidencePicker {
  section: HTMLElement;
  /** The picked evidence as the mutations take it. */
  input: () => EvidenceInput;
  check: () => Problem[];
  controls: { article: HTMLSelectElement; quote: HTMLTextAreaElement; certainty: HTMLSelectElement; accordingTo: HTMLInputElement };
  /** The words selected in the article text, if any (for an alias or a statement's words). */
  selection: () => string;
  /** The shown article's text; null until it is shown. */
  articleText: () => string | null;
}

export function evidencePicker(articles: { id: string; title: string }[]): EvidencePicker {
  const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<EvidenceDraft>;
  const article = el('select', { id: 'quote-article' }, el('option', { value: '' }, 'choose an article'), ...articles.map((a) => el('option', { value: a.id }, `${a.title} (${a.id})`)));
  article.value = sessionStorage.getItem(ARTICLE_KEY) ?? saved.article ?? '';
  const quote = el('textarea', { id: 'quote', rows: 3, value: saved.quote ?? '' });
  const certainty = select('quote-certainty', CERTAINTIES);
  certainty.value = saved.certainty ?? 'STATED';
  const accordingTo = el('input', { id: 'quote-according-to', placeholder: 'entity id, with ATTRIBUTED', value: saved.accordingTo ?? '' });
  accordingTo.setAttribute('list', 'curator-entity-ids');
  const text = el('div', { id: 'quote-text', className: 'quote-text', tabIndex: 0, ariaLabel: 'Article text: select words to quote' });
  const sentences = el('select', { id: 'quote-sentence', disabled: true }, el('option', { value: '' }, 'show the article first'));
  let articleText: string | null = null;
  let shown = 0; // only the newest load draws: choosing articles quickly must not leave an older one's text

  const remember = () => {
    sessionStorage.setItem(KEY, JSON.stringify({ article: article.value, quote: quote.value, certainty: certainty.value, accordingTo: accordingTo.value }));
    sessionStorage.setItem(ARTICLE_KEY, article.value);
  };
  for (const c of [article, quote, certainty, accordingTo]) c.addEventListener('change', remember);

  const show = el('button', { type: 'button', id: 'show-article' }, 'Show article');
  const load = async () => {
    const mine = ++shown;
    articleText = null;
    delete text.dataset.article;
    if (!article.value) return void text.replaceChildren('Choose an article first.');
    const r = await curatorCall<{ article: { text: string; entities: { name: string; aliases: string[] }[] } | null }>('query($id: ID!) { article(id: $id) { text entities { name aliases } } }', { id: article.value }).catch((err: Error) => {
      text.replaceChildren(`Could not read the article: ${err.message}`);
      return null;
    });
    if (mine !== shown || !r) return;
    if (!r.article) return void text.replaceChildren('No such article.');
    articleText = r.article.text;
    text.dataset.article = article.value;
    text.replaceChildren(...highlighted(r.article.text, r.article.entities.flatMap((e) => [e.name, ...e.aliases])));
    sentences.replaceChildren(el('option', { value: '' }, 'pick a sentence as the quote'), ...sentencesOf(r.article.text).map((s) => el('option', { value: s }, s.length > 110 ? `${s.slice(0, 107)}...` : s)));
    sentences.disabled = false;
  };
  show.onclick = () => void load();
  article.addEventListener('change', () => void load());
  sentences.onchange = () => {
    if (!sentences.value) return;
    quote.value = sentences.value;
    remember();
  };
  const selection = () => {
    const sel = window.getSelection();
    return sel && text.contains(sel.anchorNode) ? sel.toString().replace(/\s+/g, ' ').trim() : '';
  };
  const use = el('button', { type: 'button', id: 'use-selection' }, 'Use selected words as the quote');
  use.onclick = () => {
    quote.value = selection() || (window.getSelection()?.toString().trim() ?? '');
    remember();
  };

  const section = el('section', { id: 'quote-box' }, el('h3', {}, 'The quote'),
    el('p', { className: 'muted' }, 'Every new fact cites words of an article. Select them in the text, or pick a sentence.'),
    field('Article', article), show, text, use, field('Sentence', sentences), field('Quote', quote), field('Certainty', certainty), field('According to', accordingTo));
  if (article.value) void load();
  return {
    section,
    controls: { article, quote, certainty, accordingTo },
    selection,
    articleText: () => articleText,
    input: () => ({ article: article.value, quote: quote.value.trim(), certainty: certainty.value, ...(accordingTo.value.trim() ? { accordingTo: accordingTo.value.trim() } : {}) }),
    check: () => evidence({ article: article.value, quote: quote.value, certainty: certainty.value, accordingTo: accordingTo.value }, articleText),
  };
}
