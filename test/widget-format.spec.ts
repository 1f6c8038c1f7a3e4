import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { SafetyAnswersDto } from '../src/intake/dto/create-intake.request.js';
import { EMERGENCY_COUNTRIES } from '../src/intake/matching/emergency-numbers.js';
import { FORMATS } from '../src/taxonomy/taxonomy.js';
import {
  blankAnswers,
  countryChoices,
  FORMAT_CODES,
  formatCost,
  friendlyError,
  helplineRoles,
  INTAKE_COUNTRIES,
  type IntakeAnswers,
  intakeBody,
  OTHER_COUNTRY,
  preselectedCountry,
  SAFETY_QUESTIONS,
  safetyLinesParams,
  type SearchFilters,
  searchParams,
  textLang,
  validateSearch,
} from '../src/widget/client/format.js';
import { widgetTranslator } from '../src/widget/widget-messages.js';

const t = widgetTranslator('en');
const es = widgetTranslator('es');

// The widget's pure logic (src/widget/client/format.ts), run under Node.
describe('widget wording and requests', () => {
  it("offers every code of the API's vocabularies, and asks every safety question", () => {
    expect([...FORMAT_CODES].sort()).toEqual([...FORMATS.codes].sort());
    // Concerns and willingness need no check: the API imports them from format.ts.
    const dtoFields = [
      'physicalViolence',
      'feelsAfraid',
      'coerciveControl',
      'sexualViolence',
      'selfHarmRisk',
      'strangulation',
      'weaponOrThreatsToKill',
    ] satisfies (keyof SafetyAnswersDto)[];
    expect([...SAFETY_QUESTIONS].sort()).toEqual([...dtoFields].sort());
  });

  it('formats costs in plain words', () => {
    const base = { free: false, slidingScale: false, feeMin: null, feeMax: null, currency: 'USD', insuranceAccepted: false };
    expect(formatCost({ ...base, free: true }, t, 'en-US')).toBe('Free');
    expect(formatCost({ ...base, feeMin: 9000, feeMax: 15000, slidingScale: true }, t, 'en-US')).toBe(
      '$90–$150 per session · sliding scale',
    );
    expect(formatCost({ ...base, feeMin: 4250, feeMax: 4250 }, t, 'en-US')).toBe('$42.50 per session');
    expect(formatCost({ ...base, slidingScale: true }, t, 'en-US')).toBe('Sliding scale');
    expect(formatCost(base, t, 'en-US')).toBe('Fees not listed');
    // Spanish words, US money format (es-US writes "$80", as the API does).
    expect(formatCost({ ...base, feeMin: 3200, feeMax: 3200, feePeriod: 'per_week', insuranceAccepted: true }, es, 'es-US')).toBe(
      '$32 por semana · acepta seguro médico',
    );
    expect(formatCost({ ...base, slidingScale: true }, es, 'es-US')).toBe('Escala móvil');
  });

  it('offers every country the API has an emergency number or lines for, named in the UI language and sorted, "Other country" last', () => {
    const seeded = JSON.stringify(JSON.parse(readFileSync('seeds/data/safety-lines.json', 'utf8')));
    const lineCountries = [...seeded.matchAll(/"serviceAreas":\[([^\]]*)\]/g)].flatMap((m) =>
      [...m[1].matchAll(/"([A-Z]{2})[-"]/g)].map((c) => c[1]),
    );
    expect(lineCountries.length).toBeGreaterThan(0);
    for (const code of new Set([...EMERGENCY_COUNTRIES, ...lineCountries]))
      expect([code, INTAKE_COUNTRIES.includes(code)]).toEqual([code, true]);
    for (const code of ['MX', 'ES', 'PR', 'VI', 'GU', 'AS', 'MP']) expect(INTAKE_COUNTRIES).toContain(code);

    const spanish = countryChoices('es', es('country.other'));
    const names = spanish.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['México', 'España', 'Puerto Rico', 'Estados Unidos', 'Alemania']));
    expect(names.at(-1)).toBe('Otro país');
    expect(spanish.at(-1)?.code).toBe(OTHER_COUNTRY);
    const countries = names.slice(0, -1);
    expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b, 'es')));
    expect(countryChoices('en', t('country.other')).find((c) => c.code === 'ES')?.name).toBe('Spain');
  });

  it('sends the chosen country (MX, PR as such); "Other country" sends none, for the API\'s general guidance', () => {
    const answers: IntakeAnswers = {
      ...blankAnswers(),
      safety: { feelsAfraid: true },
      concerns: ['infidelity'],
      willingness: 'both',
      postalCode: '43215',
      country: 'MX',
    };
    expect(intakeBody(answers, 'es')).toMatchObject({ country: 'MX' });
    expect(intakeBody(answers, 'es')).not.toHaveProperty('postalCode'); // postal lookup is US/CA only
    expect(intakeBody({ ...answers, country: 'PR' }, 'es')).toMatchObject({ country: 'PR' });
    expect(intakeBody({ ...answers, country: OTHER_COUNTRY }, 'es')).not.toHaveProperty('country');
    expect(intakeBody({ ...answers, country: '' }, 'es')).not.toHaveProperty('country');

    expect(Object.fromEntries(safetyLinesParams('MX', ['domestic_violence']))).toEqual({ country: 'MX', roles: 'domestic_violence' });
    expect(Object.fromEntries(safetyLinesParams('PR', ['crisis', 'domestic_violence']))).toEqual({
      country: 'PR',
      roles: 'crisis,domestic_violence',
    });
    expect(Object.fromEntries(safetyLinesParams(OTHER_COUNTRY, ['crisis']))).toEqual({ roles: 'crisis' });
  });

  it("preselects the country of the page's language tag (es-MX → MX, es-ES → ES), else nothing: never a silent US", () => {
    expect(preselectedCountry('MX')).toBe('MX');
    expect(preselectedCountry('ES')).toBe('ES');
    expect(preselectedCountry('US')).toBe('US');
    expect(preselectedCountry(undefined)).toBe('');
    expect(preselectedCountry('419')).toBe(''); // es-419 (Latin America) names no country
    expect(preselectedCountry('CO')).toBe(''); // not offered: the person chooses (or "Other country")
  });

  it('builds search parameters: a postal code, or online only (remote formats licensed in the country)', () => {
    const filters: SearchFilters = { postalCode: ' 43215 ', country: 'US', format: '', cost: 'max', maxFee: '80', onlineOnly: false };
    expect(Object.fromEntries(searchParams(filters))).toEqual({ postalCode: '43215', country: 'US', maxFee: '80', limit: '10' });
    expect(Object.fromEntries(searchParams({ ...filters, onlineOnly: true, cost: 'free', format: 'in_person' }))).toEqual({
      serves: 'US',
      format: 'video,phone,chat',
      free: 'true',
      limit: '10',
    });
    expect(validateSearch({ ...filters, postalCode: '' })?.field).toBe('postalCode');
    expect(validateSearch({ ...filters, postalCode: '', onlineOnly: true })).toBeUndefined();
    expect(validateSearch({ ...filters, maxFee: '' })?.field).toBe('maxFee');
  });

  it('sends only the answers given; no place means online help in the country', () => {
    const answers: IntakeAnswers = {
      ...blankAnswers(),
      safety: { feelsAfraid: true, physicalViolence: false, selfHarmRisk: undefined },
      concerns: ['infidelity'],
      willingness: 'both',
      country: 'CA',
      budget: '0',
      insurance: 'Aetna',
      noInsurance: true,
    };
    expect(intakeBody(answers, 'en')).toEqual({
      concerns: ['infidelity'],
      willingness: 'both',
      safety: { feelsAfraid: true, physicalViolence: false },
      country: 'CA',
      budgetPerSession: 0,
      insurance: 'none',
      lang: 'en',
    });
    expect(intakeBody({ ...answers, safety: {}, postalCode: '43215', country: 'US', budget: '', noInsurance: false }, 'en')).toEqual({
      concerns: ['infidelity'],
      willingness: 'both',
      postalCode: '43215',
      country: 'US',
      insurance: 'Aetna',
      lang: 'en',
    });
  });

  it('sends the language of care, affirming care and accessibility needs as the API names them, and the UI language', () => {
    const answers: IntakeAnswers = {
      ...blankAnswers(),
      concerns: ['lying'],
      willingness: 'both',
      country: 'US',
      formats: ['video'],
      language: 'es',
      affirming: true,
      accessibility: ['asl', 'captioning'],
    };
    expect(intakeBody(answers, 'es')).toEqual({
      concerns: ['lying'],
      willingness: 'both',
      country: 'US',
      formats: ['video'],
      languages: ['es'],
      preferences: { audiences: ['lgbtq_affirming'], accessibility: ['asl', 'captioning'] },
      lang: 'es',
    });
  });

  it('sends the lethality answers (strangulation, a weapon or threats to kill) as the API names them, and only when given', () => {
    const answers: IntakeAnswers = {
      ...blankAnswers(),
      safety: { physicalViolence: false, strangulation: true, weaponOrThreatsToKill: undefined },
      concerns: ['jealousy_control'],
      willingness: 'one_hesitant',
      country: 'US',
    };
    expect(intakeBody(answers, 'es')).toEqual({
      concerns: ['jealousy_control'],
      willingness: 'one_hesitant',
      safety: { physicalViolence: false, strangulation: true },
      country: 'US',
      lang: 'es',
    });
    expect(intakeBody({ ...answers, safety: { weaponOrThreatsToKill: true } }, 'en').safety).toEqual({ weaponOrThreatsToKill: true });
  });

  it('a lethality sign alone brings domestic-violence lines at once, as any other sign of abuse does', () => {
    expect(helplineRoles({ strangulation: true })).toEqual(['domestic_violence']);
    expect(helplineRoles({ weaponOrThreatsToKill: true, strangulation: false })).toEqual(['domestic_violence']);
    expect(helplineRoles({ selfHarmRisk: true, sexualViolence: true })).toEqual(['crisis', 'domestic_violence', 'sexual_assault']);
    expect(helplineRoles({ strangulation: false, feelsAfraid: undefined })).toEqual([]);
  });

  it("marks a listing's text with its language when the widget speaks another (screen readers pronounce it right)", () => {
    expect(textLang('en', 'es')).toBe('en');
    expect(textLang('es', 'en')).toBe('es');
    expect(textLang('es', 'es')).toBeUndefined();
    expect(textLang('en', 'en')).toBeUndefined();
    // No marker (older API, a line without cost notes): nothing claimed.
    expect(textLang(undefined, 'es')).toBeUndefined();
    expect(textLang(null, 'es')).toBeUndefined();
  });

  it('words failures for people: rate limits with the wait, never a status dump', () => {
    expect(friendlyError(t, 429, 12)).toBe('A lot of people are searching right now. Please try again in 12 seconds.');
    expect(friendlyError(t, 429, 1)).toBe('A lot of people are searching right now. Please try again in 1 second.');
    expect(friendlyError(es, 429, 12)).toBe('Hay mucha gente buscando en este momento. Inténtelo de nuevo en 12 segundos.');
    expect(friendlyError(t, 429)).toContain('in a minute');
    expect(friendlyError(t, 'network')).toContain('connection');
    for (const status of [400, 401, 403, 404, 500, 503]) {
      expect(friendlyError(t, status)).not.toMatch(/\d{3}|{|error/i);
      expect(friendlyError(es, status)).not.toMatch(/\d{3}|{|error/i);
    }
  });
});
