import { describe, expect, it } from '@jest/globals';

import { icuArgumentsOf } from '../../../test/support/icu-arguments.js';
import { INTERFACE_VOCABULARIES, TAXONOMY } from '../../taxonomy/taxonomy.js';
import { CATALOGUES } from './catalogue.js';
import { LOCALES } from './locale.js';
import { formatMoney, render } from './render.js';

describe('message catalogues', () => {
  it('every key exists in every catalogue, with the same ICU arguments', () => {
    const en = CATALOGUES.en;
    for (const locale of LOCALES) {
      const other = CATALOGUES[locale];
      expect({ locale, missing: Object.keys(en).filter((k) => !Object.hasOwn(other, k)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: Object.keys(other).filter((k) => !Object.hasOwn(en, k)) }).toEqual({ locale, extra: [] });
      for (const key of Object.keys(en)) {
        expect({ key, locale, args: icuArgumentsOf(other[key]) }).toEqual({ key, locale, args: icuArgumentsOf(en[key]) });
      }
    }
  });

  it('every taxonomy term has a label and a description in every locale', () => {
    for (const locale of LOCALES) {
      for (const [name, vocabulary] of Object.entries({ ...TAXONOMY, ...INTERFACE_VOCABULARIES })) {
        for (const term of vocabulary.terms) {
          for (const part of ['label', 'description']) {
            expect([locale, name, term.code, part, Object.hasOwn(CATALOGUES[locale], `taxonomy.${name}.${term.code}.${part}`)]).toEqual([
              locale,
              name,
              term.code,
              part,
              true,
            ]);
          }
        }
      }
    }
  });

  it('Spanish addresses people with usted, never tú or vosotros', () => {
    // Informal forms that have no formal homograph: a slip of register shows up here.
    const informal = /\b(tú|tu pareja|tus|te|contigo|puedes|quieres|necesitas|estás|eres|tienes|vosotros|os)\b/i;
    for (const [key, text] of Object.entries(CATALOGUES.es)) expect([key, informal.test(text)]).toEqual([key, false]);
  });
});

describe('render', () => {
  it('plurals, lists, money and units follow the locale and the reader’s country, not the language', () => {
    const distance = (meters: number, locale: 'en' | 'es', country?: string) =>
      render({ id: 'reason.distance', values: { distance: { distanceMeters: meters } } }, { locale, country });
    expect(distance(12_300, 'en', 'US')).toBe('8 miles away');
    expect(distance(1_700, 'en', 'US')).toBe('1 mile away');
    expect(distance(12_300, 'en', 'CA')).toBe('12 km away');
    expect(distance(12_300, 'es', 'US')).toBe('a 8 millas de distancia');
    expect(distance(1_700, 'es', 'US')).toBe('a 1 milla de distancia');
    expect(distance(12_300, 'es', 'MX')).toBe('a 12 km de distancia');
    expect(distance(12_300, 'es', 'GB')).toBe('a 8 millas de distancia');
    expect(distance(400, 'es', 'ES')).toBe('a menos de 1 km de distancia');
    const languages = { languages: { list: [{ language: 'es' }, { language: 'en' }, { language: 'fr' }] } };
    expect(render({ id: 'reason.language_match', values: languages }, { locale: 'en' })).toBe('sessions in Spanish, English, and French');
    expect(render({ id: 'reason.language_match', values: languages }, { locale: 'es' })).toBe('sesiones en español, inglés y francés');
    expect(formatMoney(8000, 'USD', { locale: 'es', country: 'US' })).toBe('$80');
    expect(formatMoney(8000, 'EUR', { locale: 'es', country: 'ES' })).toBe('80\u00a0€');
    expect(render({ id: 'caveat.waitlist.days', values: { days: 1 } }, { locale: 'es' })).toBe('lista de espera de aproximadamente 1 día');
    expect(render({ id: 'reason.licensed_in_region', values: { place: { place: 'US-NY' } } }, { locale: 'es' })).toBe(
      'con licencia para atender a personas en Nueva York',
    );
  });

  it('a taxonomy label inside a sentence is the reader’s, lower-cased where the sentence needs it', () => {
    const topics = { topics: { list: [{ term: { vocabulary: 'specialty', code: 'infidelity', lower: true } }] } };
    expect(render({ id: 'reason.specialty_match', values: topics }, { locale: 'en' })).toBe('specializes in infidelity recovery');
    expect(render({ id: 'reason.specialty_match', values: topics }, { locale: 'es' })).toBe(
      'se especializa en recuperación tras una infidelidad',
    );
  });
});
