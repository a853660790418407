import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { followRedirect, readRedirects } from '../../server/curation/redirects.js';
import { StoryWorkspace } from '../../server/curation/workspace.js';
import { copyOfHarbour } from '../support/story-folder.js';

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

describe('redirects a merge leaves in the story folder', () => {
  it('point the merged id at the survivor, and never at itself when an id comes back and absorbs its old survivor', async () => {
    const root = copyOfHarbour('curation-redirects-');
    try {
      const ws = new StoryWorkspace(root);
      await ws.change({ op: 'mergeEntities', from: 'portvale-gazette', into: 'calloway-shipping' }, { who: 'test' });
      expect(readRedirects(root)).toEqual({ 'portvale-gazette': 'calloway-shipping' });
      await ws.change({ op: 'createEntity', entity: { id: 'portvale-gazette', kind: 'Organisation', name: 'Portvale Gazette', evidence: [{ article: 'h001', quote: 'according to the Portvale Gazette' }] } }, { who: 'test' });
      await ws.change({ op: 'mergeEntities', from: 'calloway-shipping', into: 'portvale-gazette' }, { who: 'test' });
      expect(readRedirects(root)).toEqual({ 'calloway-shipping': 'portvale-gazette' });
      expect(followRedirect(readRedirects(root), 'calloway-shipping')).toBe('portvale-gazette');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('are read as none when the file is missing or damaged', () => {
    const root = copyOfHarbour('curation-redirects-');
    try {
      expect(readRedirects(root)).toEqual({});
      fs.mkdirSync(path.join(root, 'curation'));
      fs.writeFileSync(path.join(root, 'curation', 'redirects.json'), '{ torn');
      expect(readRedirects(root)).toEqual({});
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
