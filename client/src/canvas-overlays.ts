/**
 * Things drawn over the canvas: the clear-highlight chip while a path or an
 * answer is lit, the hover tooltip, and the context menu (expand, expand by
 * relation type, hide, pin, path from or to here), usable by keyboard.
 */
import type { Actions } from './actions.js';
import { byId, fill, h } from './dom.js';
import type { Explorer } from './explorer.js';
import type { Subgraph } from './queries.js';
import { kindLook } from './style.js';
import type { Point } from './url-state.js';
import { certaintyWords } from './evidence.js';

export function createCanvasOverlays(x: Explorer, act: Actions) {
  const chip = byId('result-chip');
  const tip = byId('tooltip');
  const menu = byId('context-menu');
  let menuReturn: HTMLElement | null = null;

  const closeMenu = () => {
    if (menu.hidden) return;
    menu.hidden = true;
    fill(menu);
    (menuReturn ?? byId('graph')).focus();
  };
  document.addEventListener('pointerdown', (ev) => {
    if (!menu.hidden && !menu.contains(ev.target as Node)) closeMenu();
  });
  menu.addEventListener('keydown', (ev) => {
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      items[(i + (ev.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      closeMenu();
    }
  });

  const place = (el: HTMLElement, at: Point) => {
    const box = el.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(window.innerWidth - box.width - 4, at.x + 12))}px`;
    el.style.top = `${Math.max(4, Math.min(window.innerHeight - box.height - 4, at.y + 12))}px`;
  };

  const item = (label: string, run: () => void, attrs: Record<string, string> = {}) =>
    h('button', { type: 'button', role: 'menuitem', tabindex: '-1', ...attrs, onclick: () => (closeMenu(), run()) }, label);

  /** Relation types around a node, with how many neighbours each would bring. */
  const typesAround = (g: Subgraph, id: string) => {
    const counts = new Map<string, { label: string; ids: Set<string> }>();
    for (const e of g.edges) {
      if (e.from.id !== id && e.to.id !== id) continue;
      const other = e.from.id === id ? e.to.id : e.from.id;
      const c = counts.get(e.type) ?? counts.set(e.type, { label: e.label, ids: new Set() }).get(e.type)!;
      c.ids.add(other);
    }
    return [...counts].sort((a, b) => b[1].ids.size - a[1].ids.size || a[0].localeCompare(b[0]));
  };

  return {
    closeMenu,
    /** The chip that clears a lit path or answer. */
    resultChip(path: boolean, answer: boolean) {
      const on = path || answer;
      chip.hidden = !on;
      if (on) fill(chip, h('button', { type: 'button', class: 'chip-button', onclick: () => act.clearResults(), 'aria-label': `Clear the highlighted ${path && answer ? 'path and answer' : path ? 'path' : 'answer'}` }, `${path && answer ? 'Path and answer' : path ? 'Path' : 'Answer'} highlighted`, h('span', { 'aria-hidden': 'true' }, ' ✕')));
    },
    tooltip(id: string | null, at: Point) {
      if (!id || !menu.hidden) return void (tip.hidden = true);
      const el = x.view.cy.getElementById(id);
      if (el.empty()) return void (tip.hidden = true);
      if (el.isNode()) {
        const look = kindLook(el.data('kind'));
        fill(tip, h('strong', {}, el.data('name')), h('span', { class: 'muted' }, ` · ${look.label}${el.data('date') ? ` · ${el.data('date')}` : ''} · ${el.data('degree')} relations`));
      } else {
        const edge = el as unknown as import('cytoscape').EdgeSingular;
        const [from, to] = [edge.source().data('name'), edge.target().data('name')];
        const hedge = certaintyWords(edge.data('certainty'));
        fill(tip, h('strong', {}, `${from} `), h('em', {}, edge.data('label')), h('strong', {}, ` ${to}`), h('span', { class: 'muted' }, ` · ${edge.data('sources')} source${edge.data('sources') === 1 ? '' : 's'}${hedge ? ` · ${hedge}` : ''}`));
      }
      tip.hidden = false;
      place(tip, at);
    },
    async contextMenu(id: string, at: Point) {
      tip.hidden = true;
      const el = x.view.cy.getElementById(id);
      if (el.empty()) return;
      menuReturn = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      const items: HTMLElement[] = [];
      if (el.isNode()) {
        const entity = x.names.get(id) ?? { id, name: String(el.data('name')), kind: el.data('kind'), aliases: [], degree: Number(el.data('degree')), date: el.data('date') };
        const pinned = id in x.state.positions;
        items.push(item('Expand', () => void act.expand(id), { 'data-action': 'expand' }));
        const g = await x.neighbourhood(id).catch(() => null);
        if (g) {
          for (const [type, { label, ids }] of typesAround(g, id).slice(0, 8)) {
            items.push(item(`Expand “${label}” (${Math.min(ids.size, 25)}${ids.size > 25 ? ` of ${ids.size}` : ''})`, () => void act.expandType(id, type), { 'data-action': 'expand-type', 'data-type': type }));
          }
        }
        items.push(item('Hide', () => act.hide([id]), { 'data-action': 'hide' }));
        items.push(item(pinned ? 'Unpin' : 'Pin here', () => act.pin(id, !pinned), { 'data-action': 'pin' }));
        items.push(item('Path from here', () => act.pathFrom(entity), { 'data-action': 'path-from' }));
        items.push(item('Path to here', () => act.pathTo(entity), { 'data-action': 'path-to' }));
        items.push(item('Focus on this', () => act.focus(id), { 'data-action': 'focus' }));
      } else {
        items.push(item('Show the quotes', () => act.selectEdge(id), { 'data-action': 'quotes' }));
      }
      fill(menu, h('p', { class: 'menu-title' }, String(el.data('name') ?? el.data('label'))), items);
      menu.setAttribute('aria-label', `Actions for ${String(el.data('name') ?? el.data('label'))}`);
      menu.hidden = false;
      place(menu, at);
      items[0]?.focus();
    },
  };
}
