/** The timeline's arithmetic (client/src/timeline-axis.ts). */
import { dayOf, fullSpan, isoDay, lanes, latestWindow, position, stepTo } from '../../client/src/timeline-axis.js';

describe('the timeline axis', () => {
  it('reads partial dates as their first or last day', () => {
    expect(isoDay(dayOf('2020'))).toBe('2020-01-01');
    expect(isoDay(dayOf('2020', true))).toBe('2020-12-31');
    expect(isoDay(dayOf('2025-02', true))).toBe('2025-02-28');
    expect(isoDay(dayOf('2025-09-11'))).toBe('2025-09-11');
  });

  it('places days in proportion to time', () => {
    const span = { from: dayOf('2020-01-01'), to: dayOf('2020-01-11') };
    expect(position(dayOf('2020-01-06'), span)).toBeCloseTo(0.5);
  });

  it('opens on the latest events, not the whole decade', () => {
    const dates = ['2010', '2015-03', '2020-08-09', '2025-06', '2025-09-01', '2025-09-10', '2025-09-11', '2025-09-12'];
    const w = latestWindow(dates, 4);
    const full = fullSpan(dates);
    expect(w.to).toBe(full.to);
    // The fourth latest event starts the window, with a little room before it.
    expect(isoDay(w.from) <= '2025-09-01').toBe(true);
    expect(isoDay(w.from) > '2025-06-01').toBe(true);
  });

  it('steps a brush edge to the next or previous event, then to the ends', () => {
    const span = { from: 0, to: 100 };
    expect(stepTo(10, [5, 20, 30], true, span)).toBe(20);
    expect(stepTo(10, [5, 20, 30], false, span)).toBe(5);
    expect(stepTo(30, [5, 20, 30], true, span)).toBe(100);
  });

  it('puts labels that would collide in separate lanes', () => {
    expect(lanes([0, 50, 130, 160], 100)).toEqual([0, 1, 0, 1]);
    expect(lanes([0, 50, 130, 140], 100)).toEqual([0, 1, 0, 2]);
  });
});
