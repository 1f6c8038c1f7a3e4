import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import type { HsdsAttributeResponse, HsdsOrganizationResponse, HsdsServiceResponse } from '../src/hsds/dto/hsds.response.js';
import { exportHsds } from '../src/hsds/hsds-export.js';
import { HsdsImporter, type HsdsImportReport, type ServiceImportReport } from '../src/hsds/import/hsds-importer.js';
import { slugFromHsdsId } from '../src/hsds/import/hsds-service.mapper.js';
import { DirectoryFeedService } from '../src/resources/directory-feed.service.js';
import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { hsdsErrors } from './hsds-schemas.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const FOREIGN = 'test/fixtures/hsds/foreign';
const FOREIGN_SOURCE = 'https://tricounty-211.example.org/hsds';

interface Export {
  services: HsdsServiceResponse[];
  organizations: HsdsOrganizationResponse[];
}

async function exportTo(t: TestApp, dir: string): Promise<Export> {
  await exportHsds(t.app.get(DirectoryFeedService), dir, undefined, 37, { includeDemo: true }); // a small batch, so batching is exercised
  return {
    services: JSON.parse(await readFile(join(dir, 'services.json'), 'utf8')),
    organizations: JSON.parse(await readFile(join(dir, 'organizations.json'), 'utf8')),
  };
}

const fact = (s: HsdsServiceResponse, code: string) =>
  s.attributes!.filter((a) => a.taxonomy_term.taxonomy === 'mend' && a.taxonomy_term.code === code).map((a) => a.value);
const terms = (s: HsdsServiceResponse, vocabulary: string) =>
  s.attributes!.filter((a: HsdsAttributeResponse) => a.taxonomy_term.taxonomy === `mend:${vocabulary}`).map((a) => a.taxonomy_term.code);
const slugOf = (s: HsdsServiceResponse) => fact(s, 'slug')[0]!;

const ID_KEYS = new Set(['id', 'service_id', 'location_id', 'organization_id', 'link_id', 'phone_id']);

/**
 * An export with the database's identities taken out, to compare two databases' exports:
 * service and organization ids become the slug and name they stand for, the ids derived
 * from them (locations, attributes, …) a placeholder; taxonomy ids, the same everywhere, stay.
 * last_modified is the database's clock. Sorted, since equal names may order by id.
 */
function withoutIdentity(data: Export): unknown {
  const names = new Map<string, string>();
  for (const s of data.services) {
    names.set(s.id, `service:${slugOf(s)}`);
    names.set(s.organization_id, `organization:${s.organization.name}`);
  }
  const walk = (value: unknown, parent?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, parent));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'last_modified')
        .map(([key, v]) => {
          const stable = parent === 'taxonomy_term' || parent === 'taxonomy_detail';
          if (ID_KEYS.has(key) && !stable && typeof v === 'string') return [key, names.get(v) ?? '(derived)'];
          return [key, walk(v, key)];
        }),
    );
  };
  const bySlug = (a: HsdsServiceResponse, b: HsdsServiceResponse) => slugOf(a).localeCompare(slugOf(b));
  const services = [...data.services].sort(bySlug);
  const organizations = [...data.organizations].sort((a, b) => a.name.localeCompare(b.name));
  return walk({
    services,
    organizations: organizations.map((o) => ({
      ...o,
      services: [...o.services].sort((a, b) => `${a.name}${a.url}`.localeCompare(`${b.name}${b.url}`)),
    })),
  });
}

const serviceReport = (report: HsdsImportReport, id: string): ServiceImportReport => report.services.find((s) => s.hsdsId === id)!;

