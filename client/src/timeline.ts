/**
 * The timeline of events (query `timeline`): markers in date order, a from/to
 * range that filters the view, and a click on a marker selects the event.
 */
import { h, fill, byId } from './dom.js';
import { inRange } from './filters.js';
import type { EntityNode } from './queries.js';

export interface TimelineOptions {
  onRange: (range: { from: string; to: string } | null) => void;
  onPick: (event: EntityNode) => void;
}

export interface Timeline {
  setEvents(events: readonly EntityNode[]): void;
  render(range: { from: string; to: string } | null, selectedId: string | null, onCanvas: ReadonlySet<string>): void;
  showError(message: string): void;
}

export function createTimeline({ onRange, onPick }: TimelineOptions): Timeline {
  const from = byId<HTMLSelectElement>('range-from');
  const to = byId<HTMLSelectElement>('range-to');
  const track = byId<HTMLOListElement>('timeline-track');
  const summary = byId('range-summary');
  let events: EntityNode[] = [];
  let dates: string[] = [];

  const changed = () => {
    const a = from.value;
    const b = to.value;
    if (!a || !b) return;
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    onRange(lo === dates[0] && hi === dates[dates.length - 1] ? null : { from: lo, to: hi });
  };
  from.addEventListener('change', changed);
  to.addEventListener('change', changed);
  byId('range-reset').addEventListener('click', () => onRange(null));

  return {
    setEvents(next) {
      events = next.filter((e) => e.date);
      dates = [...new Set(events.map((e) => e.date!))].sort();
      const options = () => dates.map((d) => h('option', { value: d }, d));
      fill(from, options());
      fill(to, options());
    },
    render(range, selectedId, onCanvas) {
      if (!events.length) {
        fill(track, h('li', { class: 'muted empty' }, 'No dated events in this story.'));
        summary.textContent = '';
        return;
      }
      from.value = range?.from && dates.includes(range.from) ? range.from : dates[0]!;
      to.value = range?.to && dates.includes(range.to) ? range.to : dates[dates.length - 1]!;
      const inside = events.filter((e) => inRange(e.date, range));
      summary.textContent = range ? `${inside.length} of ${events.length} events` : `${events.length} events`;
      let lastYear = '';
      fill(
        track,
        events.map((e) => {
          const year = e.date!.slice(0, 4);
          const newYear = year !== lastYear;
          lastYear = year;
          return h(
            'li',
            { class: `${inRange(e.date, range) ? '' : 'out'} ${newYear ? 'new-year' : ''}`.trim() || null },
            newYear ? h('span', { class: 'year' }, year) : null,
            h(
              'button',
              {
                type: 'button',
                class: `event${e.id === selectedId ? ' selected' : ''}${onCanvas.has(e.id) ? '' : ' off-canvas'}`,
                title: `${e.name} (${e.date})`,
                'data-id': e.id,
                onclick: () => onPick(e),
              },
              h('span', { class: 'mark', 'aria-hidden': 'true' }),
              h('span', { class: 'date' }, shortDate(e.date!)),
              h('span', { class: 'name' }, e.name),
            ),
          );
        }),
      );
    },
    showError(message) {
      fill(track, h('li', { class: 'error empty' }, message));
    },
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Under a year heading: "Sep", "11 Sep", or "year" when only the year is known. */
function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  if (!m) return 'year';
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month}` : month;
}
