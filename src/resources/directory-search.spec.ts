import type { HttpAdapterHost } from '@nestjs/core';

import type { DirectoryChangeFeed } from './directory-index/change-feed.js';
import { indexRow, uuid } from './directory-index/testing.js';
import { DirectorySearch } from './directory-search.js';
import { verificationCutoffs } from './verification.js';

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

  const POLICY = { dueDays: 180, staleDays: 365, safetyLineDueDays: 90, safetyLineStaleDays: 180 };
  const at = (iso: string) => verificationCutoffs({ policy: POLICY, now: new Date(iso) });
  const now = at('2026-12-02T00:00:00Z');

  it('hydrates a changed resource with its new row, not a kept mapping of the old one', async () => {
    const search = await built(3);
    expect(search.response(uuid(2), now).name).toBe('Resource');
    change(search, 2, 1);
    expect(search.response(uuid(2), now).name).toBe('Changed');
    expect(search.response(uuid(2), now, 1234).distanceKm).toBe(1.2);
    expect(search.response(uuid(2), now).distanceKm).toBeUndefined();
  });

  it('keeps a mapped resource while its row is unchanged, but never its verification status: that moves with time', async () => {
    const search = await built(0);
    search.apply({
      upserts: [indexRow({ id: uuid(1), last_verified_at: new Date('2026-11-25T00:00:00Z'), verified_by: 'curator' })],
      removals: [],
      seq: 1,
    });
    const first = search.response(uuid(1), now);
    expect(first.verification).toEqual({
      lastVerifiedAt: '2026-11-25T00:00:00.000Z',
      verifiedBy: 'curator',
      status: 'current',
      reportedNotWorking: false,
    });
    expect(search.response(uuid(1), now)).toBe(first); // shared while nothing changed
    expect(search.response(uuid(1), at('2027-06-01T00:00:00Z')).verification.status).toBe('due');
    expect(search.response(uuid(1), at('2027-12-01T00:00:00Z')).verification.status).toBe('stale');
    expect(search.response(uuid(1), now).verification.status).toBe('current');
  });

  it('leaves safety lines suspended by reports out of the safety lines', async () => {
    const search = await built(0);
    const line = { kind: 'hotline', line_roles: ['crisis'], service_areas: ['US'] };
    search.apply({
      upserts: [indexRow({ id: uuid(1), ...line }), indexRow({ id: uuid(2), ...line, safety_suspended: true })],
      removals: [],
      seq: 1,
    });
    expect(search.safetyLines(['US']).map((r) => r.id)).toEqual([uuid(1)]);
  });
});
