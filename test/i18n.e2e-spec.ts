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
  // Every other country the curated lines serve, each with its own lines.
  ireland: { concerns: ['other'], willingness: 'both', country: 'IE', safety: { physicalViolence: true } },
  australia: { concerns: ['other'], willingness: 'both', country: 'AU', safety: { feelsAfraid: true, selfHarmRisk: true } },
  germany: { concerns: ['other'], willingness: 'both', country: 'DE', safety: { sexualViolence: true } },
  newZealand: { concerns: ['gambling'], willingness: 'both', country: 'NZ', safety: { feelsAfraid: true } },
  quebec: { concerns: ['other'], willingness: 'both', region: 'CA-QC', safety: { physicalViolence: true, selfHarmRisk: true } },
  scotland: { concerns: ['other'], willingness: 'both', region: 'GB-SCT', safety: { sexualViolence: true } },
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

interface TextsOfResource {
  id: string;
  kind: string;
  lineRoles: string[];
  provenance: { demo: boolean };
  name: string;
  nameLang: string;
  description: string;
  descriptionLang: string;
  cost: { notes: string | null; notesLang: string | null };
}

/** Every resource object in a response body (safety lines, matches, programs, search pages), by where it is. */
function resourcesIn(body: unknown, path = '$'): [string, TextsOfResource][] {
  if (Array.isArray(body)) return body.flatMap((item, i) => resourcesIn(item, `${path}[${i}]`));
  if (!body || typeof body !== 'object') return [];
  if ('descriptionLang' in body) return [[path, body as TextsOfResource]];
  return Object.entries(body).flatMap(([key, value]) => resourcesIn(value, `${path}.${key}`));
}

/**
 * The provider texts of a Spanish response against the English one, resource by resource (same
 * place in both): a text marked es is Spanish (no English function word, not the English text);
 * a text marked en is the stored English, unchanged and truthfully marked, so a client can set
 * lang="en" on it. Every real safety line is written in Spanish. Returns what is wrong.
 */
