import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import { FixedClock } from '../src/common/clock.js';
import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { submitIntake } from './support/intakes.js';
import { createTestApp, type TestApp, type TestPartner, waitForDirectoryIndex } from './support/test-app.js';

const DAY = 86_400_000;
/** Seed dates (seeds/data): national listings were verified on 2026-11-25, safety lines on 2026-12-01. */
const NATIONAL = { slug: 'betterhelp-individual-counseling', verifiedAt: Date.parse('2026-11-25T00:00:00Z') };
// Its seed's lastVerifiedAt (rechecked 2026-12-02 for the AYUDA text route).
const LINE_988 = { slug: '988-suicide-and-crisis-lifeline', verifiedAt: Date.parse('2026-12-02T00:00:00Z') };

interface Match {
  resource: ResourceResponse;
  score: number;
  caveats: { code: string; text: string }[];
}
interface IntakeBody {
  matches: Match[];
  safety: { resources: ResourceResponse[]; emergency: unknown };
}

/**
 * Freshness as data and behaviour (issue 16): every resource response says when and by whom its
 * details were last confirmed and what that makes them under the policy (current / due / stale),
 * computed when read on the app's Clock, which the tests fix. Stale listings rank lower in intakes
 * with a caveat; a stale safety line is never shown as one.
 */
