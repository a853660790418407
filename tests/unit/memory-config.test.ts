import { readConfig } from '../../server/config.js';

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
});
