/**
 * What to change on the canvas to show exactly the wanted elements: which
 * to remove, which to add (nodes before edges) and which to update. Pure:
 * it compares plain data, so drawn nodes keep their place.
 */
import type { GraphElement } from '../elements.js';

export interface ElementDiff {
  remove: string[];
  add: GraphElement[];
  update: GraphElement[];
}

/** Data the view itself keeps up to date (node size follows importance and zoom): never a reason to update. */
const VIEW_OWNED = new Set(['size']);

export function diffElements(drawn: ReadonlyMap<string, Readonly<Record<string, unknown>>>, wanted: readonly GraphElement[]): ElementDiff {
  const ids = new Set(wanted.map((e) => e.data.id));
  const remove = [...drawn.keys()].filter((id) => !ids.has(id));
  const addNodes: GraphElement[] = [];
  const addEdges: GraphElement[] = [];
  const update: GraphElement[] = [];
  for (const e of wanted) {
    const have = drawn.get(e.data.id);
    if (!have) (e.group === 'nodes' ? addNodes : addEdges).push(e);
    else if (!sameData(have, e.data as unknown as Record<string, unknown>)) update.push(e);
  }
  return { remove, add: [...addNodes, ...addEdges], update };
}

export function isEmptyDiff(d: ElementDiff): boolean {
  return !d.remove.length && !d.add.length && !d.update.length;
}

function sameData(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(b)) {
    if (VIEW_OWNED.has(key)) continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}
