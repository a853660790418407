import { describe, expect, it } from '@jest/globals';
import { followRedirect } from '../../server/curation/redirects.js';

describe('following merge redirects', () => {
  it('answers null for an id that was never merged away', () => {
    expect(followRedirect({ a: 'b' }, 'c')).toBeNull();
  });
  it('follows one redirect and a chain to its end', () => {
    expect(followRedirect({ a: 'b' }, 'a')).toBe('b');
    expect(followRedirect({ a: 'b', b: 'c' }, 'a')).toBe('c');
  });
  it('answers null for a loop rather than spinning', () => {
    expect(followRedirect({ a: 'b', b: 'a' }, 'a')).toBeNull();
    expect(followRedirect({ a: 'a' }, 'a')).toBeNull();
  });
  it('ignores keys inherited from Object.prototype', () => {
    expect(followRedirect({}, 'constructor')).toBeNull();
  });
});
