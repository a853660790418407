/**
 * Keeps labels from overlapping: the best-connected nodes are labelled first,
 * and a label that would touch one already placed waits until the user zooms
 * in. Greedy over a grid of buckets, so it stays linear on big scenes. Pure.
 */

import { labelScale } from '../../server/layout/readable.js';
export { labelScale };

export interface LabelBox {
  id: string;
  /** Higher goes first (importance, or selected/highlighted). */
  priority: number;
  /** Shown whatever it overlaps: the hubs, the selection, answers and paths. */
  forced?: boolean;
  /** Other places the label may go when its own box is taken (above, right, left of the node). */
  spots?: readonly Omit<LabelBox, 'id' | 'priority' | 'forced' | 'spots'>[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Box = Omit<LabelBox, 'id' | 'priority' | 'forced' | 'spots'>;

/**
 * Where each label can show: the index of the spot it takes (0: its own box,
 * i: spots[i - 1]). In priority order, a label takes the first spot that
 * touches no label placed before it and no node body already processed (its
 * own excepted, and every forced node's body counts from the start), and only
 * while its own body covers no label placed before it (a lesser node never
 * hides a hub's name: it goes unlabelled and is drawn beneath). Forced labels
 * (hubs, the selection, answers, paths) always show, at their freest spot.
 * `bodies` are keyed by the same ids as `boxes`.
 */
export function placeLabelSpots(boxes: readonly LabelBox[], bodies: readonly Omit<LabelBox, 'priority'>[] = [], gap = 2): Map<string, number> {
  const shown = new Map<string, number>();
  const valid = (b: Box) => b.x2 > b.x1 && b.y2 > b.y1 && Number.isFinite(b.x1 + b.x2 + b.y1 + b.y2);
  const usable = boxes.filter(valid);
  if (!usable.length) return shown;
  const cell = Math.max(16, median(usable.map((b) => Math.max(b.x2 - b.x1, b.y2 - b.y1))));
  const labelGrid = new Map<string, Omit<LabelBox, 'priority'>[]>();
  const bodyGrid = new Map<string, Omit<LabelBox, 'priority'>[]>();
  const cells = (b: Box) => {
    const keys: string[] = [];
    for (let i = Math.floor(b.x1 / cell); i <= Math.floor(b.x2 / cell); i++) for (let j = Math.floor(b.y1 / cell); j <= Math.floor(b.y2 / cell); j++) keys.push(`${i},${j}`);
    return keys;
  };
  const put = (grid: Map<string, Omit<LabelBox, 'priority'>[]>, b: Omit<LabelBox, 'priority'>) => {
    for (const k of cells(b)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(b);
  };
  const hits = (grid: Map<string, Omit<LabelBox, 'priority'>[]>, id: string, b: Box) => cells(b).some((k) => grid.get(k)?.some((o) => o.id !== id && overlaps(b, o)));
  const bodyOf = new Map(bodies.map((b) => [b.id, b]));
  const inGrid = new Set<string>();
  for (const box of usable) {
    const body = bodyOf.get(box.id);
    if (box.forced && body) {
      put(bodyGrid, body);
      inGrid.add(box.id);
    }
  }
  const sorted = [...usable].sort((a, b) => Number(Boolean(b.forced)) - Number(Boolean(a.forced)) || b.priority - a.priority || a.id.localeCompare(b.id));
  const pad = (b: Box): Box => ({ x1: b.x1 - gap, y1: b.y1 - gap, x2: b.x2 + gap, y2: b.y2 + gap });
  for (const box of sorted) {
    const body = bodyOf.get(box.id);
    const candidates: Box[] = [box, ...(box.spots ?? []).filter(valid)];
    const coversOthers = body !== undefined && hits(labelGrid, box.id, body);
    let spot = coversOthers && !box.forced ? -1 : candidates.findIndex((c) => !hits(labelGrid, box.id, pad(c)) && !hits(bodyGrid, box.id, pad(c)));
    if (spot < 0 && box.forced) {
      const clearOfLabels = candidates.findIndex((c) => !hits(labelGrid, box.id, pad(c)));
      spot = clearOfLabels < 0 ? 0 : clearOfLabels;
    }
    if (spot >= 0) {
      shown.set(box.id, spot);
      put(labelGrid, { id: box.id, ...candidates[spot]! });
    }
    if (body && !inGrid.has(box.id)) put(bodyGrid, body);
  }
  return shown;
}

/** Ids whose labels can show (placeLabelSpots, whichever spot). */
export function placeLabels(boxes: readonly LabelBox[], bodies: readonly Omit<LabelBox, 'priority'>[] = [], gap = 2): Set<string> {
  return new Set(placeLabelSpots(boxes, bodies, gap).keys());
}

export function overlaps(a: Omit<LabelBox, 'id' | 'priority'>, b: Omit<LabelBox, 'id' | 'priority'>): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}


function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
