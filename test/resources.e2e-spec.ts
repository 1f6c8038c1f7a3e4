import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { INTERFACE_VOCABULARIES, TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type R = ResourceResponse;

// earthdistance's sphere (earth() = 6378168 m), so the test's idea of "within radius" matches the database's.
const EARTH_RADIUS_M = 6378168;
function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}
const nearest = (r: R, lat: number, lng: number) =>
  Math.min(...r.locations.map((l) => distanceMeters(lat, lng, l.latitude, l.longitude)), Infinity);

describe('GET /v1/resources (directory search on the curated data)', () => {
  let t: TestApp;
  let all: R[];

  /** Follows nextCursor to the end; checks there are no duplicates on the way. */
  async function fetchAll(query: string, limit = 100): Promise<R[]> {
    const out: R[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.http().get(`/v1/resources?${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      out.push(...res.body.data);
      cursor = res.body.page.nextCursor;
    } while (cursor);
    expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
    return out;
  }
  const ids = (rs: R[]) => rs.map((r) => r.id).sort();

  /** Every result satisfies the filter and nothing that satisfies it is missing. */
  async function expectFilter(query: string, predicate: (r: R) => boolean) {
    const expected = all.filter(predicate);
    expect(expected.length).toBeGreaterThan(0); // the seed data must exercise the filter
    const actual = await fetchAll(query);
    expect(ids(actual)).toEqual(ids(expected));
    const res = await t.http().get(`/v1/resources?${query}&limit=1`);
    expect(res.body.page).toMatchObject({ total: expected.length, totalExact: true });
  }

  beforeAll(async () => {
    t = await createTestApp();
    all = await fetchAll('');
  });
  afterAll(() => t.close());

  it('lists every active curated resource (at least 80) with the documented shape', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    const r = all[0];
    expect(r).toMatchObject({ id: expect.any(String), slug: expect.any(String), cost: expect.any(Object), capacity: expect.any(Object) });
    expect(all.every((x) => x.status === 'active')).toBe(true);
  });

  it('covers every taxonomy value with several resources', () => {
    const fields: [keyof typeof TAXONOMY, (r: R) => string[]][] = [
      ['kind', (r) => [r.kind]],
      ['format', (r) => r.formats],
      ['specialty', (r) => r.specialties],
      ['approach', (r) => r.approaches],
      ['audience', (r) => r.audiences],
      ['credential', (r) => r.credentials],
      ['payment', (r) => r.paymentOptions],
      ['availability', (r) => r.availability],
    ];
    for (const [name, values] of fields) {
      for (const code of TAXONOMY[name].codes) {
        expect([name, code, all.filter((r) => values(r).includes(code)).length >= 3]).toEqual([name, code, true]);
      }
    }
  });

  describe('each filter returns exactly the matching resources', () => {
    it.each([
      ['kind=hotline', (r: R) => r.kind === 'hotline'],
      ['kind=practice,clinic', (r: R) => ['practice', 'clinic'].includes(r.kind)],
      ['format=video', (r: R) => r.formats.includes('video')],
      ['format=chat&format=phone', (r: R) => r.formats.includes('chat') || r.formats.includes('phone')],
      ['free=true', (r: R) => r.cost.free],
      ['free=false', (r: R) => !r.cost.free],
      ['slidingScale=true', (r: R) => r.cost.slidingScale],
      ['noInsuranceNeeded=true', (r: R) => r.cost.noInsuranceNeeded],
      ['insurance=aetna', (r: R) => r.cost.insuranceAccepted && r.cost.insurers.some((i) => i.toLowerCase() === 'aetna')],
      ['specialty=infidelity', (r: R) => r.specialties.includes('infidelity')],
      ['approach=gottman,eft', (r: R) => r.approaches.includes('gottman') || r.approaches.includes('eft')],
      ['language=es', (r: R) => r.languages.includes('es')],
      ['audience=lgbtq_affirming', (r: R) => r.audiences.includes('lgbtq_affirming')],
      ['credential=gottman_certified', (r: R) => r.credentials.includes('gottman_certified')],
      ['payment=medicaid', (r: R) => r.paymentOptions.includes('medicaid')],
      ['availability=weekends', (r: R) => r.availability.includes('weekends')],
      ['acceptingNewClients=true', (r: R) => r.capacity.acceptingNewClients],
      ['acceptingNewClients=false', (r: R) => !r.capacity.acceptingNewClients],
      ['jointSessions=true', (r: R) => r.jointSessions],
      ['accessibility=asl', (r: R) => r.accessibility.includes('asl')],
      ['accessibility=asl,videophone', (r: R) => r.accessibility.includes('asl') && r.accessibility.includes('videophone')],
    ])('%s', async (query, predicate) => {
      await expectFilter(query, predicate);
    });

    it('maxFee: free, lowest fee within budget, or sliding scale with no published minimum', async () => {
      await expectFilter(
        'maxFee=80',
        (r) => r.cost.free || (r.cost.feeMin !== null && r.cost.feeMin <= 8000) || (r.cost.slidingScale && r.cost.feeMin === null),
      );
    });

    it('serves: remote resources licensed for the region plus in-person resources located there', async () => {
      const remote = (r: R) => !(r.formats.length > 0 && r.formats.every((f) => f === 'in_person'));
      await expectFilter(
        'serves=US-OH',
        (r) => (remote(r) && r.serviceAreas.some((a) => a === 'US-OH' || a === 'US')) || r.locations.some((l) => l.region === 'US-OH'),
      );
    });

    it('combines filters with AND', async () => {
      await expectFilter(
        'format=video&maxFee=150&language=es',
        (r) =>
          r.formats.includes('video') &&
          r.languages.includes('es') &&
          (r.cost.free || (r.cost.feeMin !== null && r.cost.feeMin <= 15000) || (r.cost.slidingScale && r.cost.feeMin === null)),
      );
    });
  });

  describe('accessibility', () => {
    it('asks for every code named: a Deaf couple needing ASL is not helped by a TTY-only line', async () => {
      const asl = await fetchAll('accessibility=asl');
      const tty = await fetchAll('accessibility=tty');
      expect(asl.length).toBeGreaterThan(0);
      expect(tty.length).toBeGreaterThan(0);
      const both = await fetchAll('accessibility=asl&accessibility=tty');
      expect(ids(both)).toEqual(ids(asl.filter((r) => r.accessibility.includes('tty'))));
      expect(both.length).toBeLessThan(Math.min(asl.length, tty.length));
      // The TTY-only National Domestic Violence Hotline is not an ASL resource; the DeafHotline is.
      expect(tty.map((r) => r.slug)).toContain('national-domestic-violence-hotline');
      expect(asl.map((r) => r.slug)).not.toContain('national-domestic-violence-hotline');
      expect(asl.map((r) => r.slug)).toContain('the-deaf-hotline');
    });

    it("states the lines' TTY, videophone and relay routes as codes, each with its number among the channels", () => {
      for (const r of all) {
        const channel = (code: string) => r.contactChannels.some((c) => c.type === code);
        // A channel states its code; a TTY or videophone code always comes with its number (relay may be stated alone).
        for (const code of ['tty', 'videophone', 'relay'])
          if (channel(code)) expect([r.slug, r.accessibility]).toEqual([r.slug, expect.arrayContaining([code])]);
        for (const code of ['tty', 'videophone'])
          if (r.accessibility.includes(code)) expect([r.slug, code, channel(code)]).toEqual([r.slug, code, true]);
      }
      const lifeline = all.find((r) => r.slug === '988-suicide-and-crisis-lifeline')!;
      expect(lifeline.accessibility).toEqual(expect.arrayContaining(['asl', 'videophone', 'relay', 'text_based']));
      expect(lifeline.contactChannels.filter((c) => c.type === 'videophone').map((c) => c.value)).toEqual([
        '1-800-273-8255',
        'https://988lifeline.org',
      ]);
    });

    it('counts each code as a facet over the matching resources', async () => {
      const res = await t.http().get('/v1/resources?kind=hotline&facets=accessibility&limit=1').expect(200);
      const hotlines = all.filter((r) => r.kind === 'hotline');
      const counts: Record<string, number> = {};
      for (const r of hotlines) for (const code of r.accessibility) counts[code] = (counts[code] ?? 0) + 1;
      expect(Object.fromEntries(res.body.facets.accessibility.map((f: { value: string; count: number }) => [f.value, f.count]))).toEqual(
        counts,
      );
      expect(counts.asl).toBeGreaterThanOrEqual(2);
    });
  });

  describe('place', () => {
    const columbus = { lat: 39.9612, lng: -82.9988 };

    it('near + radiusKm returns exactly the resources with a location in the radius, nearest first, with distanceKm', async () => {
      const radius = 150_000;
      const res = await fetchAll(`near=${columbus.lat},${columbus.lng}&radiusKm=150`);
      const expected = all.filter((r) => nearest(r, columbus.lat, columbus.lng) <= radius);
      expect(expected.length).toBeGreaterThan(1);
      expect(ids(res)).toEqual(ids(expected));
      const distances = res.map((r) => r.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const r of res) expect(Math.abs(r.distanceKm! * 1000 - nearest(r, columbus.lat, columbus.lng))).toBeLessThan(100);
    });

    it('a smaller radius excludes the farther resources', async () => {
      const wide = await fetchAll(`near=${columbus.lat},${columbus.lng}&radiusKm=150`);
      const narrow = await fetchAll(`near=${columbus.lat},${columbus.lng}&radiusKm=10`);
      expect(narrow.length).toBeLessThan(wide.length);
      expect(narrow.every((r) => r.distanceKm! <= 10)).toBe(true);
    });

    it('postalCode resolves offline (default radius 40 km); a Canadian code with country=CA', async () => {
      const us = await fetchAll('postalCode=43215');
      expect(us.length).toBeGreaterThan(0);
      expect(us.every((r) => r.distanceKm! <= 40)).toBe(true);
      const ca = await fetchAll('postalCode=M5V 2T6&country=CA');
      expect(ca.length).toBeGreaterThan(0);
      expect(ca.every((r) => r.locations.some((l) => l.country === 'CA'))).toBe(true);
    });
  });

  describe('full-text search', () => {
    it('finds infidelity resources from everyday words, ranked, and synonyms agree', async () => {
      const affair = await fetchAll('q=affair');
      const cheating = await fetchAll('q=cheating');
      const infidelity = all.filter((r) => r.specialties.includes('infidelity'));
      expect(ids(affair)).toEqual(expect.arrayContaining(ids(infidelity)));
      expect(ids(cheating)).toEqual(expect.arrayContaining(ids(infidelity)));
    });

    it('maps money, drinking and online to the taxonomy', async () => {
      const money = await fetchAll('q=money');
      expect(ids(money)).toEqual(expect.arrayContaining(ids(all.filter((r) => r.specialties.includes('financial_conflict')))));
      const drinking = await fetchAll('q=drinking');
      expect(ids(drinking)).toEqual(expect.arrayContaining(ids(all.filter((r) => r.specialties.includes('substance_use')))));
      const online = await fetchAll('q=online');
      expect(ids(online)).toEqual(expect.arrayContaining(ids(all.filter((r) => r.formats.includes('video')))));
    });

    it('review 15 H3: Spanish everyday words find what their English words find, accents or not', async () => {
      const pairs: [string, string][] = [
        ['violencia doméstica', 'domestic violence'],
        ['violencia domestica', 'domestic violence'],
        ['infidelidad', 'infidelity'],
        ['abuso', 'abuse'],
        ['maltrato', 'abuse'],
        ['suicidio', 'suicide'],
        ['terapia de pareja', 'couples therapy'],
        ['celos', 'jealous'],
        ['deudas', 'debt'],
        ['problemas con el alcohol', 'alcohol'],
      ];
      for (const [spanish, english] of pairs) {
        const found = ids(await fetchAll(`q=${encodeURIComponent(spanish)}`));
        const expected = ids(await fetchAll(`q=${encodeURIComponent(english)}`));
        expect(expected.length).toBeGreaterThan(0);
        expect({ spanish, missing: expected.filter((id) => !found.includes(id)) }).toEqual({ spanish, missing: [] });
      }
    });

    it('combines q with filters', async () => {
      const res = await fetchAll('q=affair&format=video');
      expect(res.length).toBeGreaterThan(0);
      expect(res.every((r) => r.formats.includes('video'))).toBe(true);
    });

    it('treats tsquery syntax and SQL in q as plain words', async () => {
      // Plain words: 200, never a 400 or 500 from tsquery syntax; the injected OR matches nothing extra
      // (as words, "affair OR 1=1" narrows the affair results; it never returns everything).
      const affair = ids(await fetchAll('q=affair'));
      for (const q of ["affair' OR 1=1 --", 'a & | ! ( ) :*', '"; DROP TABLE resource; --']) {
        const res = await t.http().get(`/v1/resources?q=${encodeURIComponent(q)}&limit=100`);
        expect([q, res.status]).toEqual([q, 200]);
        expect(res.body.page.total).toBeLessThan(all.length);
        if (q.startsWith('affair')) for (const r of res.body.data as R[]) expect(affair).toContain(r.id);
      }
      const still = await t.http().get('/v1/resources?limit=1').expect(200);
      expect(still.body.page.total).toBe(all.length);
    });
  });

  describe('keyset pagination', () => {
    it.each(['name', 'fee'])('sort=%s: pages of 7 have no duplicates or gaps and keep the order', async (sort) => {
      const paged = await fetchAll(`sort=${sort}`, 7);
      const whole = await fetchAll(`sort=${sort}`, 100); // the same order in pages of the largest size
      expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
      expect(ids(paged)).toEqual(ids(all));
      if (sort === 'fee') {
        const key = (r: R) => (r.cost.free ? 0 : (r.cost.feeMin ?? Number.MAX_SAFE_INTEGER));
        const keys = paged.map(key);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }
    });

    it('sort=relevance and sort=distance paginate without duplicates or gaps', async () => {
      const byRank = await fetchAll('q=couples', 5);
      expect(byRank.length).toBe((await t.http().get('/v1/resources?q=couples&limit=1')).body.page.total);
      const byDistance = await fetchAll('postalCode=10001&radiusKm=500', 3);
      const distances = byDistance.map((r) => r.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    });

    it('sends a Link rel="next" header that fetches the next page', async () => {
      const first = await t.http().get('/v1/resources?format=video&limit=3').expect(200);
      const link = first.headers.link;
      expect(link).toMatch(/^<\/v1\/resources\?.*cursor=.*>; rel="next"$/);
      const next = await t
        .http()
        .get(link.slice(1, link.indexOf('>')))
        .expect(200);
      expect(next.body.data[0].id).not.toBe(first.body.data[0].id);
      expect(next.body.data.every((r: R) => r.formats.includes('video'))).toBe(true);
    });

    it('rejects a cursor used with other filters, or a forged one, with 400', async () => {
      const first = await t.http().get('/v1/resources?format=video&limit=3').expect(200);
      const other = await t.http().get(`/v1/resources?format=phone&limit=3&cursor=${first.body.page.nextCursor}`);
      expect(other.status).toBe(400);
      expect(other.body.errors[0]).toMatchObject({ field: 'cursor', code: 'cursor_filters_mismatch' });
      const forged = Buffer.from(JSON.stringify({ s: 'name', k: 1, i: 'x', f: 'y' })).toString('base64url');
      expect((await t.http().get(`/v1/resources?cursor=${forged}`)).status).toBe(400);
      expect((await t.http().get('/v1/resources?cursor=!!!')).status).toBe(400);
    });
  });

  describe('facets', () => {
    it('count each value over all resources matching the filters', async () => {
      const query = 'maxFee=120&facets=format,kind,language';
      const res = await t.http().get(`/v1/resources?${query}&limit=2`).expect(200);
      const matching = await fetchAll('maxFee=120');
      const count = (values: (r: R) => string[]) => {
        const counts: Record<string, number> = {};
        for (const r of matching) for (const v of values(r)) counts[v] = (counts[v] ?? 0) + 1;
        return counts;
      };
      const asMap = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((f) => [f.value, f.count]));
      expect(asMap(res.body.facets.format)).toEqual(count((r) => r.formats));
      expect(asMap(res.body.facets.kind)).toEqual(count((r) => [r.kind]));
      expect(asMap(res.body.facets.language)).toEqual(count((r) => r.languages));
      expect(Object.values(asMap(res.body.facets.kind)).reduce((a, b) => a + b, 0)).toBe(res.body.page.total);
    });
  });

  describe('bad parameters answer 400 problem+json naming the parameter', () => {
    it.each([
      ['radiusKm=-1&near=40,-80', 'radiusKm'],
      ['near=abc', 'near'],
      ['near=95,10', 'near'],
      ['format=zoom', 'format'],
      ['postalCode=00000', 'postalCode'],
      ['postalCode=43215&near=40,-80', 'near'],
      ['sort=distance', 'sort'],
      ['sort=relevance', 'sort'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['maxFee=-5', 'maxFee'],
      ['free=yes', 'free'],
      ['q=a&q=b', 'q'],
      ['serves=ohio', 'serves'],
      ['language=spanish', 'language'],
      ['facets=color', 'facets'],
      ['accessibility=braille', 'accessibility'],
      ['radiusKm=10', 'radiusKm'],
      ['unknownParam=1', 'unknownParam'],
    ])('%s', async (query, field) => {
      const res = await t.http().get(`/v1/resources?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('GET /v1/resources/:idOrSlug', () => {
    it('returns one resource by slug or id', async () => {
      const hotline = all.find((r) => r.slug === 'national-domestic-violence-hotline') ?? all.find((r) => r.kind === 'hotline')!;
      const bySlug = await t.http().get(`/v1/resources/${hotline.slug}`).expect(200);
      expect(bySlug.body.id).toBe(hotline.id);
      const byId = await t.http().get(`/v1/resources/${hotline.id}`).expect(200);
      expect(byId.body.slug).toBe(hotline.slug);
      expect(bySlug.headers['cache-control']).toMatch(/max-age/);
    });

    it('answers 404 problem+json for an unknown id or slug', async () => {
      for (const key of ['no-such-resource', '00000000-0000-0000-0000-000000000000', 'bad%20slug']) {
        const res = await t.http().get(`/v1/resources/${key}`);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });

  it('the documented examples of GET /v1/resources, all together, make a valid request ("Try it out")', async () => {
    const spec = (await t.http().get('/docs-json').expect(200)).body;
    const params: { name: string; in: string; schema?: { example?: unknown; items?: unknown }; example?: unknown }[] =
      spec.paths['/v1/resources'].get.parameters;
    const query = new URLSearchParams();
    // Query parameters only: Accept-Language is a documented header.
    for (const p of params.filter((x) => x.in === 'query')) {
      const example = p.example ?? p.schema?.example;
      if (example === undefined) continue;
      for (const v of Array.isArray(example) ? example : [example]) query.append(p.name, String(v));
    }
    expect([...query.keys()].length).toBeGreaterThan(10);
    await t.http().get(`/v1/resources?${query.toString()}`).expect(200);
  });

  it('GET /v1/taxonomy serves every vocabulary with labels and descriptions', async () => {
    const res = await t.http().get('/v1/taxonomy').expect(200);
    expect(Object.keys(res.body).sort()).toEqual([...Object.keys(TAXONOMY), ...Object.keys(INTERFACE_VOCABULARIES)].sort());
    expect(res.body.reportReason.map((t: { code: string }) => t.code)).toContain('phone_not_working');
    for (const terms of Object.values<{ code: string; label: string; description: string }[]>(res.body)) {
      for (const term of terms)
        expect(term).toEqual({ code: expect.any(String), label: expect.any(String), description: expect.any(String) });
    }
  });
});
