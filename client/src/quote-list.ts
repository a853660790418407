/**
 * Quotes as the panels show them: each passage verbatim, the hedge beside it
 * ("according to X", "reportedly", "promised ..."), and its article, which
 * opens at that passage.
 */
import { h } from './dom.js';
import { certaintyWords, quoted } from './evidence.js';
import type { ArticleRef, Evidence } from './queries.js';

export interface OpensArticles {
  openArticle(id: string, quote: string | null): void;
}

export function evidenceList(evidence: readonly Evidence[], act: OpensArticles, compact: boolean): HTMLElement {
  return h(
    'ul',
    { class: `evidence${compact ? ' compact' : ''}` },
    evidence.map((ev) => {
      const hedge = certaintyWords(ev.certainty, ev.accordingTo?.name);
      return h('li', { class: hedge ? `hedged ${String(ev.certainty).toLowerCase()}` : null }, h('blockquote', {}, quoted(ev.quote)), h('p', { class: 'cite' }, hedge ? h('span', { class: 'hedge' }, `${hedge} · `) : null, '— ', articleButton(ev.article, ev.quote, act)));
    }),
  );
}

/** A button naming an article ("title (outlet)") that opens it, at `quote` when given. */
export function articleButton(a: ArticleRef, quote: string | null, act: OpensArticles): HTMLElement {
  return h('button', { type: 'button', class: 'article-link', 'data-article': a.id, onclick: () => act.openArticle(a.id, quote), title: 'Open the article' }, shorten(a.title, 90), a.source ? h('span', { class: 'muted' }, ` (${a.source})`) : null);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
