/**
 * Where nodes go without a force layout, and the seed that makes the force
 * layout repeatable. Pure: the same story and the same steps give the same
 * positions, so a copied link redraws the same picture.
 */
import type { Point } from '../url-state.js';

/** A small, fast seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from the ids drawn (order does not matter): the same story lays out the same way. */
export function storySeed(ids: Iterable<string>): number {
  let h = 2166136261;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 44, 16777619);
  }
  return h >>> 0;
}

/**
 * Runs `work` with Math.random replaced by a seeded generator. Layout
 * libraries (fcose) draw their random start from Math.random and run
 * synchronously, so this makes them repeatable without forking them.
 */
export function withSeed<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

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

type Rect = { x1: number; y1: number; x2: number; y2: number };

/**
 * Pushes nodes apart until no protected label (a hub's) overlaps another
 * node's body or another protected label, moving the lesser node (both,
 * half each, when both are protected). Deterministic; at most `rounds`
 * sweeps. Returns the moved positions.
 */
export function clearLabels(items: readonly Footprint[], { gap = 4, rounds = 60 } = {}): Map<string, Point> {
  const at = new Map(items.map((i) => [i.id, { x: i.x, y: i.y }]));
  const body = (i: Footprint): Rect => {
    const p = at.get(i.id)!;
    return { x1: p.x - i.rx, y1: p.y - i.ry, x2: p.x + i.rx, y2: p.y + i.ry };
  };
  const label = (i: Footprint): Rect | null => {
    if (!i.label) return null;
    const p = at.get(i.id)!;
    return { x1: p.x + i.label.dx1, y1: p.y + i.label.dy1, x2: p.x + i.label.dx2, y2: p.y + i.label.dy2 };
  };
  const push = (a: Rect, b: Rect): Point | null => {
    const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
    const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
    if (ox <= -gap || oy <= -gap) return null;
    // Out along the shallower overlap, away from a's centre.
    const dx = (b.x1 + b.x2) / 2 - (a.x1 + a.x2) / 2;
    const dy = (b.y1 + b.y2) / 2 - (a.y1 + a.y2) / 2;
    return ox + gap < oy + gap ? { x: (dx >= 0 ? 1 : -1) * (ox + gap), y: 0 } : { x: 0, y: (dy >= 0 ? 1 : -1) * (oy + gap) };
  };
  const protectedOnes = items.filter((i) => i.label);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const hub of protectedOnes) {
      for (const other of items) {
        if (other.id === hub.id) continue;
        const l = label(hub)!;
        for (const r of [body(other), label(other)]) {
          if (!r) continue;
          const d = push(l, r);
          if (!d) continue;
          const share = other.label && !hub.fixed ? 0.5 : 1;
          if (!other.fixed) {
            const p = at.get(other.id)!;
            at.set(other.id, { x: p.x + d.x * share, y: p.y + d.y * share });
            moved = true;
          }
          if (share < 1 || other.fixed) {
            if (hub.fixed) continue;
            const p = at.get(hub.id)!;
            const s = other.fixed ? 1 : 1 - share;
            at.set(hub.id, { x: p.x - d.x * s, y: p.y - d.y * s });
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  const out = new Map<string, Point>();
  for (const i of items) {
    const p = at.get(i.id)!;
    if (p.x !== i.x || p.y !== i.y) out.set(i.id, p);
  }
  return out;
}
