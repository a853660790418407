/**
 * The side panel: tabs (details, answer, path, table) and their content for
 * a view state. Details come through the source cache, so going back to a
 * node asks the server nothing. Focus goes to the heading when the subject
 * changes and stays where it was when the same subject is redrawn.
 */
import { articleView, entityView, relationView, type DetailActions } from './details-panel.js';
import { byId, fill, h } from './dom.js';
import { answerView, pathView, type FindingActions } from './findings-panel.js';
import type { Answer, EntityNode, ExplorerApi, PathFound } from './queries.js';
import type { Scene } from './scene.js';
import { sourceKey, type SourceCache } from './source-cache.js';
import type { Tab, ViewState } from './url-state.js';

export interface PanelDeps {
  api: ExplorerApi;
  cache: SourceCache;
  details: DetailActions;
  findings: FindingActions;
  onTab: (tab: Tab) => void;
  /** The table of the current view (table-view.ts). */
  table: () => Promise<HTMLElement>;
  /** Bulk actions for a multi-selection, when there is one. */
  multi: () => HTMLElement | null;
  describe: (err: unknown) => string;
}

export interface PanelInput {
  state: ViewState;
  scene: Scene;
  names: ReadonlyMap<string, EntityNode>;
}

export interface Panel {
  render(input: PanelInput): Promise<void>;
}

const TAB_LABELS: Record<Tab, string> = { details: 'Details', answer: 'Answer', path: 'Path', table: 'Table' };

