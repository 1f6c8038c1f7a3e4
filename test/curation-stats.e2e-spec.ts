import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import { FixedClock } from '../src/common/clock.js';
import { formatDueListings } from '../src/resources/curation/due-listings.js';
import { ResourcesService } from '../src/resources/resources.service.js';
import { isSafetyLine, verificationCutoffs, verificationPolicy, verificationStatus } from '../src/resources/verification.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-12-02T12:00:00Z');

/**
 * Numbers for curators (issue 16): GET /v1/curation/stats and `npm run curation:due`, on a fixed
 * clock. The listing counts are SQL (verificationStatus as a CASE on the same cutoffs); they are
 * checked here against the TypeScript rule over every row, at dates that reach every branch.
 */
describe('curation numbers: GET /v1/curation/stats and curation:due', () => {
  let t: TestApp;
  let db: DataSource;
  let curator: TestPartner;
  const clock = new FixedClock(new Date(START));

  beforeAll(async () => {
    t = await createTestApp({}, [], { clock });
    db = t.app.get(DataSource);
    curator = await t.createPartner({ name: 'stats-curator' });
  });
  afterAll(() => t.close());

  const stats = async () => (await t.http().get('/v1/curation/stats').set('Authorization', curator.auth).expect(200)).body;
  const report = (slug: string, reason: string, auth?: string) => {
    const req = t.http().post(`/v1/resources/${slug}/reports`);
    if (auth) void req.set('Authorization', auth);
    return req.send({ reason }).expect(201);
  };

  it('is for curators only', async () => {
    await t.http().get('/v1/curation/stats').expect(401);
    const reader = await t.createPartner({ name: 'stats-reader', scopes: ['directory:read'] });
    await t.http().get('/v1/curation/stats').set('Authorization', reader.auth).expect(403);
  });

  it.each([0, 100, 200, 400])('counts listings by status and kind as the status rule says, %i days on', async (days) => {
    clock.set(new Date(START + days * DAY));
    const body = await stats();
    const rows: { kind: string; line_roles: string[]; demo: boolean; last_verified_at: Date | null }[] = await db.query(
      `SELECT kind, line_roles, demo, last_verified_at FROM resource WHERE status = 'active' AND NOT demo`,
    );
    const cutoffs = verificationCutoffs({ policy: verificationPolicy(t.env), now: clock.now() });
    const expected = new Map<string, Record<string, number>>();
    const lines = { current: 0, due: 0, stale: 0 };
    for (const row of rows) {
      const status = verificationStatus(row.last_verified_at, isSafetyLine(row), cutoffs);
      const counts = expected.get(row.kind) ?? { current: 0, due: 0, stale: 0 };
      counts[status]++;
      expected.set(row.kind, counts);
      if (isSafetyLine(row)) lines[status]++;
    }
    expect(body.asOf).toBe(clock.now().toISOString());
    expect(body.policy).toEqual({ dueDays: 180, staleDays: 365, safetyLineDueDays: 90, safetyLineStaleDays: 180 });
    expect(body.listings.total).toBe(rows.length);
    expect(Object.fromEntries(body.listings.byKind.map((k: { kind: string }) => [k.kind, k]))).toEqual(
      Object.fromEntries([...expected].map(([kind, counts]) => [kind, { kind, ...counts }])),
    );
    expect(body.safetyLines).toMatchObject(lines);
    expect(body.safetyLines.total).toBe(lines.current + lines.due + lines.stale);
    clock.set(new Date(START));
  });

  it('the seeded directory today: everything current, hotlines with a role are the safety lines, demo listings left out', async () => {
    const body = await stats();
    expect(body.listings.byStatus).toEqual({ current: body.listings.total, due: 0, stale: 0 });
    expect(body.safetyLines).toMatchObject({ due: 0, stale: 0, suspended: 0 });
    const demo = (await db.query(`SELECT count(*)::int AS n FROM resource WHERE demo AND status = 'active'`))[0].n;
    const all = (await db.query(`SELECT count(*)::int AS n FROM resource WHERE status = 'active'`))[0].n;
    expect(demo).toBeGreaterThan(0);
    expect(body.listings.total).toBe(all - demo);
  });

  it('open reports by reason and age, the median time to resolution over 90 days, and suspended safety lines', async () => {
    // Open: one of each age bucket.
    for (const [ageHours, reason] of [
      [12, 'wrong_fees'],
      [3 * 24, 'wrong_fees'],
      [10 * 24, 'wrong_hours'],
    ] as const) {
      clock.set(new Date(START - ageHours * HOUR));
      await report('riverbend-couples-therapy', reason);
    }
    // Closed after 2, 4 and 10 hours; one closed 100 days ago does not count.
    const closeAfter = async (hours: number, createdAt: number) => {
      clock.set(new Date(createdAt));
      const { body } = await report('riverbend-couples-therapy', 'other');
      clock.set(new Date(createdAt + hours * HOUR));
      await t
        .http()
        .post(`/v1/curation/reports/${body.id}/dismiss`)
        .set('Authorization', curator.auth)
        .send({ reason: 'duplicate' })
        .expect(200);
    };
    await closeAfter(2, START - 5 * DAY);
    await closeAfter(4, START - 4 * DAY);
    await closeAfter(10, START - 3 * DAY);
    await closeAfter(1, START - 100 * DAY);
    // Three partners' servers report the Samaritans line dead: suspended.
    clock.set(new Date(START - HOUR));
    for (const name of ['a', 'b', 'c'])
      await report('samaritans', 'phone_not_working', (await t.createPartner({ name: `stats-${name}` })).auth);

    clock.set(new Date(START));
    const body = await stats();
    expect(body.reports.open).toBe(6);
    expect(body.reports.openByReason).toEqual([
      { reason: 'phone_not_working', total: 3, underOneDay: 3, oneToSevenDays: 0, overSevenDays: 0 },
      { reason: 'wrong_fees', total: 2, underOneDay: 1, oneToSevenDays: 1, overSevenDays: 0 },
      { reason: 'wrong_hours', total: 1, underOneDay: 0, oneToSevenDays: 0, overSevenDays: 1 },
    ]);
    expect(body.reports.last90Days).toEqual({ closed: 3, medianHours: 4 });
    expect(body.safetyLines.suspended).toBe(1);
  });

  describe('npm run curation:due', () => {
    it('lists the real listings due or stale, the longest unchecked first, as a table or CSV', async () => {
      const resources = t.app.get(ResourcesService);
      const at = new Date(START + 200 * DAY); // national listings due (> 180 days), safety lines stale (> 180)
      const due = await resources.listDueForVerification(resources.verificationCutoffs(at));
      const seeded: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM resource WHERE status = 'active' AND NOT demo`);
      expect(due).toHaveLength(seeded[0].n);
      expect(due.every((d) => d.status === (d.safetyLine ? 'stale' : 'due'))).toBe(true);
      const dates = due.map((d) => d.lastVerifiedAt!);
      expect([...dates].sort()).toEqual(dates);

      const table = formatDueListings(due, 'table', at);
      const lines = table.split('\n');
      expect(lines[0]).toMatch(/^status\s+lastVerifiedAt\s+verifiedBy\s+kind\s+safetyLine\s+slug\s+name\s+id$/);
      expect(lines[1]).toMatch(/^-+( +-+){7}$/);
      expect(table).toContain(`${due.length} listings due for verification as of 2027-06-20 (`);
      expect(lines.find((l) => l.includes('988-suicide-and-crisis-lifeline'))).toMatch(
        /^stale\s+2026-12-02\s+curator\s+hotline\s+yes\s+988/,
      );

      const csv = formatDueListings(due, 'csv', at).trimEnd().split('\n');
      expect(csv[0]).toBe('status,lastVerifiedAt,verifiedBy,kind,safetyLine,slug,name,id');
      expect(csv).toHaveLength(due.length + 1);
      const row = csv.find((l) => l.includes(',988-suicide-and-crisis-lifeline,'))!;
      expect(row.split(',').slice(0, 6)).toEqual(['stale', '2026-12-02', 'curator', 'hotline', 'yes', '988-suicide-and-crisis-lifeline']);

      // Nothing due today.
      expect(await resources.listDueForVerification(resources.verificationCutoffs(new Date(START)))).toEqual([]);
      expect(formatDueListings([], 'table', new Date(START))).toBe('No listing is due for verification (as of 2026-12-02).\n');
    });

    it('CSV quotes what needs quoting', () => {
      const csv = formatDueListings(
        [
          {
            id: 'x',
            slug: 'a-b',
            name: 'Couples, "Together"',
            kind: 'practice',
            safetyLine: false,
            lastVerifiedAt: null,
            verifiedBy: null,
            status: 'due',
          },
        ],
        'csv',
        new Date(START),
      );
      expect(csv.split('\n')[1]).toBe('due,never,,practice,,a-b,"Couples, ""Together""",x');
    });
  });
});
