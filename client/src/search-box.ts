/**
 * A search box with suggestions as you type (ARIA combobox): names and
 * aliases, diacritics-insensitive, answered by the API's `search`; then,
 * when given `passages`, the sentences of the articles that hold the words
 * (the API's full-text `passages`), each with the entity it is most about.
 * One list, names first, walked with the arrow keys. Used for the main
 * search (names and sentences) and for the two ends of a path (names).
 */
import { ApiError } from './api.js';
import { h, fill, kindSwatch } from './dom.js';
import type { EntityNode, PassageHit } from './queries.js';
import { kindLook } from './style.js';

type Item = { entity: EntityNode; passage?: undefined } | { passage: PassageHit; entity?: undefined };

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  search: (text: string) => Promise<EntityNode[]>;
  onChoose: (entity: EntityNode) => void;
  /** Sentences holding the words, shown after the names. @default none */
  passages?: (text: string) => Promise<PassageHit[]>;
  /** A sentence chosen: open its article there and select what it mentions. */
  onChoosePassage?: (passage: PassageHit) => void;
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

export function createSearchBox({ input, list, search, onChoose, passages, onChoosePassage, keepChoice = false, debounceMs = 140 }: SearchBoxOptions): SearchBox {
  let results: Item[] = [];
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

  const choose = (item: Item) => {
    if (item.passage) {
      chosen = null;
      input.value = '';
      close();
      onChoosePassage?.(item.passage);
      return;
    }
    chosen = item.entity;
    input.value = keepChoice ? item.entity.name : '';
    close();
    onChoose(item.entity);
  };

  const render = (text: string) => {
    if (!results.length) {
      show([h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', id: `${list.id}-none` }, `No entity matches “${text}”.${passages ? ' No sentence of the articles holds those words.' : ''}`)]);
      return;
    }
    const firstPassage = results.findIndex((r) => r.passage);
    show(
      results.map((item, i) => {
        const attrs = { id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false', onmousedown: (ev: Event) => ev.preventDefault(), onclick: () => choose(item) };
        if (item.passage) return passageOption(item.passage, { ...attrs, class: i === firstPassage ? 'passage first-passage' : 'passage', 'data-passage': item.passage.id });
        const e = item.entity;
        const look = kindLook(e.kind);
        const alias = matchedAlias(e, text);
        return h(
          'li',
          { ...attrs, 'data-id': e.id },
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
      // Sentences are a second thought: a failure there (an older API) leaves the names.
      const [names, sentences] = await Promise.all([search(text), passages ? passages(text).catch(() => []) : Promise.resolve([])]);
      if (mine !== asked || input.value.trim() !== text) return;
      results = [...names.map((entity) => ({ entity })), ...sentences.filter((p) => p.entities.length).map((passage) => ({ passage }))];
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

/**
 * A sentence as an option: the words, the query's words marked, the article
 * it is from and the entity it is most about (the one chosen opens).
 */
function passageOption(p: PassageHit, attrs: Parameters<typeof h>[1]): HTMLLIElement {
  const main = p.entities[0]!;
  const look = kindLook(main.kind);
  return h(
    'li',
    attrs,
    h('span', { class: 'passage-text' }, '“', ...marked(shortAround(p.text, p.matched), p.matched), '”'),
    h('span', { class: 'passage-source' }, kindSwatch(look.shape, look.colour, 12), h('span', { class: 'name' }, main.name), ` · ${p.article.title}`),
  );
}

/** At most about 160 characters of a sentence, around its first matched word. */
function shortAround(text: string, words: readonly string[]): string {
  const MAX = 160;
  if (text.length <= MAX) return text;
  const at = Math.max(0, Math.min(...words.map((w) => foldText(text).indexOf(w)).filter((i) => i >= 0), text.length));
  const start = Math.max(0, Math.min(at - 40, text.length - MAX));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + MAX).trim()}${start + MAX < text.length ? '…' : ''}`;
}

/** The text with the words that begin with a matched word in <mark>. */
function marked(text: string, words: readonly string[]): (string | HTMLElement)[] {
  const wanted = words.filter((w) => w.length >= 3);
  return text.split(/(\p{L}[\p{L}\p{M}'’-]*)/u).map((part, i) => (i % 2 === 1 && wanted.some((w) => foldText(part).startsWith(w.slice(0, Math.max(4, w.length - 3)))) ? h('mark', {}, part) : part));
}

function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The alias the text matched, when it is not the name itself (shows why "Lukashenka" found Lukashenko). */
function matchedAlias(entity: EntityNode, text: string): string | null {
  const t = foldText(text);
  if (foldText(entity.name).includes(t)) return null;
  return entity.aliases.find((a) => foldText(a).includes(t)) ?? null;
}