describe('HSDS 3.0 export, API and import', () => {
  let t: TestApp;
  let dir: string;
  let exported: Export;
  let resourceCount: number;

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(join(tmpdir(), 'mend-hsds-'));
    exported = await exportTo(t, join(dir, 'first'));
    [{ count: resourceCount }] = await t.app.get(DataSource).query('SELECT count(*)::int AS count FROM resource');
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('export (npm run hsds:export)', () => {
    it('has every resource of the curated directory as a service valid against the HSDS service schema', () => {
      expect(resourceCount).toBeGreaterThanOrEqual(80);
      expect(exported.services).toHaveLength(resourceCount);
      expect(new Set(exported.services.map((s) => s.id)).size).toBe(resourceCount);
      for (const service of exported.services) expect([service.name, hsdsErrors('service', service)]).toEqual([service.name, []]);
    });

    it('has every organization, with each service once, valid against the HSDS organization schema', () => {
      for (const organization of exported.organizations)
        expect([organization.name, hsdsErrors('organization', organization)]).toEqual([organization.name, []]);
      const nested = exported.organizations.flatMap((o) => o.services.map((s) => [s.id, o.id]));
      expect(nested.map(([id]) => id).sort()).toEqual(exported.services.map((s) => s.id).sort());
      for (const [serviceId, organizationId] of nested)
        expect(exported.services.find((s) => s.id === serviceId)!.organization_id).toBe(organizationId);
    });

    it('is checked by schemas that do reject what HSDS forbids', () => {
      const service = exported.services.find((s) => s.service_at_locations!.length)!;
      const { name: _name, ...nameless } = service;
      const [sal] = service.service_at_locations!;
      const { address_1: _street, ...streetless } = sal.location.addresses[0];
      expect(hsdsErrors('service', nameless)).toEqual([expect.stringContaining("required property 'name'")]);
      expect(hsdsErrors('service', { ...service, status: 'open' })).toEqual([expect.stringContaining('/status')]);
      expect(hsdsErrors('service', { ...service, url: null })).toEqual([expect.stringContaining('/url must be string')]);
      expect(hsdsErrors('service', { ...service, phones: [{ id: 'ph-1', number: '988' }] })).toEqual([
        expect.stringContaining('format "uuid"'),
      ]);
      expect(
        hsdsErrors('service', { ...service, service_at_locations: [{ ...sal, location: { ...sal.location, addresses: [streetless] } }] }),
      ).toEqual([expect.stringContaining("required property 'address_1'")]);
    });

    it('writes the same ids every time (nested ids are derived, not random)', async () => {
      const again = await exportTo(t, join(dir, 'again'));
      expect(again).toEqual(exported);
    });

    it('maps Mend fields to HSDS names and nesting, and keeps the rest as mend attributes', async () => {
      const withFees = exported.services.find(
        (s) => fact(s, 'fee_min_minor').length && fact(s, 'insurer').length && s.service_at_locations!.length,
      )!;
      expect(withFees).toBeDefined();
      const { body: r } = (await t
        .http()
        .get(`/v1/resources/${slugOf(withFees)}`)
        .expect(200)) as { body: ResourceResponse };
      expect(withFees).toMatchObject({
        id: r.id,
        name: r.name,
        description: r.description,
        status: r.status,
        organization: { name: r.organization.name, description: '' },
      });
      expect(withFees.url).toBe(r.url ?? undefined);
      expect(withFees.phones!.map((p) => p.number)).toEqual(r.phone ? [r.phone] : []);
      expect(withFees.languages!.map((l) => l.code)).toEqual(r.languages);
      expect(withFees.languages!.every((l) => l.name && l.name !== l.code)).toBe(true);
      expect(withFees.service_areas!.map((a) => a.extent)).toEqual(r.serviceAreas);
      expect(
        withFees.service_at_locations!.map((sal) => {
          const {
            latitude,
            longitude,
            addresses: [address],
          } = sal.location;
          return {
            city: address.city,
            region: address.region,
            country: address.country,
            postalCode: address.postal_code || null,
            latitude,
            longitude,
          };
        }),
      ).toEqual(
        r.locations.map(({ city, region, country, postalCode, latitude, longitude }) => ({
          city,
          region,
          country,
          postalCode,
          latitude,
          longitude,
        })),
      );
      expect(withFees.cost_options!.find((c) => c.option?.startsWith('Lowest fee'))).toMatchObject({
        amount: r.cost.feeMin! / 100,
        currency: r.cost.currency,
      });
      expect(fact(withFees, 'fee_min_minor')).toEqual([String(r.cost.feeMin)]);
      expect(fact(withFees, 'insurer')).toEqual(r.cost.insurers);
      expect(fact(withFees, 'sliding_scale')).toEqual([String(r.cost.slidingScale)]);
      expect(fact(withFees, 'joint_sessions')).toEqual([String(r.jointSessions)]);
      expect(fact(withFees, 'accepting_new_clients')).toEqual([String(r.capacity.acceptingNewClients)]);
      expect(fact(withFees, 'demo')).toEqual([String(r.provenance.demo)]);
      expect(terms(withFees, 'kind')).toEqual([r.kind]);
      expect(terms(withFees, 'format')).toEqual(r.formats);
      expect(terms(withFees, 'specialty')).toEqual(r.specialties);
      expect(terms(withFees, 'approach')).toEqual(r.approaches);
      expect(terms(withFees, 'payment')).toEqual(r.paymentOptions);

      const lifeline = exported.services.find((s) => slugOf(s) === '988-suicide-and-crisis-lifeline')!;
      expect(lifeline.phones![0].number).toBe('988');
      expect(lifeline.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(lifeline.cost_options).toEqual([expect.objectContaining({ option: 'Free', amount: 0 })]);
      expect(lifeline.schedules).toEqual([
        expect.objectContaining({ byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }),
      ]);
      expect(lifeline.service_areas).toEqual([expect.objectContaining({ name: 'United States', extent: 'US' })]);
      const term = lifeline.attributes!.find((a) => a.taxonomy_term.taxonomy === 'mend:kind')!.taxonomy_term;
      expect(term).toMatchObject({ code: 'hotline', name: 'Hotline', taxonomy_detail: { name: 'mend:kind' } });
    });
  });

  describe('GET /v1/hsds', () => {
    it('leaves fictional demo listings out unless include_demo=true', async () => {
      const real = await t.http().get('/v1/hsds/services?per_page=100').expect(200);
      const all = await t.http().get('/v1/hsds/services?per_page=100&include_demo=true').expect(200);
      const demo = exported.services.filter((service) => fact(service, 'demo')[0] === 'true');
      expect(demo.length).toBeGreaterThan(0);
      expect(real.body.total_items).toBe(all.body.total_items - demo.length);
      const realIds = new Set<string>();
      for (let page = 1; page <= real.body.total_pages; page++) {
        for (const c of (await t.http().get(`/v1/hsds/services?per_page=100&page=${page}`).expect(200)).body.contents) realIds.add(c.id);
      }
      for (const service of demo) expect(realIds.has(service.id)).toBe(false);
      const orgs = await t.http().get('/v1/hsds/organizations?per_page=100').expect(200);
      const orgsWithDemo = await t.http().get('/v1/hsds/organizations?per_page=100&include_demo=true').expect(200);
      expect(orgs.body.total_items).toBeLessThan(orgsWithDemo.body.total_items);
    });

    it('pages services as the HSDS API does, every item valid against service_list, none repeated', async () => {
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const res = await t.http().get(`/v1/hsds/services?include_demo=true&per_page=30&page=${page}`).expect(200);
        expect(res.body).toMatchObject({
          total_items: resourceCount,
          total_pages: Math.ceil(resourceCount / 30),
          page_number: page,
          size: res.body.contents.length,
          first_page: page === 1,
          empty: false,
        });
        for (const item of res.body.contents) expect(hsdsErrors('service_list', item)).toEqual([]);
        expect(res.body.contents[0].service_at_locations).toBeUndefined(); // one-to-one fields only
        seen.push(...res.body.contents.map((s: HsdsServiceResponse) => s.id));
        if (res.body.last_page) break;
      }
      expect(seen).toHaveLength(resourceCount);
      expect(new Set(seen).size).toBe(resourceCount);

      const past = await t
        .http()
        .get(`/v1/hsds/services?include_demo=true&page=${Math.ceil(resourceCount / 30) + 1}&per_page=30`)
        .expect(200);
      expect(past.body).toMatchObject({ size: 0, empty: true, last_page: true, first_page: false, contents: [] });
      const first = await t.http().get('/v1/hsds/services?include_demo=true').expect(200);
      expect(first.body).toMatchObject({ page_number: 1, size: 20, first_page: true, last_page: false });
      expect(first.headers['cache-control']).toBe('public, max-age=60');
    });

    it('nests services fully with full=true, as the export does', async () => {
      const res = await t.http().get('/v1/hsds/services?include_demo=true&full=true&per_page=10&page=2').expect(200);
      expect(res.body.contents).toHaveLength(10);
      for (const service of res.body.contents) {
        expect(hsdsErrors('service', service)).toEqual([]);
        expect(service).toEqual(exported.services.find((s) => s.id === service.id));
      }
    });

    it('answers one service with the facts of its source record, field by field (seeds/data read directly, not through the mapper)', async () => {
      type Seed = {
        slug: string;
        name: string;
        description: string;
        url: string;
        email: string;
        phone: string;
        kind: string;
        formats: string[];
        specialties: string[];
        languages: string[];
        serviceAreas: string[];
        organization: { name: string; website: string };
        cost: { feeMin: number; feeMax: number; currency: string };
        locations: { city: string; region: string; postalCode: string; country: string; latitude: number; longitude: number }[];
      };
      const seeds = JSON.parse(await readFile('seeds/data/local-demo.json', 'utf8')) as Seed[];
      const seed = seeds.find((r) => r.slug === 'riverbend-couples-therapy')!;
      const { body: resource } = await t.http().get(`/v1/resources/${seed.slug}`).expect(200);
      const { body: service } = await t.http().get(`/v1/hsds/services/${resource.id}`).expect(200);
      expect(service).toMatchObject({
        id: resource.id,
        name: seed.name,
        description: seed.description,
        url: seed.url,
        email: seed.email,
        status: 'active',
        organization: { name: seed.organization.name, website: seed.organization.website },
      });
      expect(service.phones.map((p: { number: string }) => p.number)).toEqual([seed.phone]);
      expect(service.languages.map((l: { code: string }) => l.code).sort()).toEqual([...seed.languages].sort());
      expect(service.service_areas.map((a: { extent: string }) => a.extent).sort()).toEqual([...seed.serviceAreas].sort());
      // HSDS amounts are in currency units; the seed keeps minor units (cents).
      expect(service.cost_options.map((c: { amount: number; currency: string }) => [c.amount, c.currency]).sort()).toEqual(
        [
          [seed.cost.feeMin / 100, seed.cost.currency],
          [seed.cost.feeMax / 100, seed.cost.currency],
        ].sort(),
      );
      const places = service.service_at_locations.map(
        (sal: {
          location: {
            latitude: number;
            longitude: number;
            addresses: { city: string; region: string; postal_code: string; country: string }[];
          };
        }) => ({
          city: sal.location.addresses[0].city,
          region: sal.location.addresses[0].region,
          postalCode: sal.location.addresses[0].postal_code,
          country: sal.location.addresses[0].country,
          latitude: sal.location.latitude,
          longitude: sal.location.longitude,
        }),
      );
      expect(places).toEqual(
        seed.locations.map(({ city, region, postalCode, country, latitude, longitude }) => ({
          city,
          region,
          postalCode,
          country,
          latitude,
          longitude,
        })),
      );
      const codes = (type: string) =>
        service.attributes
          .filter((a: { link_type: string }) => a.link_type === type)
          .map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)
          .sort();
      expect(codes('kind')).toEqual([seed.kind]);
      expect(codes('format')).toEqual([...seed.formats].sort());
      expect(codes('specialty')).toEqual([...seed.specialties].sort());
    });

    it('answers one service fully nested, equal to its export', async () => {
      const service = exported.services.find((s) => s.service_at_locations!.length)!;
      const res = await t.http().get(`/v1/hsds/services/${service.id}`).expect(200);
      expect(res.body).toEqual(service);
    });

    it('filters services by organization_id', async () => {
      const organization = exported.organizations.find((o) => o.services.length > 1) ?? exported.organizations[0];
      const res = await t.http().get(`/v1/hsds/services?include_demo=true&organization_id=${organization.id}`).expect(200);
      expect(res.body.total_items).toBe(organization.services.length);
      expect(res.body.contents.map((s: HsdsServiceResponse) => s.id).sort()).toEqual(organization.services.map((s) => s.id).sort());
    });

    it('pages organizations (organization_list) and answers one with its services', async () => {
      const res = await t.http().get('/v1/hsds/organizations?include_demo=true&per_page=100').expect(200);
      expect(res.body).toMatchObject({ total_items: exported.organizations.length, page_number: 1, first_page: true });
      const contents: HsdsOrganizationResponse[] = [...res.body.contents];
      for (let page = 2; page <= res.body.total_pages; page++) {
        contents.push(
          ...(await t.http().get(`/v1/hsds/organizations?include_demo=true&per_page=100&page=${page}`).expect(200)).body.contents,
        );
      }
      for (const item of contents) expect(hsdsErrors('organization_list', item)).toEqual([]);
      expect(contents.map((o) => o.id).sort()).toEqual(exported.organizations.map((o) => o.id).sort());

      const organization = exported.organizations[0];
      const one = await t.http().get(`/v1/hsds/organizations/${organization.id}?include_demo=true`).expect(200);
      expect(hsdsErrors('organization', one.body)).toEqual([]);
      expect(one.body).toEqual(organization);
      const full = await t.http().get(`/v1/hsds/organizations/${organization.id}?full_service=true&include_demo=true`).expect(200);
      expect(hsdsErrors('organization', full.body)).toEqual([]);
      expect(full.body.services).toEqual(organization.services.map((s) => exported.services.find((e) => e.id === s.id)));
    });

    it.each([
      ['/v1/hsds/services/3f0c6f8e-9d1b-4c1e-8a57-000000000000'],
      ['/v1/hsds/services/not-a-uuid'],
      ['/v1/hsds/organizations/3f0c6f8e-9d1b-4c1e-8a57-000000000000'],
      ['/v1/hsds/organizations/988-suicide-and-crisis-lifeline'],
    ])('answers 404 problem+json for %s', async (path) => {
      const res = await t.http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
      expect(res.body.detail).not.toContain('not-a-uuid');
    });

    it.each([
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['per_page=0', 'per_page'],
      ['per_page=101', 'per_page'],
      ['full=yes', 'full'],
      ['organization_id=42', 'organization_id'],
      ['search=affair', 'search'],
    ])('answers 400 problem+json for ?%s', async (query, field) => {
      const res = await t.http().get(`/v1/hsds/services?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field })] });
    });
  });

  describe('round trip: export → import into an empty database → export', () => {
    let empty: TestApp;
    let report: HsdsImportReport;

    beforeAll(async () => {
      empty = await createTestApp();
      await empty.app.get(DataSource).query('TRUNCATE organization, resource CASCADE');
      report = await empty.app.get(HsdsImporter).importHsds(join(dir, 'first'));
    });
    afterAll(() => empty.close());

    it('imports every service, leaving nothing out and defaulting nothing', () => {
      expect(report.notes).toEqual([]);
      expect(report.counts).toEqual({ created: resourceCount, updated: 0, unchanged: 0, kept_curated: 0, skipped: 0 });
      expect(report.services.filter((s) => s.skipped.length || s.defaults.length || s.reasons.length)).toEqual([]);
    });

    it("exports again exactly what was exported, but for the new database's ids and clock", async () => {
      const second = await exportTo(empty, join(dir, 'second'));
      expect(second.services).toHaveLength(resourceCount);
      expect(withoutIdentity(second)).toEqual(withoutIdentity(exported));
    });

    it('stores every resource as the original stores it', async () => {
      const strip = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: ResourceResponse) => rest;
      for (const service of exported.services) {
        const slug = slugOf(service);
        const [original, copy] = await Promise.all([t.http().get(`/v1/resources/${slug}`), empty.http().get(`/v1/resources/${slug}`)]);
        expect(copy.status).toBe(200);
        expect(strip(copy.body)).toEqual(strip(original.body));
      }
    });

    it('re-importing changes nothing: no duplicates, no new versions', async () => {
      const before = await empty.app.get(DataSource).query('SELECT slug, version FROM resource ORDER BY slug');
      const again = await empty.app.get(HsdsImporter).importHsds(join(dir, 'first'));
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: resourceCount, kept_curated: 0, skipped: 0 });
      expect(await empty.app.get(DataSource).query('SELECT slug, version FROM resource ORDER BY slug')).toEqual(before);
    });

    it('reads organizations.json alone, whose one-to-one service fields are not enough for a Mend record', async () => {
      const alone = await empty.app.get(HsdsImporter).importHsds(join(dir, 'first', 'organizations.json'), { dryRun: true });
      expect(alone.counts.created).toBe(0);
      expect(alone.services.every((s) => s.outcome === 'skipped' && s.reasons.some((r) => /kind/.test(r)))).toBe(true);
    });
  });

  describe("import of another directory's HSDS (test/fixtures/hsds/foreign)", () => {
    let report: HsdsImportReport;
    const options = { sourceUrl: FOREIGN_SOURCE, defaultKind: 'clinic' as const };

    beforeAll(async () => {
      report = await t.app.get(HsdsImporter).importHsds(FOREIGN, options);
    });

    it('imports what it can and says why it skipped the rest', () => {
      expect(report.notes).toEqual([]);
      expect(report.services.map((s) => [s.hsdsId, s.outcome])).toEqual([
        ['svc-101', 'created'],
        ['svc-102', 'created'],
        ['svc-103', 'skipped'],
        ['svc-104', 'skipped'],
        ['svc-105', 'created'],
      ]);
      expect(serviceReport(report, 'svc-103').reasons).toEqual([expect.stringMatching(/^no description/)]);
      expect(serviceReport(report, 'svc-104').reasons).toEqual([expect.stringMatching(/^no assured_date/)]);
    });

    it('maps names, organization, contact details, locations with geo, areas, languages, fees and recognised terms', async () => {
      const { body: r } = (await t
        .http()
        .get(`/v1/resources/${slugFromHsdsId('svc-101')}`)
        .expect(200)) as { body: ResourceResponse };
      expect(r).toMatchObject({
        name: 'Couples Counseling (Sliding Scale)',
        organization: { name: 'Tri-County Family Services', website: 'https://tricounty-family.example.org' },
        url: 'https://tricounty-family.example.org/couples',
        email: 'couples@tricounty-family.example.org',
        phone: '614 555-0142',
        kind: 'clinic',
        formats: ['in_person', 'video'],
        specialties: ['infidelity'],
        paymentOptions: ['sliding_scale'],
        languages: ['en', 'es'],
        serviceAreas: ['US-OH'],
        availability: ['evenings', 'weekends'],
        locations: [
          {
            address: '200 E Main St, Suite 4',
            city: 'Columbus',
            region: 'US-OH',
            postalCode: '43215',
            country: 'US',
            latitude: 39.9612,
            longitude: -82.9988,
          },
        ],
        cost: {
          free: false,
          slidingScale: true,
          feeMin: 3000,
          feeMax: 9500,
          currency: 'USD',
          notes: 'From $30 to $95 a session, by household income.',
        },
        provenance: { sourceUrl: FOREIGN_SOURCE, lastVerifiedAt: '2026-10-01T00:00:00.000Z', demo: false },
        status: 'active',
      });
      const notes = serviceReport(report, 'svc-101').skipped.map((n) => `${n.field}: ${n.reason}`);
      expect(notes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^alternate_name: /),
          expect.stringMatching(/^contacts: /),
          expect.stringMatching(/^attributes\[4\]: no Mend term for "Couples Counseling" \(taxonomy Open Eligibility\)/),
          expect.stringMatching(/^attributes\[5\]: term "Faith-based" .* is ambiguous/),
          expect.stringMatching(/^languages\[2\]: "Klingon"/),
          expect.stringMatching(/^service_areas\[1\]: "Franklin County"/),
          expect.stringMatching(/^service_at_locations\[1\]: a virtual location/),
          expect.stringMatching(/^phones\[0\]\.extension: /),
          expect.stringMatching(/^phones\[1\]: Mend keeps one phone/),
        ]),
      );
      expect(notes).toHaveLength(9);

      const { body: helpline } = (await t
        .http()
        .get(`/v1/resources/${slugFromHsdsId('svc-102')}`)
        .expect(200)) as { body: ResourceResponse };
      expect(helpline).toMatchObject({
        kind: 'hotline',
        formats: ['phone'],
        languages: ['es'],
        serviceAreas: ['US-MI'],
        availability: ['around_the_clock'],
        organization: { name: 'Harbor Counseling Collective', website: null },
        cost: { free: true },
        status: 'inactive',
      });
      expect(serviceReport(report, 'svc-102').skipped).toEqual([
        { field: 'organization.website', reason: expect.stringContaining('not an http(s) URL') },
      ]);
      expect(serviceReport(report, 'svc-102').defaults).toEqual(
        expect.arrayContaining([{ field: 'status', reason: '"temporarily closed" is stored as inactive' }]),
      );

      const { body: walkIn } = (await t
        .http()
        .get(`/v1/resources/${slugFromHsdsId('svc-105')}`)
        .expect(200)) as { body: ResourceResponse };
      expect(walkIn).toMatchObject({
        kind: 'clinic',
        locations: [{ city: 'Newark', region: 'US-OH', country: 'US' }],
        cost: { currency: 'USD', feeMin: null },
      });
      expect(serviceReport(report, 'svc-105').defaults).toEqual(
        expect.arrayContaining([{ field: 'kind', reason: expect.stringContaining('used clinic') }]),
      );
      expect(serviceReport(report, 'svc-105').skipped.map((n) => n.field)).toEqual(['service_at_locations[1]', 'cost_options[0]']);
    });

    it('finds imported services in directory search', async () => {
      const res = await t.http().get('/v1/resources?q=affair&serves=US-OH&limit=100').expect(200);
      expect(res.body.data.map((r: ResourceResponse) => r.slug)).toContain(slugFromHsdsId('svc-101'));
    });

    it('is idempotent: a re-run finds everything unchanged and duplicates nothing', async () => {
      // Its own slugs (prefix idem-): independent of what the other tests did to the hsds- ones.
      const own = { ...options, slugPrefix: 'idem' };
      const first = await t.app.get(HsdsImporter).importHsds(FOREIGN, own);
      expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0, kept_curated: 0, skipped: 2 });
      const again = await t.app.get(HsdsImporter).importHsds(FOREIGN, own);
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, kept_curated: 0, skipped: 2 });
      const [{ count }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS count FROM resource WHERE slug LIKE 'idem-%'`);
      expect(count).toBe(3);
    });

    it('updates a service whose data changed, and leaves a curated one as the curator made it', async () => {
      // Its own slugs (prefix upd-), imported here: independent of the other tests.
      const own = { ...options, slugPrefix: 'upd' };
      await t.app.get(HsdsImporter).importHsds(FOREIGN, own);
      const partner = await t.createPartner();
      const slug = slugFromHsdsId('svc-105', 'upd');
      const { headers } = await t.http().get(`/v1/resources/${slug}`).expect(200);
      const { body: stored } = await t.http().get(`/v1/resources/${slug}`);
      await t
        .http()
        .patch(`/v1/resources/${stored.id}`)
        .set('Authorization', partner.auth)
        .set('If-Match', headers.etag)
        .set('Content-Type', 'application/merge-patch+json')
        .send({ description: 'Curated description.' })
        .expect(200);
      const services = JSON.parse(await readFile(join(FOREIGN, 'services.json'), 'utf8'));
      services.contents[0].description = 'Changed upstream.';
      const changedDir = join(dir, 'foreign-changed');
      const { mkdir, writeFile, copyFile } = await import('node:fs/promises');
      await mkdir(changedDir);
      await writeFile(join(changedDir, 'services.json'), JSON.stringify(services));
      await copyFile(join(FOREIGN, 'organizations.json'), join(changedDir, 'organizations.json'));
      const rerun = await t.app.get(HsdsImporter).importHsds(changedDir, own);
      expect(serviceReport(rerun, 'svc-101').outcome).toBe('updated');
      expect(serviceReport(rerun, 'svc-105').outcome).toBe('kept_curated');
      expect((await t.http().get(`/v1/resources/${slug}`)).body.description).toBe('Curated description.');
      expect((await t.http().get(`/v1/resources/${slugFromHsdsId('svc-101', 'upd')}`)).body.description).toBe('Changed upstream.');
    });

    it('without a default kind or a source URL, skips what needs them; a dry run writes nothing', async () => {
      const [{ count: before }] = await t.app.get(DataSource).query('SELECT count(*)::int AS count FROM resource');
      const strict = await t.app.get(HsdsImporter).importHsds(FOREIGN, { dryRun: true, slugPrefix: 'other' });
      expect(strict.dryRun).toBe(true);
      expect(serviceReport(strict, 'svc-105').reasons).toEqual(
        expect.arrayContaining([expect.stringMatching(/kind/), expect.stringMatching(/^no source/)]),
      );
      expect(strict.counts).toEqual({ created: 0, updated: 0, unchanged: 0, kept_curated: 0, skipped: 5 });
      const [{ count: after }] = await t.app.get(DataSource).query('SELECT count(*)::int AS count FROM resource');
      expect(after).toBe(before);
    });

    it("drops an optional field the directory's validation rejects, keeping the record; a bad required one skips it", async () => {
      const { writeFile } = await import('node:fs/promises');
      const base = {
        status: 'active',
        assured_date: '2026-10-01',
        organization: { name: 'Long Notes Org' },
        attributes: [{ id: 'k', taxonomy_term: { name: 'Workshop' } }],
      };
      const file = join(dir, 'long-fields.json');
      await writeFile(
        file,
        JSON.stringify([
          {
            ...base,
            id: 'long-1',
            name: 'Weekend Intensive',
            description: 'Two days.',
            fees_description: 'x'.repeat(1001),
            url: `https://example.org/${'a'.repeat(500)}`,
          },
          { ...base, id: 'long-2', name: 'N'.repeat(201), description: 'Too long a name.' },
        ]),
      );
      const result = await t.app.get(HsdsImporter).importHsds(file, { sourceUrl: FOREIGN_SOURCE });
      expect(serviceReport(result, 'long-1')).toMatchObject({ outcome: 'created', skipped: [{ field: 'url' }, { field: 'cost.notes' }] });
      expect(serviceReport(result, 'long-2')).toMatchObject({ outcome: 'skipped', reasons: [expect.stringMatching(/^name: /)] });
      const { body } = await t
        .http()
        .get(`/v1/resources/${slugFromHsdsId('long-1')}`)
        .expect(200);
      expect(body).toMatchObject({ kind: 'workshop', url: null, cost: { notes: null } });
    });

    it("reads one file too, and says when a service's organization is not in it", async () => {
      const single = await t.app.get(HsdsImporter).importHsds(join(FOREIGN, 'services.json'), { ...options, dryRun: true });
      expect(serviceReport(single, 'svc-101').reasons).toEqual(['no organization name']);
      expect(serviceReport(single, 'svc-102').outcome).toBe('unchanged'); // its organization is nested in the service
    });
  });
});
