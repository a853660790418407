/**
 * Where nodes go without a force layout, and the seed that makes the force
 * layout repeatable. Pure: the same story and the same steps give the same
 * positions, so a copied link redraws the same picture.
 */
import type { Point } from '../url-state.js';
import { seededRandom, storySeed, withSeed } from '../../../server/layout/readable.js';
export { seededRandom, storySeed, withSeed };

export interface FreshNode {
  id: string;
  /** Drawn neighbours it may sit beside, best first (the expanded node first). */
  anchors: readonly string[];
  /** Bigger goes nearer its anchor. */
  weight: number;
  /** Diameter in model pixels. */
  size: number;
}

/**
 * Places new nodes around a drawn neighbour (the node that was expanded, when
 * there is one) on rings that avoid every drawn node, without moving any of
 * them. Nodes with no drawn neighbour go in a row beside the drawing.
 */
export function placeAround(fresh: readonly FreshNode[], drawn: ReadonlyMap<string, Point>, { spacing = 70, order = [] as readonly string[] } = {}): Map<string, Point> {
  const placed = new Map<string, Point>();
  const taken: Point[] = [...drawn.values()];
  const free = (p: Point, gap: number) => taken.every((q) => (q.x - p.x) ** 2 + (q.y - p.y) ** 2 >= gap * gap);
  const groups = new Map<string, FreshNode[]>();
  const loose: FreshNode[] = [];
  for (const n of fresh) {
    const anchor = n.anchors.find((a) => drawn.has(a));
    if (anchor) (groups.get(anchor) ?? groups.set(anchor, []).get(anchor)!).push(n);
    else loose.push(n);
  }
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
  const anchors = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const anchor of anchors) {
    const members = groups.get(anchor)!;
    const centre = drawn.get(anchor)!;
    const order = [...members].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    let ring = 1;
    let slot = 0;
    for (const n of order) {
      const gap = Math.max(spacing * 0.8, n.size + 24);
      // Walk the rings outwards until a free spot turns up; ring r holds about 6r spots.
      for (let tries = 0; tries < 400; tries++) {
        const slots = 6 * ring;
        const angle = (slot / slots) * Math.PI * 2 + ring * 0.5;
        const p = { x: centre.x + Math.cos(angle) * spacing * ring * 1.2, y: centre.y + Math.sin(angle) * spacing * ring * 1.2 };
        slot++;
        if (slot >= slots) {
          slot = 0;
          ring++;
        }
        if (free(p, gap) || tries === 399) {
          placed.set(n.id, p);
          taken.push(p);
          break;
        }
      }
    }
  }
  if (loose.length) {
    const xs = taken.map((p) => p.x);
    const ys = taken.map((p) => p.y);
    const right = xs.length ? Math.max(...xs) + spacing * 1.5 : 0;
    const top = ys.length ? Math.min(...ys) : 0;
    [...loose]
      .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))
      .forEach((n, i) => {
        const p = { x: right + Math.floor(i / 8) * spacing * 1.5, y: top + (i % 8) * spacing };
        placed.set(n.id, p);
        taken.push(p);
      });
  }
  return placed;
}

export interface Footprint {
  id: string;
  x: number;
  y: number;
  /** Half width and half height of the node body. */
  rx: number;
  ry: number;
  /** The label's box relative to the node centre, for labels that must stay clear (hubs). */
  label?: { dx1: number; dy1: number; dx2: number; dy2: number };
  /** Pinned by the user: never moved. */
  fixed?: boolean;
}

/**
 * Pushes nodes apart until no protected label (a hub's) overlaps another
 * node's body or another protected label, moving the lesser node (both,
 * half each, when both are protected). Deterministic; at most `rounds`
 * sweeps. Returns the moved positions.
 *
 * Runs on a first drawing between the layout and the first frame, so it
 * allocates nothing per comparison: positions live in two arrays (one slot
 * per id), rectangles in locals. The arithmetic, and its order, are those of
 * the plain version in tests/unit/client-graph.test.ts, which it must match.
 */
export function clearLabels(items: readonly Footprint[], { gap = 4, rounds = 60 } = {}): Map<string, Point> {
  // One position per id, as a map by id would hold it.
  const slotOf = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  for (const i of items) {
    const slot = slotOf.get(i.id);
    if (slot === undefined) {
      slotOf.set(i.id, xs.length);
      xs.push(i.x);
      ys.push(i.y);
    } else {
      xs[slot] = i.x;
      ys[slot] = i.y;
    }
  }
  const slots = items.map((i) => slotOf.get(i.id)!);
  const protectedOnes = items.map((_, k) => k).filter((k) => items[k]!.label);
  // Moves `a` (or `b`) off the overlap of rectangles a and b, as the plain version's push; false when they are apart.
  let dx = 0;
  let dy = 0;
  const push = (ax1: number, ay1: number, ax2: number, ay2: number, bx1: number, by1: number, bx2: number, by2: number): boolean => {
    const ox = Math.min(ax2, bx2) - Math.max(ax1, bx1);
    const oy = Math.min(ay2, by2) - Math.max(ay1, by1);
    if (ox <= -gap || oy <= -gap) return false;
    const cx = (bx1 + bx2) / 2 - (ax1 + ax2) / 2;
    const cy = (by1 + by2) / 2 - (ay1 + ay2) / 2;
    if (ox + gap < oy + gap) {
      dx = (cx >= 0 ? 1 : -1) * (ox + gap);
      dy = 0;
    } else {
      dx = 0;
      dy = (cy >= 0 ? 1 : -1) * (oy + gap);
    }
    return true;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const h of protectedOnes) {
      const hub = items[h]!;
      const hl = hub.label!;
      const hs = slots[h]!;
      for (let o = 0; o < items.length; o++) {
        const other = items[o]!;
        if (other.id === hub.id) continue;
        const os = slots[o]!;
        // The hub's label, the other's body and label, all where they are before this pair moves anything.
        const lx1 = xs[hs]! + hl.dx1;
        const ly1 = ys[hs]! + hl.dy1;
        const lx2 = xs[hs]! + hl.dx2;
        const ly2 = ys[hs]! + hl.dy2;
        const ox = xs[os]!;
        const oy = ys[os]!;
        const ol = other.label;
        for (let r = 0; r < (ol ? 2 : 1); r++) {
          const hit = r === 0 ? push(lx1, ly1, lx2, ly2, ox - other.rx, oy - other.ry, ox + other.rx, oy + other.ry) : push(lx1, ly1, lx2, ly2, ox + ol!.dx1, oy + ol!.dy1, ox + ol!.dx2, oy + ol!.dy2);
          if (!hit) continue;
          const share = ol && !hub.fixed ? 0.5 : 1;
          if (!other.fixed) {
            xs[os] = xs[os]! + dx * share;
            ys[os] = ys[os]! + dy * share;
            moved = true;
          }
          if (share < 1 || other.fixed) {
            if (hub.fixed) continue;
            const s = other.fixed ? 1 : 1 - share;
            xs[hs] = xs[hs]! - dx * s;
            ys[hs] = ys[hs]! - dy * s;
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  const out = new Map<string, Point>();
  items.forEach((i, k) => {
    const x = xs[slots[k]!]!;
    const y = ys[slots[k]!]!;
    if (x !== i.x || y !== i.y) out.set(i.id, { x, y });
  });
  return out;
}
