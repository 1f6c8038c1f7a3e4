import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { CATALOGUES } from '../src/common/i18n/catalogue.js';
import { render } from '../src/common/i18n/render.js';
import { TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { ALL_SAFETY_NO } from './support/intakes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Coded {
  code: string;
  text: string;
}
interface Body {
  id: string;
  lang: string;
  safety: {
    level: string;
    guidance: string;
    reasons: Coded[];
    emergency: { number: string; alsoWorks: string[]; ifYouCannotSpeak?: string } | null;
    resources: { slug: string; lineRoles: string[]; languages: string[]; contactChannels: { type: string }[] }[];
  };
  recommendation: { type: string; title: string; explanation: string; alsoConsider: string[] };
  matches: { resource: { id: string; name: string; accessibility: string[] }; reasons: Coded[]; caveats: Coded[] }[];
  forPartnerWhoUsesAbuse?: { title: string; text: string; resources: { slug: string }[] };
  relaxations: Coded[];
  nextSteps: Coded[];
}

/**
 * Every intake path: safety (each kind of answer), self-harm, budget, each willingness, relaxations,
 * an unscreened couple, the heading for a partner who uses abuse, countries with their own
 * emergency notes, no place at all.
 */
const PATHS: Record<string, Record<string, unknown>> = {
  violence: { concerns: ['other'], willingness: 'both', safety: { physicalViolence: true }, postalCode: '30303' },
  fearAndControl: {
    concerns: ['jealousy_control'],
    willingness: 'both',
    safety: { feelsAfraid: true, coerciveControl: true },
    region: 'US-TX',
  },
  sexualViolence: { concerns: ['other'], willingness: 'both', safety: { sexualViolence: true }, region: 'US-NY' },
  selfHarm: { concerns: ['infidelity'], willingness: 'both', safety: { selfHarmRisk: true }, postalCode: '43215' },
  budget: {
    concerns: ['lying', 'financial_secrecy'],
    willingness: 'one_leaning_out',
    region: 'US-CA',
    formats: ['video'],
    languages: ['es'],
    budgetPerSession: 80,
    insurance: 'none',
  },
  freeHelp: { concerns: ['financial_secrecy'], willingness: 'both', region: 'US-GA', budgetPerSession: 0, safety: ALL_SAFETY_NO },
  couples: {
    concerns: ['infidelity'],
    willingness: 'both',
    relationship: 'unmarried',
    postalCode: '43215',
    formats: ['in_person', 'video'],
    budgetPerSession: 150,
    insurance: 'Aetna',
    safety: ALL_SAFETY_NO,
    preferences: { approaches: ['gottman'], audiences: ['lgbtq_affirming'], availability: ['evenings'] },
  },
  hesitant: { concerns: ['communication_breakdown'], willingness: 'one_hesitant', region: 'US-OH', safety: ALL_SAFETY_NO },
  individual: { concerns: ['hidden_substance_use', 'gambling'], willingness: 'one_unwilling', region: 'US-PA', insurance: 'Medicaid' },
  relaxed: {
    concerns: ['infidelity'],
    willingness: 'both',
    postalCode: '59001',
    formats: ['in_person'],
    languages: ['ko'],
    budgetPerSession: 20,
  },
  // The programs' heading is shown only to a person worried about their own behaviour (review 14), near the Duluth program.
  accountability: {
    concerns: ['jealousy_control'],
    willingness: 'both',
    postalCode: '55802',
    aboutMe: 'worried_about_my_behaviour',
    safety: { ...ALL_SAFETY_NO, physicalViolence: true },
  },
  militaryFamily: {
    concerns: ['communication_breakdown'],
    willingness: 'both',
    region: 'US-NC',
    preferences: { audiences: ['military_families'] },
    safety: ALL_SAFETY_NO,
  },
  mexico: { concerns: ['other'], willingness: 'both', country: 'MX', safety: { feelsAfraid: true } },
  canada: { concerns: ['lying'], willingness: 'both', postalCode: 'M5V 2T6', country: 'CA', safety: ALL_SAFETY_NO },
  unitedKingdom: { concerns: ['other'], willingness: 'both', country: 'GB', safety: { physicalViolence: true } },
  france: { concerns: ['other'], willingness: 'both', country: 'FR', safety: { feelsAfraid: true } },
  nowhere: { concerns: ['infidelity'], willingness: 'both' },
  deafCouple: {
    concerns: ['infidelity', 'communication_breakdown'],
    willingness: 'both',
    postalCode: '43215',
    formats: ['in_person', 'video'],
    safety: ALL_SAFETY_NO,
    preferences: { accessibility: ['asl', 'captioning', 'wheelchair_access', 'interpreter_on_request'] },
  },
  deafAudience: { concerns: ['lying'], willingness: 'both', region: 'US-OH', preferences: { audiences: ['deaf_hard_of_hearing'] } },
};

