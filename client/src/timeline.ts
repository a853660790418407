/**
 * The timeline of events (query `timeline`): a proportional axis of the whole
 * story with a draggable brush (two handles, also moved by keyboard, event by
 * event), and below it the events of the brushed window, placed by date in
 * lanes so names do not collide. It opens on the latest events; "Show only
 * these dates" turns the brush into the graph's date filter.
 */
import { byId, fill, h } from './dom.js';
import { inRange } from './filters.js';
import type { EntityNode } from './queries.js';
import { dayOf, fullSpan, isoDay, lanes, latestWindow, position, stepTo, type Span } from './timeline-axis.js';

export interface TimelineOptions {
  onRange: (range: { from: string; to: string } | null) => void;
  onPick: (event: EntityNode) => void;
}

export interface Timeline {
  setEvents(events: readonly EntityNode[]): void;
  render(range: { from: string; to: string } | null, selectedId: string | null, onCanvas: ReadonlySet<string>): void;
  showError(message: string): void;
}

const LABEL_PX = 118;

export function createTimeline({ onRange, onPick }: TimelineOptions): Timeline {
  const axis = byId('timeline-axis');
  const track = byId<HTMLOListElement>('timeline-track');
  const summary = byId('range-summary');
  const filter = byId<HTMLInputElement>('range-filter');
  let events: EntityNode[] = [];
  let full: Span = { from: 0, to: 1 };
  let window: Span = full;
  let last: Parameters<Timeline['render']> = [null, null, new Set()];
  /** What the track shows now, as render() last drew it (null after any other drawing): a step that changes none of it redraws nothing. */
  let drawn: string | null = null;
  let version = 0;

  const brush = h('div', { class: 'brush' });
  const handle = (which: 'from' | 'to') =>
    h('div', { class: `handle ${which}`, id: `brush-${which}`, role: 'slider', tabindex: '0', 'aria-label': which === 'from' ? 'Timeline window starts' : 'Timeline window ends' });
  const from = handle('from');
  const to = handle('to');
  const band = h('div', { class: 'band', 'aria-hidden': 'true' });
  brush.append(band, from, to);
  // The brush stays in the page across redraws, so a focused handle keeps focus.
  const scale = h('div', { class: 'scale', 'aria-hidden': 'true' });
  axis.replaceChildren(scale, brush);

  const emit = () => {
    if (filter.checked) onRange({ from: isoDay(window.from), to: isoDay(window.to) });
    else draw();
  };
  const setWindow = (next: Span, commit = false) => {
    const width = Math.max(1, next.to - next.from);
    const a = Math.max(full.from, Math.min(next.from, full.to - 1));
    const b = Math.min(full.to, Math.max(next.to, a + 1));
    window = b - a < width && next.from < full.from ? { from: full.from, to: full.from + width } : { from: a, to: b };
    if (commit) emit();
    else draw();
  };

  // Dragging: a handle moves its edge, the band moves both.
  const drag = (el: HTMLElement, mode: 'from' | 'to' | 'both') =>
    el.addEventListener('pointerdown', (ev: PointerEvent) => {
      ev.preventDefault();
      const box = axis.getBoundingClientRect();
      const start = { x: ev.clientX, window: { ...window } };
      const perPx = (full.to - full.from) / Math.max(1, box.width);
      const move = (e: PointerEvent) => {
        const dd = Math.round((e.clientX - start.x) * perPx);
        if (mode === 'both') setWindow({ from: start.window.from + dd, to: start.window.to + dd });
        else if (mode === 'from') setWindow({ from: Math.min(start.window.from + dd, window.to - 1), to: window.to });
        else setWindow({ from: window.from, to: Math.max(start.window.to + dd, window.from + 1) });
      };
      const up = () => {
        document.removeEventListener('pointermove', move);
        document.removeEventListener('pointerup', up);
        emit();
      };
      document.addEventListener('pointermove', move);
      document.addEventListener('pointerup', up);
    });
  drag(from, 'from');
  drag(to, 'to');
  drag(band, 'both');

  // Keyboard: arrows go event by event, Page keys by a year, Home and End to the ends.
  const keys = (el: HTMLElement, edge: 'from' | 'to') =>
    el.addEventListener('keydown', (ev: KeyboardEvent) => {
      const days = events.map((e) => dayOf(e.date!, edge === 'to'));
      const at = window[edge];
      let next: number | null = null;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') next = stepTo(at, days, true, full);
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') next = stepTo(at, days, false, full);
      else if (ev.key === 'PageUp') next = at + 365;
      else if (ev.key === 'PageDown') next = at - 365;
      else if (ev.key === 'Home') next = full.from;
      else if (ev.key === 'End') next = full.to;
      if (next === null) return;
      ev.preventDefault();
      if (edge === 'from') setWindow({ from: Math.min(next, window.to - 1), to: window.to }, true);
      else setWindow({ from: window.from, to: Math.max(next, window.from + 1) }, true);
    });
  keys(from, 'from');
  keys(to, 'to');

  filter.addEventListener('change', () => (filter.checked ? emit() : onRange(null)));
  byId('range-reset').addEventListener('click', () => {
    window = { ...full };
    filter.checked = false;
    onRange(null);
  });

  const draw = () => {
    drawn = null;
    const [range, selectedId, onCanvas] = last;
    if (!events.length) return;
    const years: HTMLElement[] = [];
    const first = Number(isoDay(full.from).slice(0, 4));
    const lastYear = Number(isoDay(full.to).slice(0, 4));
    const step = Math.max(1, Math.ceil((lastYear - first + 1) / 12));
    for (let y = first + 1; y <= lastYear; y += step) years.push(h('span', { class: 'tick', style: `left:${(position(dayOf(String(y)), full) * 100).toFixed(2)}%` }, String(y)));
    const marks = events.map((e) => h('span', { class: 'dot', style: `left:${(position(dayOf(e.date!), full) * 100).toFixed(2)}%`, 'aria-hidden': 'true' }));
    const a = position(window.from, full) * 100;
    const b = position(window.to, full) * 100;
    brush.style.left = `${a.toFixed(2)}%`;
    brush.style.width = `${Math.max(0.5, b - a).toFixed(2)}%`;
    for (const [el, day] of [[from, window.from], [to, window.to]] as const) {
      el.setAttribute('aria-valuemin', String(full.from));
      el.setAttribute('aria-valuemax', String(full.to));
      el.setAttribute('aria-valuenow', String(day));
      el.setAttribute('aria-valuetext', isoDay(day));
    }
    fill(scale, years, marks);
    const inside = events.filter((e) => dayOf(e.date!, true) >= window.from && dayOf(e.date!) <= window.to);
    const width = Math.max(200, track.clientWidth || 600);
    const xs = inside.map((e) => position(dayOf(e.date!), window) * (width - LABEL_PX));
    const lane = lanes(xs, LABEL_PX + 4);
    track.dataset.lanes = String(Math.max(0, ...lane) + 1);
    fill(
      track,
      inside.map((e, i) =>
        h(
          'li',
          { class: inRange(e.date, range) ? null : 'out', style: `left:${xs[i]!.toFixed(1)}px; top:${lane[i]! * 40}px` },
          h(
            'button',
            { type: 'button', class: `event${e.id === selectedId ? ' selected' : ''}${onCanvas.has(e.id) ? '' : ' off-canvas'}`, title: `${e.name} (${e.date})`, 'data-id': e.id, onclick: () => onPick(e) },
            h('span', { class: 'mark', 'aria-hidden': 'true' }),
            h('span', { class: 'date' }, e.date),
            h('span', { class: 'name' }, e.name),
          ),
        ),
      ),
    );
    summary.textContent = `${inside.length} of ${events.length} events from ${isoDay(window.from)} to ${isoDay(window.to)}${range ? ' · the graph shows only these dates' : ''}`;
  };

  return {
    setEvents(next) {
      events = next.filter((e) => e.date).sort((a, b) => dayOf(a.date!) - dayOf(b.date!) || a.id.localeCompare(b.id));
      if (!events.length) return;
      const dates = events.map((e) => e.date!);
      full = fullSpan(dates);
      window = latestWindow(dates);
      version++;
    },
    render(range, selectedId, onCanvas) {
      last = [range, selectedId, onCanvas];
      if (!events.length) {
        drawn = null;
        fill(track, h('li', { class: 'muted empty' }, 'No dated events in this story.'));
        summary.textContent = '';
        return;
      }
      filter.checked = Boolean(range);
      if (range) window = { from: dayOf(range.from), to: dayOf(range.to, true) };
      const key = [version, window.from, window.to, filter.checked, selectedId, [...onCanvas].sort().join(' ')].join('|');
      if (key === drawn) return;
      draw();
      drawn = key;
    },
    showError(message) {
      drawn = null;
      fill(track, h('li', { class: 'error empty' }, message));
    },
  };
}