describe('freshness: verification status, stale ranking, stale safety lines', () => {
  let t: TestApp;
  let db: DataSource;
  let curator: TestPartner;
  const clock = new FixedClock(new Date('2026-12-02T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({}, [], { clock });
    db = t.app.get(DataSource);
    curator = await t.createPartner({ name: 'freshness-curator' });
  });
  afterAll(() => t.close());

  const get = async (slug: string) => (await t.http().get(`/v1/resources/${slug}`).expect(200)).body as ResourceResponse;
  const statusAt = async (slug: string, at: number) => {
    clock.set(new Date(at));
    return (await get(slug)).verification.status;
  };
  /** Moves a listing's last verification in SQL (as an old row would be), then waits for the index. */
  const verifiedAt = async (slug: string, at: Date | null) => {
    await db.query(`UPDATE resource SET last_verified_at = $2 WHERE slug = $1`, [slug, at]);
    await waitForDirectoryIndex(t.app);
  };
  const submit = (body: Record<string, unknown>) => submitIntake<IntakeBody>(t, curator.auth, body);

  it('every resource says when and by whom it was last verified, and its status now', async () => {
    clock.set(new Date('2026-12-02T12:00:00Z'));
    expect((await get(NATIONAL.slug)).verification).toEqual({
      lastVerifiedAt: '2026-11-25T00:00:00.000Z',
      verifiedBy: 'curator',
      status: 'current',
      reportedNotWorking: false,
    });
    // Demo listings are never verified: due (nothing says their details are old), never stale.
    expect((await get('riverbend-couples-therapy')).verification).toEqual({
      lastVerifiedAt: null,
      verifiedBy: null,
      status: 'due',
      reportedNotWorking: false,
    });
  });

  it('listings are due after 180 days and stale after 365; safety lines after 90 and 180', async () => {
    expect(await statusAt(NATIONAL.slug, NATIONAL.verifiedAt + 179 * DAY)).toBe('current');
    expect(await statusAt(NATIONAL.slug, NATIONAL.verifiedAt + 180 * DAY)).toBe('due');
    expect(await statusAt(NATIONAL.slug, NATIONAL.verifiedAt + 365 * DAY - 1)).toBe('due');
    expect(await statusAt(NATIONAL.slug, NATIONAL.verifiedAt + 365 * DAY)).toBe('stale');
    expect(await statusAt(LINE_988.slug, LINE_988.verifiedAt + 90 * DAY - 1)).toBe('current');
    expect(await statusAt(LINE_988.slug, LINE_988.verifiedAt + 90 * DAY)).toBe('due');
    expect(await statusAt(LINE_988.slug, LINE_988.verifiedAt + 180 * DAY - 1)).toBe('due');
    expect(await statusAt(LINE_988.slug, LINE_988.verifiedAt + 180 * DAY)).toBe('stale');
  });

  it('the thresholds are settings: a shorter policy makes the same listing due sooner', async () => {
    const strict = await createTestApp({ VERIFICATION_DUE_DAYS: '3', VERIFICATION_STALE_DAYS: '10' }, [], {
      clock: new FixedClock(new Date(NATIONAL.verifiedAt + 4 * DAY)),
    });
    try {
      expect((await strict.http().get(`/v1/resources/${NATIONAL.slug}`).expect(200)).body.verification.status).toBe('due');
    } finally {
      await strict.close();
    }
  });

  it('search results (read from the in-memory index) carry the status as of the read', async () => {
    clock.set(new Date(NATIONAL.verifiedAt + 400 * DAY));
    const res = await t.http().get('/v1/resources?q=betterhelp&limit=5').expect(200);
    const found = (res.body.data as ResourceResponse[]).find((r) => r.slug === NATIONAL.slug)!;
    expect(found.verification).toEqual({
      lastVerifiedAt: '2026-11-25T00:00:00.000Z',
      verifiedBy: 'curator',
      status: 'stale',
      reportedNotWorking: false,
    });
    clock.set(new Date('2026-12-02T12:00:00Z'));
  });

  it('a stale listing ranks lower in an intake, with the details_stale caveat; a due one is untouched', async () => {
    clock.set(new Date('2026-12-02T12:00:00Z'));
    const intake = { concerns: ['infidelity'], willingness: 'both', region: 'US-OH', formats: ['video'], limit: 10 };
    const before = await submit(intake);
    const top = before.matches[0];
    expect(top.caveats.map((c) => c.code)).not.toContain('details_stale');

    await verifiedAt(top.resource.slug, new Date(clock.now().getTime() - 200 * DAY)); // due
    const due = await submit(intake);
    expect(due.matches[0].resource.id).toBe(top.resource.id);
    expect(due.matches[0].score).toBe(top.score);
    expect(due.matches[0].caveats.map((c) => c.code)).not.toContain('details_stale');

    await verifiedAt(top.resource.slug, new Date(clock.now().getTime() - 400 * DAY)); // stale
    const after = await submit(intake);
    const position = after.matches.findIndex((m) => m.resource.id === top.resource.id);
    expect(position).toBeGreaterThan(0); // still listed (its details may be right), just not first
    const stale = after.matches[position];
    expect(stale.resource.verification.status).toBe('stale');
    expect(stale.score).toBeCloseTo(top.score - 0.15, 2);
    expect(stale.caveats).toContainEqual({ code: 'details_stale', text: 'details last checked over a year ago' });
    // In the reader's language, like every caveat.
    const spanish = await submit({ ...intake, lang: 'es' });
    expect(spanish.matches.find((m) => m.resource.id === top.resource.id)!.caveats).toContainEqual({
      code: 'details_stale',
      text: 'datos comprobados por última vez hace más de un año',
    });
    // Whatever took first place is current.
    expect(after.matches[0].resource.verification.status).not.toBe('stale');
  });

  it('a stale safety line is never shown as one: the next line of its role takes its place', async () => {
    clock.set(new Date('2026-12-02T12:00:00Z'));
    const slugs = async () => {
      const res = await t.http().get('/v1/safety-lines?country=US&roles=crisis').expect(200);
      return (res.body.lines as ResourceResponse[]).map((l) => l.slug);
    };
    expect(await slugs()).toContain(LINE_988.slug);
    await verifiedAt(LINE_988.slug, new Date(clock.now().getTime() - 181 * DAY));
    const without = await slugs();
    expect(without).not.toContain(LINE_988.slug);
    expect(without).toContain('crisis-text-line');
    const intake = await submit({ concerns: ['other'], willingness: 'both', safety: { selfHarmRisk: true }, country: 'US' });
    const shown = intake.safety.resources.map((l) => l.slug);
    expect(shown).not.toContain(LINE_988.slug);
    expect(shown).toContain('crisis-text-line');
    expect(intake.safety.emergency).toBeTruthy();
    expect(intake.safety.resources.every((l) => l.verification.status !== 'stale')).toBe(true);
  });

  it('re-verifying a listing is read back at once from search (index) and from HSDS, as current, by the curator', async () => {
    clock.set(new Date('2027-01-15T09:30:00Z'));
    const { id } = await get(LINE_988.slug);
    const etag = (await t.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;
    const verified = await t
      .http()
      .post(`/v1/resources/${id}/verify`)
      .set('Authorization', curator.auth)
      .set('If-Match', etag)
      .send({})
      .expect(200);
    expect(verified.body.verification).toEqual({
      lastVerifiedAt: '2027-01-15T09:30:00.000Z',
      verifiedBy: 'curator',
      status: 'current',
      reportedNotWorking: false,
    });

    const search = await t.http().get('/v1/resources?kind=hotline&limit=100').expect(200);
    expect((search.body.data as ResourceResponse[]).find((r) => r.id === id)!.verification.status).toBe('current');
    expect(
      ((await t.http().get('/v1/safety-lines?country=US&roles=crisis').expect(200)).body.lines as ResourceResponse[]).map((l) => l.slug),
    ).toContain(LINE_988.slug);

    const hsds = (await t.http().get(`/v1/hsds/services/${id}`).expect(200)).body;
    expect(hsds.assured_date).toBe('2027-01-15');
    expect(hsds.last_modified).toBe(verified.body.updatedAt);
  });

  it("a provider's update of its own listing re-stamps it as verified by the provider, now", async () => {
    clock.set(new Date('2026-12-02T16:00:00Z'));
    const { id } = await get(NATIONAL.slug);
    const claim = await t.http().post(`/v1/curation/resources/${id}/claims`).set('Authorization', curator.auth).expect(201);
    const redeemed = await t.http().post('/v1/listing-claims/redeem').send({ claimToken: claim.body.claimToken }).expect(201);
    const listingKey = `Bearer ${redeemed.body.key}`;
    const etag = (await t.http().get('/v1/listing').set('Authorization', listingKey).expect(200)).headers.etag;
    const patched = await t
      .http()
      .patch('/v1/listing')
      .set('Authorization', listingKey)
      .set('If-Match', etag)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ waitTimeDays: 21 }))
      .expect(200);
    expect(patched.body.verification).toEqual({
      lastVerifiedAt: '2026-12-02T16:00:00.000Z',
      verifiedBy: 'provider',
      status: 'current',
      reportedNotWorking: false,
    });
    const search = await t.http().get('/v1/resources?q=betterhelp&limit=5').expect(200);
    expect((search.body.data as ResourceResponse[]).find((r) => r.id === id)!.verification.verifiedBy).toBe('provider');
    // A curator's later edit that leaves the date alone keeps who verified it.
    const curatorEtag = (await t.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;
    const edited = await t
      .http()
      .patch(`/v1/resources/${id}`)
      .set('Authorization', curator.auth)
      .set('If-Match', curatorEtag)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ waitTimeDays: 28 }))
      .expect(200);
    expect(edited.body.verification.verifiedBy).toBe('provider');
  });

  it('the audit trail keeps the verification as shown at each change', async () => {
    const { id } = await get(LINE_988.slug);
    const audit = await t.http().get(`/v1/resources/${id}/audit`).set('Authorization', curator.auth).expect(200);
    const [entry] = audit.body.data;
    expect(entry.action).toBe('verify');
    expect(entry.before.verification.status).toBe('stale');
    expect(entry.after.verification).toEqual({
      lastVerifiedAt: '2027-01-15T09:30:00.000Z',
      verifiedBy: 'curator',
      status: 'current',
      reportedNotWorking: false,
    });
  });
});