/** Words an English sentence can hardly do without, and a Spanish one never uses. */
const ENGLISH_WORDS =
  /\b(the|and|you|your|with|for|not|of|to|is|are|this|that|from|session|sessions|counseling|counselor|available|free|away|miles?|call|help|line|partner|safety|ask|accepts?|offers?)\b/i;

/** Every sentence of the English catalogue that takes no argument, as an English reader sees it. */
const ENGLISH_SENTENCES = Object.entries(CATALOGUES.en)
  .filter(([key, text]) => !key.startsWith('taxonomy.') && !text.includes('{') && text.split(' ').length >= 3)
  .map(([key]) => render({ id: key }, { locale: 'en' }));

/** The texts Mend wrote in an intake response, with proper names (resources', insurers') taken out. */
function textsOf(b: Body): string[] {
  const names = b.matches.map((m) => m.resource.name);
  const strip = (text: string) => names.reduce((t, name) => t.split(name).join(''), text).replace(/Aetna|Medicaid/g, '');
  return [
    b.safety.guidance,
    ...b.safety.reasons.map((r) => r.text),
    ...(b.safety.emergency ? [...b.safety.emergency.alsoWorks, b.safety.emergency.ifYouCannotSpeak ?? ''] : []),
    b.recommendation.title,
    b.recommendation.explanation,
    ...b.matches.flatMap((m) => [...m.reasons, ...m.caveats].map((r) => r.text)),
    ...(b.forPartnerWhoUsesAbuse ? [b.forPartnerWhoUsesAbuse.title, b.forPartnerWhoUsesAbuse.text] : []),
    ...b.relaxations.map((r) => r.text),
    ...b.nextSteps.map((n) => n.text),
  ]
    .filter(Boolean)
    .map(strip);
}

/** Everything but the words: codes, ids, levels, types, order. */
function codesOf(b: Body) {
  return {
    level: b.safety.level,
    safetyReasons: b.safety.reasons.map((r) => r.code),
    emergency: b.safety.emergency?.number ?? null,
    recommendation: [b.recommendation.type, b.recommendation.alsoConsider],
    matches: b.matches.map((m) => [m.resource.id, m.reasons.map((r) => r.code), m.caveats.map((c) => c.code)]),
    accountability: b.forPartnerWhoUsesAbuse?.resources.map((r) => r.slug) ?? [],
    relaxations: b.relaxations.map((r) => r.code),
    nextSteps: b.nextSteps.map((n) => n.code),
  };
}

