/**
 * New nodes of a step go beside the drawn neighbours they hang from (the
 * expanded node first), in rounds: a node reached only through other new
 * nodes is placed after them. Nothing drawn moves.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../url-state.js';
import { placeAround, type FreshNode } from './placement.js';

export interface FreshOptions {
  /** Drawn neighbours a new node should sit beside, best first. */
  anchorsOf?: (id: string) => string[];
  /** Anchors in this order are placed around first (the order of expanding). */
  anchorOrder?: readonly string[];
}

export function placeFreshNodes(cy: Core, ids: readonly string[], o: FreshOptions): void {
  if (!ids.length) return;
  const fresh = new Set(ids);
  const drawn = new Map<string, Point>(cy.nodes().filter((n) => !fresh.has(n.id())).map((n) => [n.id(), { ...(n as unknown as NodeSingular).position() }] as [string, Point]));
  const pending: FreshNode[] = ids.map((id) => {
    const n = cy.getElementById(id) as NodeSingular;
    const given = o.anchorsOf?.(id) ?? [];
    const around = n.neighborhood('node').map((m) => m.id()).sort();
    return { id, anchors: [...given.filter((a) => around.includes(a)), ...around.filter((a) => !given.includes(a))], weight: Number(n.data('degree') ?? 0), size: Number(n.data('size') ?? 30) };
  });
  for (let round = 0; round < 4 && pending.length; round++) {
    const ready = pending.filter((p) => p.anchors.some((a) => drawn.has(a)) || round === 3);
    const placed = placeAround(ready, drawn, { order: o.anchorOrder });
    cy.batch(() => placed.forEach((p, id) => void cy.getElementById(id).position(p)));
    placed.forEach((p, id) => drawn.set(id, p));
    for (const id of placed.keys()) pending.splice(pending.findIndex((p) => p.id === id), 1);
  }
}
