import { describe, expect, it } from '@jest/globals';

import { refusedProviderFields } from './provider-fields.js';

describe('refusedProviderFields', () => {
  it('accepts the provider-owned fields, cost fees included', () => {
    expect(
      refusedProviderFields({
        acceptingNewClients: false,
        waitTimeDays: null,
        cost: { free: false, slidingScale: true, feeMin: 1, feeMax: null, feePeriod: 'per_session', notes: null },
        formats: [],
        languages: [],
        availability: [],
        description: 'x',
      }),
    ).toEqual([]);
  });

  it('names every other field, in order, with cost fields dotted', () => {
    expect(
      refusedProviderFields({ name: 'x', acceptingNewClients: true, cost: { currency: 'GBP', feeMin: 1, insurers: [] }, kind: 'hotline' }),
    ).toEqual(['name', 'cost.currency', 'cost.insurers', 'kind']);
    expect(refusedProviderFields({ lineRoles: null, demo: false, status: 'inactive' })).toEqual(['lineRoles', 'demo', 'status']);
    // Of the translations, the description and cost notes are the provider's; the name never is.
    expect(refusedProviderFields({ translations: { es: { description: 'x', costNotes: 'y', name: 'z' } } })).toEqual([
      'translations.es.name',
    ]);
  });

  it('leaves bodies that are not objects to validation, and a cost that is not an object too', () => {
    for (const body of [null, [], 'x', 1, true, undefined]) expect(refusedProviderFields(body)).toEqual([]);
    expect(refusedProviderFields({ cost: null })).toEqual([]);
    expect(refusedProviderFields({ cost: ['currency'] })).toEqual([]);
  });
});
