import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

type Problem = { code: string; errors?: { field: string; code: string }[] };

/** A valid new resource (the shape of a seeds/data record); slug and names are unique to this file. */
function record(slug: string, over: Record<string, unknown> = {}) {
  return {
    slug,
    name: `Zephyrine Couples Studio ${slug}`,
    description: 'Gottman-trained couples counseling for partners recovering from an affair or from lies about money.',
    organization: { name: `Quillfeather Relationship Center ${slug}`, website: 'https://quillfeather.example' },
    url: 'https://quillfeather.example/couples',
    phone: '614-555-0190',
    email: 'intake@quillfeather.example',
    kind: 'practice',
    formats: ['in_person', 'video'],
    cost: {
      free: false,
      slidingScale: true,
      feeMin: 9000,
      feeMax: 16000,
      currency: 'USD',
      insuranceAccepted: true,
      insurers: ['Aetna'],
      noInsuranceNeeded: true,
      notes: 'Evening slots cost the same.',
    },
    specialties: ['infidelity', 'trust_rebuilding', 'financial_conflict'],
    approaches: ['gottman'],
    languages: ['en', 'es'],
    audiences: ['unmarried_couples'],
    credentials: ['licensed_clinician'],
    paymentOptions: ['insurance', 'sliding_scale', 'cash'],
    locations: [
      {
        address: '10 High St',
        city: 'Columbus',
        region: 'US-OH',
        postalCode: '43215',
        country: 'US',
        latitude: 39.9612,
        longitude: -82.9988,
      },
    ],
    serviceAreas: ['US-OH'],
    acceptingNewClients: true,
    waitTimeDays: 7,
    availability: ['evenings'],
    jointSessions: true,
    demo: true,
    ...over,
  };
}

