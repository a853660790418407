import { createBoundedCache } from '../../server/graphql/plugins/bounded-cache.js';

const answer = (text: string) => ({ data: { text } });

describe('the bounded response cache', () => {
  it('keeps no more bytes of responses than its budget, dropping the least recently used first', () => {
    const cache = createBoundedCache({ maxEntries: 100, maxBytes: 200 });
    cache.set('a', answer('x'.repeat(60)), [], 60_000);
    cache.set('b', answer('y'.repeat(60)), [], 60_000);
    cache.get('a'); // a is now the more recently used
    cache.set('c', answer('z'.repeat(60)), [], 60_000);
    expect(cache.bytes).toBeLessThanOrEqual(200);
    expect(cache.get('a')).toEqual(answer('x'.repeat(60)));
    expect(cache.get('b')).toBeNull();
    expect(cache.get('c')).toEqual(answer('z'.repeat(60)));
  });

  it('keeps no more entries than its bound', () => {
    const cache = createBoundedCache({ maxEntries: 2, maxBytes: 1_000_000 });
    for (const key of ['a', 'b', 'c']) cache.set(key, answer(key), [], 60_000);
    expect(cache.entries).toBe(2);
    expect(cache.get('a')).toBeNull();
  });

  it('does not keep a response larger than the whole budget', () => {
    const cache = createBoundedCache({ maxEntries: 10, maxBytes: 50 });
    cache.set('big', answer('w'.repeat(100)), [], 60_000);
    expect(cache.get('big')).toBeNull();
    expect(cache.bytes).toBe(0);
  });
});
