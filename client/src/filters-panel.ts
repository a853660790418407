/**
 * The legend doubles as the kind filter (shape and colour per kind, with how
 * many the view holds); below it the relation types in readable words.
 */
import { h, fill, kindSwatch, byId } from './dom.js';
import type { Kind, RelationTypeInfo, Subgraph } from './queries.js';
import { KIND_LOOKS } from './style.js';
import { readableType } from './elements.js';

export interface FiltersPanelOptions {
  onKinds: (hidden: Kind[]) => void;
  onTypes: (hidden: string[]) => void;
}

export interface FiltersPanel {
  render(scene: Pick<Subgraph, 'nodes' | 'edges'>, hiddenKinds: readonly Kind[], hiddenTypes: readonly string[]): void;
  setTypes(types: readonly RelationTypeInfo[]): void;
}

export function createFiltersPanel({ onKinds, onTypes }: FiltersPanelOptions): FiltersPanel {
  const kindList = byId<HTMLUListElement>('kind-filter');
  const typeList = byId<HTMLUListElement>('type-filter');
  let types: readonly RelationTypeInfo[] = [];
  let hiddenKinds: Kind[] = [];
  let hiddenTypes: string[] = [];
  /** The counts and choices the lists show now: a step that changes none of them rebuilds nothing (a focused box keeps focus). */
  let drawn: string | null = null;

  byId('types-all').addEventListener('click', () => onTypes([]));
  byId('types-none').addEventListener('click', () => onTypes(types.map((t) => t.type)));

  const toggle = <T>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return {
    setTypes(next) {
      types = [...next].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      drawn = null;
    },
    render(scene, kinds, hidden) {
      hiddenKinds = [...kinds];
      hiddenTypes = [...hidden];
      const kindCounts = new Map<string, number>();
      for (const n of scene.nodes) kindCounts.set(n.kind, (kindCounts.get(n.kind) ?? 0) + 1);
      const typeCounts = new Map<string, number>();
      for (const e of scene.edges) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
      const key = JSON.stringify([[...kindCounts].sort(), [...typeCounts].sort(), [...hiddenKinds].sort(), [...hiddenTypes].sort()]);
      if (key === drawn) return;
      drawn = key;

      fill(
        kindList,
        KIND_LOOKS.map((look) =>
          h(
            'li',
            {},
            h(
              'label',
              { class: 'check' },
              h('input', { type: 'checkbox', checked: !hiddenKinds.includes(look.kind), 'data-kind': look.kind, onchange: () => onKinds(toggle(hiddenKinds, look.kind)) }),
              kindSwatch(look.shape, look.colour, 16),
              h('span', { class: 'grow' }, look.label),
              h('span', { class: 'count' }, kindCounts.get(look.kind) ?? 0),
            ),
          ),
        ),
      );
      const known = new Set(types.map((t) => t.type));
      const extra = [...typeCounts.keys()].filter((t) => !known.has(t)).map((t) => ({ type: t, label: readableType(t), description: '', count: 0 }));
      fill(
        typeList,
        [...types, ...extra].map((t) =>
          h(
            'li',
            {},
            h(
              'label',
              { class: 'check', title: t.description || t.label },
              h('input', { type: 'checkbox', checked: !hiddenTypes.includes(t.type), 'data-type': t.type, onchange: () => onTypes(toggle(hiddenTypes, t.type)) }),
              h('span', { class: 'grow' }, t.label),
              h('span', { class: 'count' }, typeCounts.get(t.type) ?? 0),
            ),
          ),
        ),
      );
    },
  };
}