describe('directory curation: POST/PATCH/DELETE /v1/resources, verify, audit', () => {
  let t: TestApp;
  let writer: TestPartner;
  let reader: TestPartner;
  const auth = () => ({ Authorization: writer.auth });

  async function create(slug: string, over: Record<string, unknown> = {}): Promise<{ resource: ResourceResponse; etag: string }> {
    const res = await t.http().post('/v1/resources').set(auth()).send(record(slug, over));
    expect(res.status).toBe(201);
    return { resource: res.body, etag: res.headers.etag };
  }
  const searchIds = async (query: string) => {
    const res = await t.http().get(`/v1/resources?${query}&limit=100`).expect(200);
    return (res.body.data as ResourceResponse[]).map((r) => r.id);
  };
  const etagOf = async (id: string) => (await t.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;

  beforeAll(async () => {
    t = await createTestApp();
    writer = await t.createPartner({ name: 'curator', scopes: ['directory:read', 'resources:write', 'keys:manage'] }); // keys:manage: to find its own key id in the audit test
    reader = await t.createPartner({ name: 'reader', scopes: ['directory:read', 'intakes:write'] });
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('creates a resource that GET returns and search finds, by its text and its computed keywords', async () => {
      const res = await t.http().post('/v1/resources').set(auth()).send(record('zephyrine-one')).expect(201);
      const created = res.body as ResourceResponse;
      expect(res.headers.location).toBe(`/v1/resources/${created.id}`);
      expect(res.headers.etag).toBe('"v1"');
      expect(created).toMatchObject({
        slug: 'zephyrine-one',
        status: 'active',
        kind: 'practice',
        organization: { name: 'Quillfeather Relationship Center zephyrine-one', website: 'https://quillfeather.example' },
        cost: { feeMin: 9000, feeMax: 16000, currency: 'USD', notes: 'Evening slots cost the same.' },
        locations: [{ city: 'Columbus', region: 'US-OH', postalCode: '43215' }],
        provenance: { demo: true, sourceUrl: null, lastVerifiedAt: null },
      });

      const bySlug = await t.http().get('/v1/resources/zephyrine-one').expect(200);
      expect(bySlug.body).toEqual(created);
      expect(bySlug.headers.etag).toBe('"v1"');
      expect((await t.http().get(`/v1/resources/${created.id}`).expect(200)).body).toEqual(created);

      expect(await searchIds('q=zephyrine')).toContain(created.id); // the name
      expect(await searchIds('q=quillfeather')).toContain(created.id); // the organization: only in searchKeywords
      expect(await searchIds('q=zephyrine%20gottman&specialty=financial_conflict&serves=US-OH&maxFee=90')).toContain(created.id);
    });

    it('accepts application/merge-patch+json only for PATCH, and a real listing needs its source', async () => {
      const res = await t
        .http()
        .post('/v1/resources')
        .set(auth())
        .send(record('zephyrine-unsourced', { demo: false }));
      expect(res.status).toBe(400);
      expect((res.body as Problem).errors!.map((e) => e.field).sort()).toEqual(['lastVerifiedAt', 'sourceUrl']);
      await t
        .http()
        .post('/v1/resources')
        .set(auth())
        .send(record('zephyrine-sourced', { demo: false, sourceUrl: 'https://quillfeather.example/about', lastVerifiedAt: '2026-11-25' }))
        .expect(201);
    });

    it('answers 400 problem+json naming each invalid field', async () => {
      const bad = record('zephyrine-bad', {
        kind: 'spa',
        specialties: ['infidelity', 'astrology'],
        languages: ['english'],
        cost: { ...record('x').cost, feeMin: 90.5 },
        locations: [{ city: 'Columbus', region: 'Ohio', country: 'USA', latitude: 200, longitude: 0 }],
        rating: 5,
      });
      const res = await t.http().post('/v1/resources').set(auth()).send(bad);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      const fields = (res.body as Problem).errors!.map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'kind',
          'specialties',
          'languages',
          'cost.feeMin',
          'locations.0.region',
          'locations.0.country',
          'locations.0.latitude',
          'rating',
        ]),
      );

      const stored = (await searchIds('q=zephyrine')).sort(); // whatever earlier tests made: this test compares with it
      const { name: _name, cost: _cost, ...missing } = record('zephyrine-missing');
      const incomplete = await t.http().post('/v1/resources').set(auth()).send(missing).expect(400);
      expect((incomplete.body as Problem).errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['name', 'cost']));
      expect((await searchIds('q=zephyrine')).sort()).toEqual(stored); // nothing stored by either failed create
    });

    it('answers 409 slug_taken for a slug in use, by a curated or a created resource', async () => {
      await create('zephyrine-taken'); // its own created resource, not one an earlier test left
      for (const slug of ['zephyrine-taken', 'national-domestic-violence-hotline']) {
        const res = await t.http().post('/v1/resources').set(auth()).send(record(slug));
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('slug_taken');
      }
    });
  });

  describe('update (JSON merge patch under If-Match)', () => {
    it('needs If-Match: 428 without it, 412 with a stale one, 200 with the current one', async () => {
      const { resource, etag } = await create('zephyrine-patch');
      const patch = { cost: { feeMin: 8000, notes: null }, formats: ['video'], url: null, name: 'Zephyrine Online' };

      const missing = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).send(patch);
      expect(missing.status).toBe(428);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body.code).toBe('precondition_required');
      const wildcard = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', '*').send(patch);
      expect(wildcard.status).toBe(428);
      const mismatched = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', '"v99"').send(patch);
      expect(mismatched.status).toBe(412);
      expect(mismatched.body.code).toBe('precondition_failed');

      const res = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send(patch).expect(200);
      expect(res.headers.etag).toBe('"v2"');
      expect(res.body).toMatchObject({
        name: 'Zephyrine Online',
        formats: ['video'],
        url: null,
        phone: resource.phone,
        cost: { ...resource.cost, feeMin: 8000, notes: null, notesLang: null }, // merged field by field; no notes, no language
        locations: resource.locations,
        specialties: resource.specialties,
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(resource.updatedAt));
      expect(res.body.createdAt).toBe(resource.createdAt);
      expect((await t.http().get(`/v1/resources/${resource.id}`).expect(200)).body).toEqual(res.body);

      // The old ETag is spent; the search index follows the change.
      await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send({ name: 'Late' }).expect(412);
      expect(await searchIds('q=zephyrine&format=in_person')).not.toContain(resource.id);
      expect(await searchIds('q=zephyrine&format=video&maxFee=80')).toContain(resource.id);
    });

    it('translations: written with the record, checked (400 naming them), shown in the reader’s language, dropped when only the English changes', async () => {
      const es = { description: 'Terapia de pareja con el método Gottman.', costNotes: 'Los horarios de tarde cuestan lo mismo.' };
      const { resource, etag } = await create('zephyrine-es', { translations: { es } });
      expect([resource.translations, resource.descriptionLang, resource.cost.notesLang]).toEqual([{ es }, 'en', 'en']);
      const read = await t.http().get(`/v1/resources/${resource.id}`).set('Accept-Language', 'es-MX').expect(200);
      expect([
        read.body.description,
        read.body.descriptionLang,
        read.body.cost.notes,
        read.body.cost.notesLang,
        read.body.nameLang,
      ]).toEqual([es.description, 'es', es.costNotes, 'es', 'en']);

      for (const [over, field] of [
        [{ translations: { fr: { description: 'Thérapie.' } } }, 'translations.fr'],
        [{ translations: { es: { hours: 'x' } } }, 'translations.es.hours'],
        [{ translations: { es: { description: ' ' } } }, 'translations.es.description'],
        [{ translations: { es: { costNotes: 'Gratis.' } }, cost: { ...record('x').cost, notes: undefined } }, 'translations'],
      ] as const) {
        const res = await t.http().post('/v1/resources').set(auth()).send(record('zephyrine-es-bad', over));
        expect({ over, status: res.status, code: res.body.code }).toEqual({ over, status: 400, code: 'validation_failed' });
        const fields = (res.body as Problem).errors!.map((e) => e.field);
        expect([over, fields.some((f) => f === field || f === 'translations')]).toEqual([over, true]);
      }

      // The English description changes and its Spanish is not written again: the Spanish goes, the cost notes' stays.
      const changed = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', etag)
        .send({ description: 'Emotionally focused couples therapy.' })
        .expect(200);
      expect(changed.body.translations).toEqual({ es: { costNotes: es.costNotes } });
      const both = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', changed.headers.etag)
        .send({ description: 'EFT for couples.', translations: { es: { description: 'Terapia focalizada en las emociones.' } } })
        .expect(200);
      expect(both.body.translations).toEqual({ es: { description: 'Terapia focalizada en las emociones.', costNotes: es.costNotes } });
      const removed = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', both.headers.etag)
        .send({ translations: null })
        .expect(200);
      expect(removed.body.translations).toEqual({});
    });

    it('takes application/merge-patch+json, replaces arrays, and moves the slug (409 when taken)', async () => {
      const { resource, etag } = await create('zephyrine-move');
      const res = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', etag)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ slug: 'zephyrine-moved', locations: [], organization: { website: 'https://quillfeather.example/new' } }))
        .expect(200);
      expect(res.body).toMatchObject({
        slug: 'zephyrine-moved',
        locations: [],
        organization: { name: resource.organization.name, website: 'https://quillfeather.example/new' },
      });
      await t.http().get('/v1/resources/zephyrine-moved').expect(200);
      await t.http().get('/v1/resources/zephyrine-move').expect(404);

      const taken = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', res.headers.etag)
        .send({ slug: 'zephyrine-one' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('slug_taken');
      expect((await t.http().get(`/v1/resources/${resource.id}`).expect(200)).headers.etag).toBe(res.headers.etag); // unchanged
    });

    it('validates the patch and the merged record, naming the fields', async () => {
      const { resource, etag } = await create('zephyrine-invalid');
      const cases: [object, string][] = [
        [{ cost: { feeMin: 'cheap' } }, 'cost.feeMin'],
        [{ cost: { feeMin: 20000 } }, 'cost.feeMax'], // above the stored feeMax: only the merged record shows it
        [{ name: null }, 'name'], // a required field cannot be removed
        [{ demo: false }, 'sourceUrl'], // a real listing needs its source
        [{ status: 'archived' }, 'status'],
        [{ specialties: ['astrology'] }, 'specialties'],
        [{ accessibility: ['braille'] }, 'accessibility'],
        [{ accessibility: ['tty'] }, 'accessibility'], // a TTY code without the TTY number
        [{ locations: [], accessibility: ['wheelchair_access'] }, 'accessibility'], // step-free where?
        [{ nickname: 'Z' }, 'nickname'],
      ];
      for (const [patch, field] of cases) {
        const res = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send(patch);
        expect([JSON.stringify(patch), res.status, res.body.code]).toEqual([JSON.stringify(patch), 400, 'validation_failed']);
        expect((res.body as Problem).errors!.map((e) => e.field)).toContain(field);
      }
      expect(await etagOf(resource.id)).toBe(etag); // nothing written
    });

    it('stores accessibility with the codes its channels state, and search finds it by every code asked for', async () => {
      const { resource, etag } = await create('zephyrine-a11y', { accessibility: ['wheelchair_access', 'asl'] });
      expect(resource.accessibility).toEqual(['asl', 'wheelchair_access']);
      expect(await searchIds('accessibility=asl,tty')).not.toContain(resource.id);
      const res = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', etag)
        .send({ contactChannels: [{ type: 'tty', value: '614-555-0191' }] })
        .expect(200);
      expect(res.body.accessibility).toEqual(['asl', 'tty', 'wheelchair_access']);
      expect(await searchIds('accessibility=asl,tty')).toContain(resource.id);
      // The channel is the one source of the route: taking the TTY number away takes the code with it.
      const removed = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', res.headers.etag)
        .send({ contactChannels: [] })
        .expect(200);
      expect(removed.body.accessibility).toEqual(['asl', 'wheelchair_access']);
      // A TTY code stated without its number is refused.
      const unreachable = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', removed.headers.etag)
        .send({ accessibility: ['asl', 'tty'] });
      expect([unreachable.status, (unreachable.body as Problem).errors!.map((e) => [e.field, e.code])]).toEqual([
        400,
        [['accessibility', 'borneOutByRecord']],
      ]);
      expect(await searchIds('accessibility=tty')).not.toContain(resource.id);
    });

    it('a patch that changes nothing writes nothing: same ETag, no audit entry', async () => {
      const { resource, etag } = await create('zephyrine-noop');
      for (const patch of [{}, { name: resource.name, cost: { feeMin: resource.cost.feeMin } }, { status: 'active' }]) {
        const res = await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send(patch).expect(200);
        expect(res.headers.etag).toBe(etag);
        expect(res.body).toEqual(resource);
      }
      const audit = await t.http().get(`/v1/resources/${resource.id}/audit`).set(auth()).expect(200);
      expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['create']);
    });

    it('of two PATCHes with the same ETag, exactly one wins and the other gets 412', async () => {
      const { resource, etag } = await create('zephyrine-race');
      const send = (name: string) => t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send({ name });
      const results = await Promise.all([send('Zephyrine Race A'), send('Zephyrine Race B')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const stored = await t.http().get(`/v1/resources/${resource.id}`).expect(200);
      expect(stored.body.name).toBe(winner.body.name);
      expect(stored.headers.etag).toBe('"v2"');
      const audit = await t.http().get(`/v1/resources/${resource.id}/audit`).set(auth()).expect(200);
      expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    });

    it('the version check is in the UPDATE itself: two writers that both read the same version still get one 200 and one 412', async () => {
      const { resource, etag } = await create('zephyrine-race-held');
      // Hold the row so both requests read version 1 (passing the early check) and then queue on the write.
      const db = new pg.Client({ connectionString: t.databaseUrl });
      await db.connect();
      try {
        await db.query('BEGIN');
        await db.query('SELECT 1 FROM resource WHERE id = $1 FOR UPDATE', [resource.id]);
        const send = (name: string) =>
          t
            .http()
            .patch(`/v1/resources/${resource.id}`)
            .set(auth())
            .set('If-Match', etag)
            .send({ name })
            .then((r) => r);
        const pending = Promise.all([send('Zephyrine Held A'), send('Zephyrine Held B')]);
        // Until both wait on the lock, within a deadline (a hung request fails here, not at the jest timeout).
        const deadline = Date.now() + 30_000;
        for (let waiting = 0; waiting < 2; await new Promise((done) => setTimeout(done, 20))) {
          if (Date.now() > deadline) throw new Error(`only ${waiting} of 2 PATCH requests reached the row lock within 30 s`);
          const [{ count }] = (
            await db.query(
              `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows;
          waiting = count;
        }
        await db.query('COMMIT');
        const results = await pending;
        expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
        expect(results.find((r) => r.status === 412)!.body.code).toBe('precondition_failed');
      } finally {
        await db.end();
      }
      expect(await etagOf(resource.id)).toBe('"v2"');
    });

    it('answers 404 for an unknown or malformed id', async () => {
      await t
        .http()
        .patch('/v1/resources/00000000-0000-4000-8000-000000000000')
        .set(auth())
        .set('If-Match', '"v1"')
        .send({ name: 'x' })
        .expect(404);
      await t.http().patch('/v1/resources/not-a-uuid').set(auth()).set('If-Match', '"v1"').send({ name: 'x' }).expect(404);
    });
  });

  describe('delete (soft) and verify', () => {
    it('DELETE hides the resource from search; GET still shows it, inactive; PATCH status active brings it back', async () => {
      const { resource, etag } = await create('zephyrine-delete');
      expect(await searchIds('q=zephyrine')).toContain(resource.id);
      await t.http().delete(`/v1/resources/${resource.id}`).set(auth()).expect(428);
      await t.http().delete(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', '"v7"').expect(412);

      const res = await t.http().delete(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).expect(204);
      expect(res.text).toBe('');
      expect(res.headers.etag).toBe('"v2"');
      expect(await searchIds('q=zephyrine')).not.toContain(resource.id);
      expect(await searchIds('kind=practice')).not.toContain(resource.id);
      const shown = await t.http().get(`/v1/resources/${resource.id}`).expect(200);
      expect(shown.body.status).toBe('inactive');
      expect(shown.headers.etag).toBe('"v2"');

      // Deleting again changes nothing (and records nothing).
      await t.http().delete(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', '"v2"').expect(204);
      expect(await etagOf(resource.id)).toBe('"v2"');

      const restored = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', '"v2"')
        .send({ status: 'active' })
        .expect(200);
      expect(restored.body.status).toBe('active');
      expect(await searchIds('q=zephyrine')).toContain(resource.id);
    });

    it('verify sets lastVerifiedAt to now (and sourceUrl when given), under If-Match', async () => {
      const { resource, etag } = await create('zephyrine-verify');
      await t.http().post(`/v1/resources/${resource.id}/verify`).set(auth()).send({}).expect(428);
      await t.http().post(`/v1/resources/${resource.id}/verify`).set(auth()).set('If-Match', '"v5"').send({}).expect(412);
      const invalid = await t
        .http()
        .post(`/v1/resources/${resource.id}/verify`)
        .set(auth())
        .set('If-Match', etag)
        .send({ sourceUrl: 'nope' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0].field).toBe('sourceUrl');

      const before = Date.now();
      const res = await t
        .http()
        .post(`/v1/resources/${resource.id}/verify`)
        .set(auth())
        .set('If-Match', etag)
        .send({ sourceUrl: 'https://quillfeather.example/checked' })
        .expect(200);
      expect(res.headers.etag).toBe('"v2"');
      expect(Math.abs(Date.parse(res.body.provenance.lastVerifiedAt) - before)).toBeLessThan(60_000);
      expect(res.body.provenance.sourceUrl).toBe('https://quillfeather.example/checked');

      const again = await t.http().post(`/v1/resources/${resource.id}/verify`).set(auth()).set('If-Match', '"v2"').expect(200);
      expect(again.body.provenance.sourceUrl).toBe('https://quillfeather.example/checked'); // kept when not given
      expect(Date.parse(again.body.provenance.lastVerifiedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.provenance.lastVerifiedAt));
      expect(again.headers.etag).toBe('"v3"');
    });
  });

  describe('audit log', () => {
    it('records every write with the partner, the key, and the resource before and after, newest first', async () => {
      const { resource, etag } = await create('zephyrine-audit');
      const patched = await t
        .http()
        .patch(`/v1/resources/${resource.id}`)
        .set(auth())
        .set('If-Match', etag)
        .send({ cost: { feeMin: 7000 } })
        .expect(200);
      const verified = await t
        .http()
        .post(`/v1/resources/${resource.id}/verify`)
        .set(auth())
        .set('If-Match', patched.headers.etag)
        .expect(200);
      await t.http().delete(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', verified.headers.etag).expect(204);

      const res = await t.http().get(`/v1/resources/${resource.id}/audit`).set(auth()).expect(200);
      const entries = res.body.data;
      expect(entries.map((e: { action: string }) => e.action)).toEqual(['delete', 'verify', 'update', 'create']);
      const keys = await t.http().get('/v1/keys').set(auth()).expect(200);
      const secretKeyId = keys.body.data.find((k: { kind: string }) => k.kind === 'secret').id;
      for (const entry of entries)
        expect(entry).toMatchObject({ partnerId: writer.partnerId, keyId: secretKeyId, createdAt: expect.any(String) });
      const [deleted, , updated, created] = entries;
      expect(created.before).toBeNull();
      expect(created.after).toEqual(resource);
      expect(updated.before.cost.feeMin).toBe(9000);
      expect(updated.after.cost.feeMin).toBe(7000);
      expect(updated.after.cost.feeMax).toBe(16000);
      expect(deleted.before.status).toBe('active');
      expect(deleted.after.status).toBe('inactive');
      expect(Date.parse(entries[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(entries[3].createdAt));

      const limited = await t.http().get(`/v1/resources/${resource.id}/audit?limit=1`).set(auth()).expect(200);
      expect(limited.body.data.map((e: { action: string }) => e.action)).toEqual(['delete']);
      await t.http().get(`/v1/resources/${resource.id}/audit?limit=0`).set(auth()).expect(400);
      await t.http().get('/v1/resources/00000000-0000-4000-8000-000000000000/audit').set(auth()).expect(404);
    });

    it('is for resources:write keys only', async () => {
      const { resource } = await create('zephyrine-audit-access');
      expect((await t.http().get(`/v1/resources/${resource.id}/audit`)).status).toBe(401);
      const res = await t.http().get(`/v1/resources/${resource.id}/audit`).set('Authorization', reader.auth);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('insufficient_scope');
    });
  });

  describe('access', () => {
    it('writes need a key with resources:write: anonymous 401, other scopes 403, publishable keys 403', async () => {
      const { resource, etag } = await create('zephyrine-access');
      const writes = [
        () => t.http().post('/v1/resources').send(record('zephyrine-intruder')),
        () => t.http().patch(`/v1/resources/${resource.id}`).set('If-Match', etag).send({ name: 'Hijacked' }),
        () => t.http().delete(`/v1/resources/${resource.id}`).set('If-Match', etag),
        () => t.http().post(`/v1/resources/${resource.id}/verify`).set('If-Match', etag).send({}),
      ];
      for (const write of writes) {
        const anonymous = await write();
        expect([anonymous.status, anonymous.body.code]).toEqual([401, 'api_key_required']);
        expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
        const readOnly = await write().set('Authorization', reader.auth);
        expect([readOnly.status, readOnly.body.code]).toEqual([403, 'insufficient_scope']);
        const publishable = await write().set('Authorization', `Bearer ${writer.publishableKey}`).set('Origin', 'https://partner.example');
        expect([publishable.status, publishable.body.code]).toEqual([403, 'publishable_key_not_allowed']);
      }
      await t.http().get('/v1/resources/zephyrine-intruder').expect(404);
      expect(await etagOf(resource.id)).toBe(etag);
    });
  });

  describe('conditional reads', () => {
    it('GET one: ETag, and 304 for If-None-Match until the resource changes', async () => {
      const { resource, etag } = await create('zephyrine-cache');
      const hit = await t.http().get(`/v1/resources/${resource.id}`).set('If-None-Match', etag).expect(304);
      expect(hit.text).toBe('');
      expect(hit.headers.etag).toBe(etag);
      expect(hit.headers['cache-control']).toMatch(/max-age/);
      await t.http().get('/v1/resources/zephyrine-cache').set('If-None-Match', `W/${etag}`).expect(304);
      await t.http().get(`/v1/resources/${resource.id}`).set('If-None-Match', '"v0"').expect(200);

      await t.http().patch(`/v1/resources/${resource.id}`).set(auth()).set('If-Match', etag).send({ waitTimeDays: 3 }).expect(200);
      const changed = await t.http().get(`/v1/resources/${resource.id}`).set('If-None-Match', etag).expect(200);
      expect(changed.headers.etag).toBe('"v2"');
      expect(changed.body.capacity.waitTimeDays).toBe(3);
    });

    it('GET list: an ETag of the page, and 304 for If-None-Match until the page changes', async () => {
      const query = '/v1/resources?q=zephyrine&sort=name&limit=100';
      const first = await t.http().get(query).expect(200);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toMatch(/max-age/);
      const hit = await t.http().get(query).set('If-None-Match', etag).expect(304);
      expect(hit.text).toBe('');
      expect(hit.headers.etag).toBe(etag);
      expect((await t.http().get(query).expect(200)).headers.etag).toBe(etag); // stable while nothing changes

      await create('zephyrine-cache-list');
      const changed = await t.http().get(query).set('If-None-Match', etag).expect(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body.data.map((r: ResourceResponse) => r.slug)).toContain('zephyrine-cache-list');
    });
  });

  it.each(['requiresSafeRelationship', 'notForCrisis', 'demo'])('a PATCH with %s: null is a 400, never a silent false', async (field) => {
    const seeded = await t.http().get('/v1/resources/ourritual').expect(200);
    const res = await t
      .http()
      .patch(`/v1/resources/${seeded.body.id}`)
      .set(auth())
      .set('If-Match', seeded.headers.etag)
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ [field]: null }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await t.http().get(`/v1/resources/${seeded.body.id}`).expect(200);
    expect(after.body.safeRelationshipsOnly).toBe(true);
  });

  it("re-seeding the curated data never undoes a curator's change", async () => {
    const seeded = await t.http().get('/v1/resources/riverbend-couples-therapy').expect(200);
    await t
      .http()
      .patch(`/v1/resources/${seeded.body.id}`)
      .set(auth())
      .set('If-Match', seeded.headers.etag)
      .send({ name: 'Riverbend (curated)' })
      .expect(200);
    const { CuratedSeeder } = await import('../src/seeding/curated-seeder.js');
    await t.app.get(CuratedSeeder).seedCuratedDirectory({ force: true, includeDemo: true });
    const after = await t.http().get(`/v1/resources/${seeded.body.id}`).expect(200);
    expect(after.body.name).toBe('Riverbend (curated)');
  });
});