export function createPanel(d: PanelDeps): Panel {
  let token = 0;
  let subject = '';
  const body = byId('panel-body');
  const tabsEl = byId('panel-tabs');

  /** The tabs this state offers; the state's tab when it is among them. */
  const tabsFor = (s: ViewState): Tab[] => ['details', ...(s.question ? ['answer' as const] : []), ...(s.path ? ['path' as const] : []), 'table'];

  return {
    async render({ state: s, scene, names }) {
      const mine = ++token;
      const tabs = tabsFor(s);
      const tab = tabs.includes(s.tab) ? s.tab : 'details';
      fill(
        tabsEl,
        h(
          'div',
          { role: 'tablist', 'aria-label': 'Panel', class: 'tab-row' },
          tabs.map((t) =>
            h('button', { type: 'button', role: 'tab', id: `tab-${t}`, 'aria-selected': String(t === tab), 'aria-controls': 'panel-body', class: t === tab ? 'tab active' : 'tab', tabindex: t === tab ? '0' : '-1', onclick: () => d.onTab(t) }, TAB_LABELS[t]),
          ),
        ),
      );
      body.setAttribute('role', 'tabpanel');
      body.setAttribute('aria-labelledby', `tab-${tab}`);
      const key = `${tab}|${s.selection?.id ?? ''}|${s.article?.id ?? ''}|${s.question ?? ''}|${s.path ? `${s.path.from}>${s.path.to}` : ''}`;
      const newSubject = key !== subject;
      subject = key;
      const keep = focusKey(body);
      const show = (...els: (HTMLElement | null)[]) => {
        if (mine !== token) return false;
        fill(body, els);
        const again = keep ? body.querySelector<HTMLElement>(`[data-focus="${CSS.escape(keep)}"]`) : null;
        if (again) again.focus();
        else if (newSubject && (s.selection || s.article || tab !== 'details') && !body.querySelector('.loading')) {
          // A new subject: the reader (and a screen reader) lands on its heading.
          byId('details-title')?.focus({ preventScroll: false });
        }
        return true;
      };
      try {
        const multi = d.multi();
        if (tab === 'table') {
          show(multi, await d.table());
        } else if (tab === 'answer' && s.question) {
          const a = d.cache.peek<Answer>(sourceKey.answer(s.question));
          show(a ? answerView(a, d.findings) : h('p', { class: 'muted loading' }, 'Asking…'));
        } else if (tab === 'path' && s.path) {
          const from = names.get(s.path.from) ?? { id: s.path.from, name: s.path.from };
          const to = names.get(s.path.to) ?? { id: s.path.to, name: s.path.to };
          show(pathView(from, to, d.cache.peek<PathFound | null>(sourceKey.path(s.path.from, s.path.to)) ?? null, d.findings));
        } else if (s.article) {
          const id = s.article.id;
          if (!d.cache.has(sourceKey.article(id))) show(h('p', { class: 'muted loading' }, 'Opening the article…'));
          const a = await d.cache.get(sourceKey.article(id), () => d.api.article(id));
          if (show(a ? articleView(a, s.article.quote, d.details) : h('p', { class: 'error' }, 'That article is not in the graph.'))) document.getElementById('quoted')?.scrollIntoView({ block: 'center' });
        } else if (s.selection?.type === 'node') {
          const id = s.selection.id;
          if (!d.cache.has(sourceKey.entity(id))) show(multi, h('p', { class: 'muted loading' }, 'Loading details…'));
          const e = await d.cache.get(sourceKey.entity(id), () => d.api.entity(id));
          if (!e) return void show(h('p', { class: 'error' }, `No entity “${id}” in the graph.`));
          const neighbours = new Set(e.relations.map((r) => (r.from.id === e.id ? r.to.id : r.from.id)));
          const onCanvas = new Set(scene.subgraph.nodes.map((n) => n.id));
          show(
            multi,
            entityView(
              e,
              {
                onCanvas: onCanvas.has(e.id),
                expanded: s.expanded.some((x) => x.id === e.id),
                more: scene.more.get(e.id) ?? 0,
                cut: scene.cut.has(e.id),
                hiddenNeighbours: [...neighbours].filter((n) => !onCanvas.has(n)).length,
                pinned: e.id in s.positions,
              },
              d.details,
            ),
          );
        } else if (s.selection?.type === 'edge') {
          const id = s.selection.id;
          if (!d.cache.has(sourceKey.relation(id))) show(h('p', { class: 'muted loading' }, 'Loading the evidence…'));
          const r = await d.cache.get(sourceKey.relation(id), () => d.api.relation(id));
          if (!r) return void show(h('p', { class: 'error' }, 'That relation is not in the graph.'));
          // A SAID edge stands for statements: list them with their chain (speaker, channel, who relayed it).
          const said = r.type === 'SAID' ? await d.cache.get(sourceKey.said(r.from.id, r.to.id), () => d.api.saidAbout(r.from.id, r.to.id)) : [];
          show(relationView(r, d.details, said));
        } else {
          show(multi, intro());
        }
      } catch (err) {
        show(h('p', { class: 'error' }, d.describe(err)));
      }
    },
  };
}

/** What identifies the focused control across a redraw (its data-focus, set on buttons that survive one). */
function focusKey(body: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !body.contains(active)) return null;
  return active.dataset.focus ?? null;
}

function intro(): HTMLElement {
  return h(
    'div',
    { class: 'details intro' },
    h('h2', { id: 'details-title', tabindex: '-1' }, 'Explore the story'),
    h('p', {}, 'Every line in this graph comes from a sentence in an article. Click a node or a relation to read what the articles say, with the quotes.'),
    h(
      'ul',
      {},
      h('li', {}, h('strong', {}, 'Search'), ' by any spelling: “Tikhanovskaya”, “Nauseda”, “Lukashenka”.'),
      h('li', {}, h('strong', {}, 'Double-click'), ' a node to expand its neighbourhood; right-click for more. Back and Forward undo and redo.'),
      h('li', {}, h('strong', {}, 'Dashed lines'), ' are reported, attributed or promised, not stated by the article itself; thicker lines are stated by more articles.'),
      h('li', {}, h('strong', {}, 'Table'), ' lists every entity and relation in view, with quotes.'),
      h('li', {}, h('strong', {}, 'Copy link'), ' reopens exactly this view.'),
    ),
  );
}