function providerTextProblems(es: unknown, en: unknown): string[] {
  const english = new Map(resourcesIn(en));
  const problems: string[] = [];
  for (const [path, r] of resourcesIn(es)) {
    const base = english.get(path);
    if (!base || base.id !== r.id) {
      problems.push(`${path}: not the resource of the English response`);
      continue;
    }
    const texts: [string, string | null, string | null, string | null][] = [
      ['name', r.name, r.nameLang, base.name],
      ['description', r.description, r.descriptionLang, base.description],
      ['cost.notes', r.cost.notes, r.cost.notesLang, base.cost.notes],
    ];
    for (const [field, text, lang, stored] of texts) {
      const where = `${path} (${r.id}) ${field}`;
      if (text === null) {
        if (lang !== null) problems.push(`${where}: a language for no text`);
      } else if (lang === 'en') {
        if (text !== stored) problems.push(`${where}: marked en but not the stored English`);
      } else if (lang !== 'es') {
        problems.push(`${where}: marked ${String(lang)}`);
      } else if (field !== 'name' && (text === stored || ENGLISH_WORDS.test(text))) {
        problems.push(`${where}: marked es but English: ${text}`);
      }
    }
    const safetyLine = r.kind === 'hotline' && !r.provenance.demo && r.lineRoles.length > 0;
    if (safetyLine && (r.descriptionLang !== 'es' || (r.cost.notes !== null && r.cost.notesLang !== 'es')))
      problems.push(`${path} (${r.id}): a real safety line not written in Spanish`);
  }
  return problems;
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
      // Every resource shown (lines, matches, programs) is checked, and says what language its texts are in.
      const shown = es.body as Body;
      expect(resourcesIn(shown).length).toBe(
        shown.safety.resources.length + shown.matches.length + (shown.forPartnerWhoUsesAbuse?.resources.length ?? 0),
      );
      expect(providerTextProblems(es.body, en.body)).toEqual([]);
      // The English response is all stored text, marked so.
      for (const [, r] of resourcesIn(en.body)) expect([r.id, r.nameLang, r.descriptionLang]).toEqual([r.id, 'en', 'en']);
    },
  );

  it('the proof fails on English: a Spanish-marked English text, a mismarked one, an untranslated safety line', async () => {
    const en = (await intake(PATHS.violence)).body as Body;
    const es = (await intake({ ...PATHS.violence, lang: 'es' })).body as Body;
    expect(providerTextProblems(es, en)).toEqual([]);
    const line = (body: Body) => body.safety.resources[0] as unknown as TextsOfResource;
    const broken = (change: (r: TextsOfResource) => void) => {
      const copy = JSON.parse(JSON.stringify(es)) as Body;
      change(line(copy));
      return providerTextProblems(copy, en);
    };
    expect(broken((r) => (r.description = line(en).description))).toEqual([expect.stringMatching(/description: marked es but English/)]);
    expect(broken((r) => (r.description = 'Advocates listen and help with safety planning.'))).toEqual([
      expect.stringMatching(/marked es but English/),
    ]);
    expect(broken((r) => (r.nameLang = 'en'))).toEqual([expect.stringMatching(/name: marked en but not the stored English/)]);
    expect(broken((r) => Object.assign(r, { description: line(en).description, descriptionLang: 'en' }))).toEqual([
      expect.stringMatching(/a real safety line not written in Spanish/),
    ]);
  });

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
    // The lines in their own Spanish: names as they give them, how to reach the Spanish service.
    const lines = b.safety.resources as unknown as (TextsOfResource & { slug: string })[];
    const bySlug = (slug: string) => lines.find((l) => l.slug === slug);
    expect(bySlug('national-domestic-violence-hotline')?.name).toBe('Línea Nacional contra la Violencia Doméstica');
    expect(bySlug('national-domestic-violence-hotline')?.description).toMatch(/Atiende en español las 24 horas/);
    const crisis = ((await intake({ ...PATHS.selfHarm, lang: 'es' })).body as Body).safety.resources as unknown as (TextsOfResource & {
      slug: string;
    })[];
    const lifeline = crisis.find((l) => l.slug === '988-suicide-and-crisis-lifeline')!;
    expect([lifeline.name, lifeline.nameLang]).toEqual(['Línea 988 de Prevención del Suicidio y Crisis', 'es']);
    expect(lifeline.description).toMatch(/marque 2 para español/);
    const textLine = crisis.find((l) => l.slug === 'crisis-text-line');
    if (textLine) expect(textLine.description).toMatch(/envíe AYUDA al 741741/);
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

  it('search and a resource: Content-Language and Vary, the same codes in both languages, provider texts in Spanish where written', async () => {
    const query = '/v1/resources?q=couples&limit=5&facets=format';
    const en = await t.http().get(query).expect(200);
    const es = await t.http().get(`${query}&lang=es`).expect(200);
    expect([en.headers['content-language'], es.headers['content-language']]).toEqual(['en', 'es']);
    expect(es.headers.vary).toMatch(/Accept-Language/);
    // Only the provider texts and their language markers differ.
    const withoutTexts = (body: { data: Record<string, unknown>[] }) => ({
      ...body,
      data: body.data.map(({ name: _n, nameLang: _nl, description: _d, descriptionLang: _dl, cost, ...rest }) => ({
        ...rest,
        cost: { ...(cost as object), notes: null, notesLang: null },
      })),
    });
    expect(withoutTexts(es.body)).toEqual(withoutTexts(en.body));
    expect(providerTextProblems(es.body, en.body)).toEqual([]);
    const hotlines = '/v1/resources?kind=hotline&serves=US&limit=50';
    const linesEn = await t.http().get(hotlines).expect(200);
    const linesEs = await t.http().get(hotlines).set('Accept-Language', 'es-US').expect(200);
    expect(linesEs.body.data.length).toBeGreaterThan(5);
    expect(providerTextProblems(linesEs.body, linesEn.body)).toEqual([]);
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
    expect([one.body.name, one.body.nameLang, one.body.descriptionLang]).toEqual([
      'Línea Nacional contra la Violencia Doméstica',
      'es',
      'es',
    ]);
    expect(one.body.description).toContain('espanol.thehotline.org');
    const oneEn = await t.http().get('/v1/resources/national-domestic-violence-hotline').expect(200);
    expect([oneEn.body.name, oneEn.body.nameLang, oneEn.body.translations.es.name]).toEqual([
      'National Domestic Violence Hotline',
      'en',
      'Línea Nacional contra la Violencia Doméstica',
    ]);
  });

  it('safety lines in Spanish: emergency notes in Spanish, lines with Spanish service first within their role', async () => {
    const gb = await t.http().get('/v1/safety-lines?country=GB&lang=es').expect(200);
    expect(gb.headers['content-language']).toBe('es');
    expect(gb.body.emergency.ifYouCannotSpeak).toMatch(/^Si no puede hablar, llame al 999/);
    const de = await t.http().get('/v1/safety-lines?country=DE').set('Accept-Language', 'es').expect(200);
    expect(de.body.emergency.alsoWorks).toEqual(['110 para la policía']);
    const us = await t.http().get('/v1/safety-lines?lang=es').expect(200);
    const first = (role: string) => (us.body.lines as Body['safety']['resources']).find((l) => l.lineRoles.includes(role));
    expect(first('crisis')?.languages).toContain('es');
    expect(first('domestic_violence')?.languages).toContain('es');
    for (const country of ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'DE', 'FR']) {
      const es = await t.http().get(`/v1/safety-lines?country=${country}&lang=es`).expect(200);
      const en = await t.http().get(`/v1/safety-lines?country=${country}`).expect(200);
      expect([country, es.body.lines.length]).toEqual([country, en.body.lines.length]);
      expect([country, resourcesIn(es.body).length]).toEqual([country, es.body.lines.length]);
      expect([country, providerTextProblems(es.body, en.body)]).toEqual([country, []]);
    }
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
