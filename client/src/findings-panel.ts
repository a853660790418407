/**
 * What the question box and the path finder found: the answer with how the
 * question was read, its rows and quotes, and suggestions; the shortest path
 * with its relations in walking order.
 */
import { evidenceList } from './details-panel.js';
import { h, kindSwatch } from './dom.js';
import { pathSteps, readableType } from './elements.js';
import type { Answer, PathFound } from './queries.js';
import { kindLook } from './style.js';

export interface FindingActions {
  selectNode(id: string): void;
  selectEdge(id: string): void;
  openArticle(id: string, quote: string | null): void;
  ask(question: string): void;
  clearAnswer(): void;
  clearPath(): void;
}

export function answerView(a: Answer, act: FindingActions): HTMLElement {
  const i = a.interpretation;
  return h(
    'article',
    { class: 'details answer-view' },
    h('p', { class: 'kind-line' }, h('span', {}, 'Answer'), h('span', { class: 'muted' }, a.understood ? ' · understood' : ' · not understood')),
    h('h2', { tabindex: '-1', id: 'details-title' }, `“${a.question}”`),
    h('p', { class: `answer-text${a.understood ? '' : ' not-understood'}` }, a.text),
    i
      ? h(
          'div',
          { class: 'interpretation' },
          h('h3', {}, 'How the question was read'),
          h(
            'ul',
            {},
            h('li', {}, h('span', { class: 'muted' }, 'Kind of question: '), i.intent),
            i.entities.map((l) => h('li', {}, h('span', { class: 'muted' }, `“${l.matched}” → `), h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(l.entity.id) }, l.entity.name))),
            i.relationTypes.length ? h('li', {}, h('span', { class: 'muted' }, 'About: '), i.relationTypes.map((t) => readableType(t)).join(', ')) : null,
          ),
        )
      : null,
    a.rows.length
      ? h(
          'section',
          { class: 'section' },
          h('h3', {}, `Findings (${a.rows.length})`),
          h(
            'ul',
            { class: 'rows' },
            a.rows.map((r) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { class: 'row-line' },
                  r.subject ? h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(r.subject!.id) }, r.subject.name) : null,
                  r.relation ? h('span', { class: 'rel-label' }, ` ${readableType(r.relation)} `) : null,
                  r.object ? h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(r.object!.id) }, r.object.name) : null,
                ),
                evidenceList(r.evidence, act, true),
              ),
            ),
          ),
        )
      : null,
    a.suggestions.length
      ? h(
          'section',
          { class: 'section' },
          h('h3', {}, a.understood ? 'You could also ask' : 'Questions it can answer'),
          h('ul', { class: 'chips' }, a.suggestions.map((s) => h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => act.ask(s) }, s)))),
        )
      : null,
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => act.clearAnswer() }, 'Clear the answer')),
  );
}

/** The path in walking order, each step with its quotes (they come with the path: one request, drawn once). */
export function pathView(from: { id: string; name: string }, to: { id: string; name: string }, path: PathFound | null, act: FindingActions): HTMLElement {
  const names = new Map(path?.nodes.map((n) => [n.id, n]) ?? []);
  const steps = path ? pathSteps(path, from.id) : [];
  const node = (id: string) => {
    const n = names.get(id);
    if (!n) return h('span', {}, id);
    const look = kindLook(n.kind);
    return h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(id) }, kindSwatch(look.shape, look.colour, 12), n.name);
  };
  return h(
    'article',
    { class: 'details path-view' },
    h('p', { class: 'kind-line' }, h('span', {}, 'Shortest path')),
    h('h2', { tabindex: '-1', id: 'details-title' }, `${from.name} → ${to.name}`),
    !path
      ? h('p', { class: 'not-understood' }, `No path of at most 8 relations links ${from.name} and ${to.name}.`)
      : h(
          'div',
          {},
          h('p', { class: 'muted' }, steps.length === 1 ? 'One relation apart.' : `${steps.length} relations apart.`),
          h(
            'ol',
            { class: 'path-steps' },
            steps.map((s) =>
              h(
                'li',
                {},
                node(s.forward ? s.relation.from.id : s.relation.to.id),
                h('button', { type: 'button', class: 'rel-step', 'data-edge': s.relation.id, onclick: () => act.selectEdge(s.relation.id), title: 'Show the quotes' }, s.forward ? ` —${s.relation.label}→ ` : ` ←${s.relation.label}— `),
                node(s.forward ? s.relation.to.id : s.relation.from.id),
                evidenceList((s.relation as PathFound['edges'][number]).evidence, act, true),
              ),
            ),
          ),
        ),
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => act.clearPath() }, 'Clear the path')),
  );
}
