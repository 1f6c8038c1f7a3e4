import { describe, expect, it } from '@jest/globals';

import { exampleResource } from './dto/resource.examples.js';
import { dropStaleTranslations, localizeResource, normalizeTranslations, translationsProblem } from './resource-texts.js';

const translated = () =>
  Object.freeze(
    exampleResource({
      name: 'National Domestic Violence Hotline',
      translations: {
        es: { name: 'Línea Nacional contra la Violencia Doméstica', description: 'Personas defensoras escuchan.', costNotes: 'Gratis.' },
      },
    }),
  );

describe('localizeResource', () => {
  it('an English reader gets the stored texts, the same object, marked en', () => {
    const r = translated();
    const en = localizeResource(r, 'en');
    expect(en).toBe(r);
    expect([en.nameLang, en.descriptionLang, en.cost.notesLang]).toEqual(['en', 'en', 'en']);
  });

  it('a Spanish reader gets the Spanish texts, each marked es, codes and the rest unchanged', () => {
    const r = translated();
    const es = localizeResource(r, 'es');
    expect([es.name, es.nameLang]).toEqual(['Línea Nacional contra la Violencia Doméstica', 'es']);
    expect([es.description, es.descriptionLang]).toEqual(['Personas defensoras escuchan.', 'es']);
    expect([es.cost.notes, es.cost.notesLang]).toEqual(['Gratis.', 'es']);
    expect({ ...es, name: r.name, nameLang: 'en', description: r.description, descriptionLang: 'en', cost: r.cost }).toEqual(r);
    expect(r.name).toBe('National Domestic Violence Hotline'); // the shared response is not changed
    expect(localizeResource(r, 'es')).toBe(es); // one copy per shared response
    expect(Object.isFrozen(es)).toBe(true);
  });

  it('a text with no Spanish stays the stored English, marked en', () => {
    const r = exampleResource({ translations: { es: { description: 'Una práctica pequeña.' } } });
    const es = localizeResource(r, 'es');
    expect([es.name, es.nameLang, es.descriptionLang, es.cost.notes, es.cost.notesLang]).toEqual([r.name, 'en', 'es', r.cost.notes, 'en']);
    expect(localizeResource(exampleResource(), 'es').descriptionLang).toBe('en');
  });
});

describe('translationsProblem', () => {
  it('accepts Spanish texts of known fields, and nothing at all', () => {
    expect(translationsProblem(undefined, false)).toBeUndefined();
    expect(translationsProblem({}, false)).toBeUndefined();
    expect(translationsProblem({ es: { name: 'a', description: 'b', costNotes: 'c' } }, true)).toBeUndefined();
  });

  it.each([
    [[], false, 'translations must be an object keyed by language'],
    [{ fr: { description: 'x' } }, false, 'translations has unknown language fr (one of: es)'],
    [{ es: 'x' }, false, 'translations.es must be an object'],
    [{ es: { hours: 'x' } }, false, 'translations.es has unknown field hours (one of: name, description, costNotes)'],
    [{ es: { description: '  ' } }, false, 'translations.es.description must be a text of 1 to 2000 characters'],
    [{ es: { name: 'x'.repeat(201) } }, false, 'translations.es.name must be a text of 1 to 200 characters'],
    [{ es: { costNotes: 'Gratis.' } }, false, 'translations.es.costNotes needs cost.notes'],
  ])('refuses %j (cost notes: %s)', (value, hasCostNotes, problem) => {
    expect(translationsProblem(value, hasCostNotes)).toBe(problem);
  });
});

describe('normalizeTranslations', () => {
  it('drops empty languages and orders the fields', () => {
    expect(normalizeTranslations(undefined)).toEqual({});
    expect(normalizeTranslations({ es: {} })).toEqual({});
    expect(JSON.stringify(normalizeTranslations({ es: { costNotes: 'c', name: 'a' } }))).toBe('{"es":{"name":"a","costNotes":"c"}}');
  });
});

describe('dropStaleTranslations', () => {
  const before = { name: 'Line', description: 'Open 9 to 5.', costNotes: 'Free.' };
  const translations = { es: { name: 'Línea', description: 'Abierta de 9 a 17 h.', costNotes: 'Gratis.' } };

  it('drops the Spanish of an English text the write changed without writing the Spanish again', () => {
    const after = { ...before, description: 'Open at any hour.', translations };
    expect(dropStaleTranslations(before, after, undefined)).toEqual({ es: { name: 'Línea', costNotes: 'Gratis.' } });
  });

  it('keeps it when the same write wrote it, and drops a language left empty', () => {
    const after = { ...before, description: 'Open at any hour.', translations: { es: { description: 'Abierta a cualquier hora.' } } };
    expect(dropStaleTranslations(before, after, { es: { description: 'Abierta a cualquier hora.' } })).toEqual(after.translations);
    const allChanged = { name: 'New', description: 'New.', costNotes: 'New.', translations };
    expect(dropStaleTranslations(before, allChanged, null)).toEqual({});
  });

  it('leaves translations alone when the English did not change', () => {
    expect(dropStaleTranslations(before, { ...before, translations }, undefined)).toEqual(translations);
  });
});