describe('Spanish: every word Mend writes, in the reader’s language', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp();
    auth = (await t.createPartner()).auth;
  });
  afterAll(() => t.close());

  const intake = async (body: Record<string, unknown>, headers: Record<string, string> = {}, query = '') => {
    const req = t.http().post(`/v1/intakes${query}`).set('Authorization', auth);
    for (const [name, value] of Object.entries(headers)) void req.set(name, value);
    const res = await req.send(body);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    return res;
  };

  it.each(Object.entries(PATHS))(
    '%s: no English sentence reaches a Spanish intake, and the codes are those of the English one',
    async (_name, body) => {
      const es = await intake({ ...body, lang: 'es' });
      const en = await intake(body);
      expect([es.headers['content-language'], es.body.lang]).toEqual(['es', 'es']);
      expect([en.headers['content-language'], en.body.lang]).toEqual(['en', 'en']);
      expect(codesOf(es.body as Body)).toEqual(codesOf(en.body as Body));
      for (const text of textsOf(es.body as Body)) {
        expect([text, ENGLISH_WORDS.exec(text)?.[0]]).toEqual([text, undefined]);
        for (const sentence of ENGLISH_SENTENCES) expect([text, text.includes(sentence)]).toEqual([text, false]);
      }
    },
  );

  it('the paths added by review 14 show what they are there for (the programs, a serving-family caveat, no 211 in Mexico)', async () => {
    const own = (await intake({ ...PATHS.accountability, lang: 'es' })).body as Body;
    expect(own.forPartnerWhoUsesAbuse?.resources.length).toBeGreaterThan(0);
    expect(own.nextSteps.map((n) => n.code)).toContain('own_behaviour_program');
    const military = (await intake({ ...PATHS.militaryFamily, lang: 'es' })).body as Body;
    expect(military.matches.flatMap((m) => m.caveats.map((c) => c.code))).toContain('eligibility_serving_military_only');
    const mexico = (await intake({ ...PATHS.mexico, lang: 'es' })).body as Body;
    expect(mexico.safety.guidance).toMatch(/México/);
  });

  it('a safety intake in Spanish: usted, the advocate, the emergency number, and lines that answer in Spanish first', async () => {
    const b = (await intake({ ...PATHS.violence, lang: 'es' })).body as Body;
    expect(b.safety.guidance).toMatch(/la terapia de pareja no es un paso seguro/);
    expect(b.safety.guidance).toContain('llame al 911');
    expect(b.safety.emergency?.ifYouCannotSpeak).toBe(
      'En muchas zonas puede enviar un mensaje de texto al 911 cuando no es seguro llamar.',
    );
    expect(b.recommendation.type).toBe('safety_first');
    expect(b.nextSteps.map((n) => n.code).slice(0, 2)).toEqual(['you_reach_out', 'talk_to_advocate']);
    for (const role of ['domestic_violence', 'crisis']) {
      const first = b.safety.resources.find((l) => l.lineRoles.includes(role));
      expect([role, first?.languages]).toEqual([role, expect.arrayContaining(['es'])]);
    }
    expect(b.safety.resources[0].slug).toBe('national-domestic-violence-hotline');
  });

  it('a budget intake in Spanish: money as Intl writes it for es-US, fees and plurals in Spanish', async () => {
    const b = (await intake(PATHS.budget, { 'Accept-Language': 'es-US,es;q=0.9' })).body as Body;
    const money = b.matches.flatMap((m) => [...m.reasons, ...m.caveats]).filter((r) => /presupuesto/.test(r.text));
    expect(money.length).toBeGreaterThan(0);
    for (const r of money)
      expect(r.text).toContain(new Intl.NumberFormat('es-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(80));
    expect(b.recommendation.title).toBe('Consejería de discernimiento');
  });

  it('a Deaf couple in Spanish: matches in ASL first, what they meet and what to ask said in Spanish, lines by videophone', async () => {
    const b = (await intake({ ...PATHS.deafCouple, preferences: { accessibility: ['asl'] } }, { 'Accept-Language': 'es-US' })).body as Body;
    const signs = b.matches.map((m) => m.resource.accessibility.includes('asl'));
    expect(signs[0]).toBe(true);
    expect(signs).toEqual([...signs].sort((x, y) => Number(y) - Number(x)));
    expect(b.matches[0].reasons).toContainEqual({
      code: 'accessibility_match',
      text: expect.stringContaining('sesiones en lengua de señas americana (ASL)'),
    });
    const other = b.matches.find((m) => !m.resource.accessibility.includes('asl'))!;
    expect(other.caveats).toContainEqual({ code: 'not_listed_asl', text: expect.stringMatching(/^no indica atención en lengua de señas/) });
    const dv = b.safety.resources.find((l) => l.lineRoles.includes('domestic_violence'))!;
    expect([dv.slug, dv.contactChannels[0].type]).toEqual(['the-deaf-hotline', 'videophone']);
  });

  it('distances in miles for a US reader, km for a Canadian one, whatever the language', async () => {
    const us = (await intake({ ...PATHS.couples, lang: 'es' })).body as Body;
    const ca = (await intake({ ...PATHS.canada, lang: 'es' })).body as Body;
    const distances = (b: Body) =>
      b.matches
        .flatMap((m) => m.reasons)
        .filter((r) => r.code === 'distance')
        .map((r) => r.text);
    expect(distances(us).length).toBeGreaterThan(0);
    for (const text of distances(us)) expect(text).toMatch(/^a (menos de )?\d+ millas? de distancia$/);
    for (const text of distances(ca)) expect(text).toMatch(/^a (menos de )?\d+ km de distancia$/);
  });

  it('Accept-Language with quality values; lang wins; the body’s lang wins over the query’s', async () => {
    const body = PATHS.hesitant;
    expect((await intake(body, { 'Accept-Language': 'es-MX;q=0.9, en;q=0.5' })).headers['content-language']).toBe('es');
    expect((await intake(body, { 'Accept-Language': 'en;q=0.5, es;q=0.8' })).headers['content-language']).toBe('es');
    expect((await intake(body, { 'Accept-Language': 'fr' })).headers['content-language']).toBe('en');
    expect((await intake(body, { 'Accept-Language': '*' })).headers['content-language']).toBe('en');
    expect((await intake(body, { 'Accept-Language': 'es' }, '?lang=en')).headers['content-language']).toBe('en');
    expect((await intake({ ...body, lang: 'es' }, { 'Accept-Language': 'en' }, '?lang=en')).headers['content-language']).toBe('es');
    const vary = (await intake(body, { 'Accept-Language': 'es' })).headers.vary;
    expect(vary).toMatch(/Accept-Language/);
  });

  it('a replay answers in the language of the first response', async () => {
    const key = `i18n-replay-${Date.now()}`;
    const first = await intake(PATHS.hesitant, { 'Accept-Language': 'es', 'Idempotency-Key': key });
    const again = await intake(PATHS.hesitant, { 'Accept-Language': 'en', 'Idempotency-Key': key });
    expect([again.headers['idempotent-replayed'], again.headers['content-language'], again.body.lang]).toEqual(['true', 'es', 'es']);
    expect(again.body.recommendation).toEqual(first.body.recommendation);
  });

  it('GET /v1/taxonomy in Spanish: every label and description written, codes unchanged, cached per language', async () => {
    const es = await t.http().get('/v1/taxonomy').set('Accept-Language', 'es-419').expect(200);
    const en = await t.http().get('/v1/taxonomy').expect(200);
    expect([es.headers['content-language'], en.headers['content-language']]).toEqual(['es', 'en']);
    expect(es.headers.vary).toMatch(/Accept-Language/);
    expect(es.headers['cache-control']).toMatch(/max-age/);
    for (const name of Object.keys(TAXONOMY)) {
      const codes = (terms: { code: string }[]) => terms.map((term) => term.code);
      expect(codes(es.body[name])).toEqual(codes(en.body[name]));
      for (const term of es.body[name] as { code: string; label: string; description: string }[]) {
        expect([term.code, ENGLISH_WORDS.exec(term.description)?.[0]]).toEqual([term.code, undefined]);
        expect([term.code, term.description]).not.toEqual([
          term.code,
          en.body[name].find((x: { code: string }) => x.code === term.code).description,
        ]);
      }
    }
  });

  it('search and a resource: Content-Language and Vary, the same data in both languages', async () => {
    const query = '/v1/resources?q=couples&limit=5&facets=format';
    const en = await t.http().get(query).expect(200);
    const es = await t.http().get(`${query}&lang=es`).expect(200);
    expect([en.headers['content-language'], es.headers['content-language']]).toEqual(['en', 'es']);
    expect(es.headers.vary).toMatch(/Accept-Language/);
    expect(es.body).toEqual(en.body);
    // The cursor is the same whatever the language: lang is not a filter.
    if (en.body.page.nextCursor) {
      await t
        .http()
        .get(`${query}&lang=es&cursor=${encodeURIComponent(en.body.page.nextCursor)}`)
        .expect(200);
    }
    const one = await t.http().get('/v1/resources/national-domestic-violence-hotline').set('Accept-Language', 'es').expect(200);
    expect(one.headers['content-language']).toBe('es');
    expect(one.headers.vary).toMatch(/Accept-Language/);
  });

  it('safety lines in Spanish: emergency notes in Spanish, lines with Spanish service first within their role', async () => {
    const gb = await t.http().get('/v1/safety-lines?country=GB&lang=es').expect(200);
    expect(gb.headers['content-language']).toBe('es');
    expect(gb.body.emergency.ifYouCannotSpeak).toMatch(/^Si no puede hablar, llame al 999/);
    const de = await t.http().get('/v1/safety-lines?country=DE').set('Accept-Language', 'es').expect(200);
    expect(de.body.emergency.alsoWorks).toEqual(['110, de la policía']);
    const us = await t.http().get('/v1/safety-lines?lang=es').expect(200);
    const first = (role: string) => (us.body.lines as Body['safety']['resources']).find((l) => l.lineRoles.includes(role));
    expect(first('crisis')?.languages).toContain('es');
    expect(first('domestic_violence')?.languages).toContain('es');
  });

  it('validation problems in Spanish: title, detail and messages; code and fields unchanged', async () => {
    const res = await t
      .http()
      .post('/v1/intakes?lang=es')
      .set('Authorization', auth)
      .send({ concerns: ['nope'], willingness: 'maybe', maxTravelKm: 9000, region: 'Ohio' })
      .expect(400);
    const en = await t
      .http()
      .post('/v1/intakes')
      .set('Authorization', auth)
      .send({ concerns: ['nope'], willingness: 'maybe', maxTravelKm: 9000, region: 'Ohio' })
      .expect(400);
    expect(res.headers['content-language']).toBe('es');
    expect(en.headers['content-language']).toBe('en');
    expect([res.body.code, res.body.title]).toEqual(['validation_failed', 'Solicitud incorrecta']);
    expect(res.body.detail).toMatch(/^La solicitud tiene campos no válidos: /);
    const fields = (errors: { field: string; code: string }[]) => errors.map((e) => [e.field, e.code]);
    expect(fields(res.body.errors)).toEqual(fields(en.body.errors));
    const messages = new Map((res.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    expect(messages.get('maxTravelKm')).toBe('maxTravelKm no puede ser mayor que 500');
    expect(messages.get('region')).toBe('region debe ser un código ISO 3166-2, por ejemplo US-OH');
    for (const { field, message } of res.body.errors as { field: string; message: string }[]) {
      const words = message.replace(field, '').split(': ')[0];
      expect([field, ENGLISH_WORDS.exec(words)?.[0]]).toEqual([field, undefined]);
    }
    // A module's own problem (region outside the country), from the query too.
    const mismatch = await t.http().get('/v1/safety-lines?country=US&region=CA-ON').set('Accept-Language', 'es').expect(400);
    expect([mismatch.body.code, mismatch.body.errors[0].code, mismatch.body.detail]).toEqual([
      'validation_failed',
      'region_country_mismatch',
      'La región CA-ON no está en el país US.',
    ]);
    // An unsupported lang is itself a validation problem, answered in the header's language.
    const bad = await t.http().get('/v1/taxonomy?lang=fr').set('Accept-Language', 'es').expect(400);
    expect([bad.body.errors[0].field, bad.body.errors[0].code, bad.headers['content-language']]).toEqual(['lang', 'isIn', 'es']);
  });
});
