/**
 * A search box with suggestions as you type (ARIA combobox): names and
 * aliases, diacritics-insensitive, answered by the API's `search`. Used for
 * the main search and for the two ends of a path.
 */
import { ApiError } from './api.js';
import { h, fill, kindSwatch } from './dom.js';
import type { EntityNode } from './queries.js';
import { kindLook } from './style.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  search: (text: string) => Promise<EntityNode[]>;
  onChoose: (entity: EntityNode) => void;
  /** Keep the chosen name in the box (path pickers) or empty it (main search). @default false */
  keepChoice?: boolean;
  /** @default 140 */
  debounceMs?: number;
}

export interface SearchBox {
  /** The entity last chosen while the box still shows its name. */
  chosen(): EntityNode | null;
  set(entity: EntityNode | null): void;
}

export function createSearchBox({ input, list, search, onChoose, keepChoice = false, debounceMs = 140 }: SearchBoxOptions): SearchBox {
  let results: EntityNode[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let chosen: EntityNode | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const show = (items: HTMLElement[]) => {
    fill(list, items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };

  const choose = (entity: EntityNode) => {
    chosen = entity;
    input.value = keepChoice ? entity.name : '';
    close();
    onChoose(entity);
  };

  const render = (text: string) => {
    if (!results.length) {
      show([h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', id: `${list.id}-none` }, `No entity matches “${text}”.`)]);
      return;
    }
    show(
      results.map((e, i) => {
        const look = kindLook(e.kind);
        const alias = matchedAlias(e, text);
        return h(
          'li',
          { id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': e.id, onmousedown: (ev: Event) => ev.preventDefault(), onclick: () => choose(e) },
          kindSwatch(look.shape, look.colour),
          h('span', { class: 'name' }, e.name),
          alias ? h('span', { class: 'alias' }, `also “${alias}”`) : null,
          h('span', { class: 'kind' }, look.label),
        );
      }),
    );
    highlight(0);
  };

  const run = async (text: string) => {
    const mine = ++asked;
    try {
      const found = await search(text);
      if (mine !== asked || input.value.trim() !== text) return;
      results = found;
      render(text);
    } catch (err) {
      if (mine !== asked) return;
      results = [];
      show([h('li', { class: 'empty error', role: 'option', 'aria-disabled': 'true', id: `${list.id}-error` }, err instanceof ApiError ? err.message : 'Search failed.')]);
    }
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      asked++;
      close();
      return;
    }
    timer = setTimeout(() => void run(text), debounceMs);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && results.length) {
      ev.preventDefault();
      if (list.hidden) render(input.value.trim());
      else highlight((active + 1) % results.length);
    } else if (ev.key === 'ArrowUp' && results.length && !list.hidden) {
      ev.preventDefault();
      highlight((active - 1 + results.length) % results.length);
    } else if (ev.key === 'Enter') {
      if (!list.hidden && results[active]) {
        ev.preventDefault();
        choose(results[active]!);
      } else if (input.value.trim() && !chosen) {
        ev.preventDefault();
        clearTimeout(timer);
        void run(input.value.trim());
      }
    } else if (ev.key === 'Escape') {
      if (!list.hidden) {
        ev.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));

  return {
    chosen: () => chosen,
    set(entity) {
      chosen = entity;
      input.value = entity ? entity.name : '';
    },
  };
}

/** The alias the text matched, when it is not the name itself (shows why "Lukashenka" found Lukashenko). */
function matchedAlias(entity: EntityNode, text: string): string | null {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const t = fold(text);
  if (fold(entity.name).includes(t)) return null;
  return entity.aliases.find((a) => fold(a).includes(t)) ?? null;
}
