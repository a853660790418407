/** What the page says after an expand (client/src/actions.ts expandNotice). */
import { expandNotice } from '../../client/src/actions.js';

describe('expandNotice', () => {
  it('says how many came in and how many "Show more" still adds', () => {
    expect(expandNotice(25, 12, null)).toBe('Added 25 neighbours; 12 more with “Show more”.');
    expect(expandNotice(1, 0, null)).toBe('Added 1 neighbour.');
    expect(expandNotice(0, 0, null)).toBe('Every neighbour was already in view.');
  });

  it('tells a hub cut at the fetch limit from one fully fetched, with its relation count', () => {
    const text = expandNotice(25, 474, { fetched: 499, degree: 3165 });
    expect(text).toBe('Added 25 neighbours; 474 more with “Show more”, of the first 499 fetched: it has 3,165 relations in all. Search for a name to reach the rest.');
  });
});
