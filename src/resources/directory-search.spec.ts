import type { HttpAdapterHost } from '@nestjs/core';

import type { DirectoryChangeFeed } from './directory-index/change-feed.js';
import { indexRow, uuid } from './directory-index/testing.js';
import { DirectorySearch } from './directory-search.js';

describe('DirectorySearch', () => {
  const built = async (n: number) => {
    const search = new DirectorySearch({} as DirectoryChangeFeed, {} as HttpAdapterHost);
    await search.rebuild(async (onBatch) => {
      await onBatch(Array.from({ length: n }, (_, i) => indexRow({ id: uuid(i + 1) })));
    });
    return search;
  };
  const change = (search: DirectorySearch, from: number, count: number) =>
    search.apply({
      upserts: Array.from({ length: count }, (_, i) => indexRow({ id: uuid(from + i), name: 'Changed' })),
      removals: [],
      seq: 1,
    });

  it('asks for compaction once changes since the build pass a quarter of the directory, and at least 10,000', async () => {
    const large = await built(60_000);
    change(large, 1, 15_000);
    expect(large.wantsCompaction()).toBe(false);
    change(large, 15_001, 1);
    expect(large.wantsCompaction()).toBe(true);

    const small = await built(100);
    change(small, 1, 100);
    expect(small.wantsCompaction()).toBe(false);
  });

  it('hydrates a changed resource with its new row, not a kept mapping of the old one', async () => {
    const search = await built(3);
    expect(search.response(uuid(2)).name).toBe('Resource');
    change(search, 2, 1);
    expect(search.response(uuid(2)).name).toBe('Changed');
    expect(search.response(uuid(2), 1234).distanceKm).toBe(1.2);
    expect(search.response(uuid(2)).distanceKm).toBeUndefined();
  });
});
