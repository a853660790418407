/**
 * Keeps labels from overlapping: the best-connected nodes are labelled first,
 * and a label that would touch one already placed waits until the user zooms
 * in. Greedy over a grid of buckets, so it stays linear on big scenes. Pure.
 */

export interface LabelBox {
  id: string;
  /** Higher goes first (degree, or selected/highlighted). */
  priority: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Ids whose labels can show. In priority order, a label is placed when it
 * touches no label placed before it and no node body already processed (its
 * own body excepted); every body is placed whether its label shows or not, so
 * an important label may cover a lesser node but never a more important one.
 * `bodies` are keyed by the same ids as `boxes`.
 */
export function placeLabels(boxes: readonly LabelBox[], bodies: readonly Omit<LabelBox, 'priority'>[] = [], gap = 2): Set<string> {
  const shown = new Set<string>();
  const usable = boxes.filter((b) => b.x2 > b.x1 && b.y2 > b.y1 && Number.isFinite(b.x1 + b.x2 + b.y1 + b.y2));
  if (!usable.length) return shown;
  const cell = Math.max(16, median(usable.map((b) => Math.max(b.x2 - b.x1, b.y2 - b.y1))));
  const grid = new Map<string, Omit<LabelBox, 'priority'>[]>();
  const cells = (b: Omit<LabelBox, 'id' | 'priority'>) => {
    const keys: string[] = [];
    for (let i = Math.floor(b.x1 / cell); i <= Math.floor(b.x2 / cell); i++) for (let j = Math.floor(b.y1 / cell); j <= Math.floor(b.y2 / cell); j++) keys.push(`${i},${j}`);
    return keys;
  };
  const put = (b: Omit<LabelBox, 'priority'>) => {
    for (const k of cells(b)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(b);
  };
  const bodyOf = new Map(bodies.map((b) => [b.id, b]));
  const sorted = [...usable].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const box of sorted) {
    const padded = { x1: box.x1 - gap, y1: box.y1 - gap, x2: box.x2 + gap, y2: box.y2 + gap };
    const clash = cells(padded).some((k) => grid.get(k)?.some((o) => o.id !== box.id && overlaps(padded, o)));
    if (!clash) {
      shown.add(box.id);
      put(box);
    }
    const body = bodyOf.get(box.id);
    if (body) put(body);
  }
  return shown;
}

export function overlaps(a: Omit<LabelBox, 'id' | 'priority'>, b: Omit<LabelBox, 'id' | 'priority'>): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * How much to grow label fonts at this zoom so a 12 px label still renders at
 * about `screenPx`, never shrinking below the stylesheet's size.
 */
export function labelScale(zoom: number, { screenPx = 11, min = 1, max = 3.6 } = {}): number {
  if (!(zoom > 0)) return 1;
  return Math.min(max, Math.max(min, screenPx / 12 / zoom));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
