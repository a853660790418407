import { nodeFlags, readConfig } from '../../server/config.js';

describe('the memory settings', () => {
  it('bounds LadybugDB and the response cache by default, sized for a small machine', () => {
    const config = readConfig({});
    expect(config.store).toMatchObject({ kind: 'embedded', bufferPoolMb: 256, loadBufferPoolMb: 1024 });
    expect(config.responseCache).toMatchObject({ maxEntries: 1000, maxBytes: 32 * 2 ** 20 });
  });

  it('reads the buffer pools and the cache bounds from the environment', () => {
    const config = readConfig({ LADYBUG_BUFFER_POOL_MB: '256', LADYBUG_LOAD_BUFFER_POOL_MB: '2048', RESPONSE_CACHE_MAX_ENTRIES: '50', RESPONSE_CACHE_MAX_MB: '4' });
    expect(config.store).toMatchObject({ bufferPoolMb: 256, loadBufferPoolMb: 2048 });
    expect(config.responseCache).toMatchObject({ maxEntries: 50, maxBytes: 4 * 2 ** 20 });
  });

  it('refuses a buffer pool too small to open a database, naming the variable', () => {
    expect(() => readConfig({ LADYBUG_BUFFER_POOL_MB: '1' })).toThrow(/LADYBUG_BUFFER_POOL_MB/);
  });

  it('runs the server with a bounded young generation and a slower-growing old generation, uncapped, by default', () => {
    const config = readConfig({});
    expect(config.runtime).toEqual({ maxSemiSpaceMb: 8, heapGrowingPercent: 20, maxOldSpaceMb: 0 });
    expect(nodeFlags(config.runtime)).toEqual(['--max-semi-space-size=8', '--heap-growing-percent=20']);
  });

  it('turns the heap settings into node options, leaving V8 its defaults for 0', () => {
    expect(nodeFlags(readConfig({ NODE_MAX_SEMI_SPACE_MB: '8', NODE_HEAP_GROWING_PERCENT: '50', NODE_MAX_OLD_SPACE_MB: '512' }).runtime)).toEqual(['--max-semi-space-size=8', '--heap-growing-percent=50', '--max-old-space-size=512']);
    expect(nodeFlags(readConfig({ NODE_MAX_SEMI_SPACE_MB: '0', NODE_HEAP_GROWING_PERCENT: '0' }).runtime)).toEqual([]);
  });

  it('refuses a heap setting that is not a whole number, naming the variable', () => {
    expect(() => readConfig({ NODE_MAX_SEMI_SPACE_MB: 'lots' })).toThrow(/NODE_MAX_SEMI_SPACE_MB/);
    expect(() => readConfig({ NODE_MAX_OLD_SPACE_MB: '-1' })).toThrow(/NODE_MAX_OLD_SPACE_MB/);
    expect(() => readConfig({ NODE_HEAP_GROWING_PERCENT: '12.5' })).toThrow(/NODE_HEAP_GROWING_PERCENT/);
  });
});
