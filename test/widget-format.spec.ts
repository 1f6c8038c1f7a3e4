import { describe, expect, it } from '@jest/globals';

import { SafetyAnswersDto } from '../src/intake/dto/create-intake.request.js';
import { CONCERNS, WILLINGNESS } from '../src/intake/matching/types.js';
import { FORMATS, RESOURCE_KINDS } from '../src/taxonomy/taxonomy.js';
import {
  CONCERN_LABELS,
  FORMAT_LABELS,
  formatCost,
  friendlyError,
  type IntakeAnswers,
  intakeBody,
  KIND_LABELS,
  SAFETY_QUESTIONS,
  type SearchFilters,
  searchParams,
  validateSearch,
  WILLINGNESS_LABELS,
} from '../src/widget/client/format.js';

// The widget's pure logic (src/widget/client/format.ts), run under Node.
describe('widget wording and requests', () => {
  it("labels every code of the API's vocabularies, and asks every safety question", () => {
    expect(Object.keys(FORMAT_LABELS).sort()).toEqual([...FORMATS.codes].sort());
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...RESOURCE_KINDS.codes].sort());
    expect(Object.keys(CONCERN_LABELS).sort()).toEqual([...CONCERNS].sort());
    expect(Object.keys(WILLINGNESS_LABELS).sort()).toEqual([...WILLINGNESS].sort());
    const dtoFields = [
      'physicalViolence',
      'feelsAfraid',
      'coerciveControl',
      'sexualViolence',
      'selfHarmRisk',
    ] satisfies (keyof SafetyAnswersDto)[];
    expect(SAFETY_QUESTIONS.map((q) => q.field).sort()).toEqual([...dtoFields].sort());
  });

  it('formats costs in plain words', () => {
    const base = { free: false, slidingScale: false, feeMin: null, feeMax: null, currency: 'USD', insuranceAccepted: false };
    expect(formatCost({ ...base, free: true })).toBe('Free');
    expect(formatCost({ ...base, feeMin: 9000, feeMax: 15000, slidingScale: true })).toBe('$90–$150 per session · sliding scale');
    expect(formatCost({ ...base, feeMin: 4250, feeMax: 4250 })).toBe('$42.50 per session');
    expect(formatCost({ ...base, slidingScale: true })).toBe('Sliding scale');
    expect(formatCost(base)).toBe('Fees not listed');
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
      safety: { feelsAfraid: true, physicalViolence: false, selfHarmRisk: undefined },
      concerns: ['infidelity'],
      willingness: 'both',
      postalCode: '',
      country: 'CA',
      formats: [],
      budget: '0',
      insurance: 'Aetna',
      noInsurance: true,
    };
    expect(intakeBody(answers)).toEqual({
      concerns: ['infidelity'],
      willingness: 'both',
      safety: { feelsAfraid: true, physicalViolence: false },
      country: 'CA',
      budgetPerSession: 0,
      insurance: 'none',
    });
    expect(intakeBody({ ...answers, safety: {}, postalCode: '43215', country: 'US', budget: '', noInsurance: false })).toEqual({
      concerns: ['infidelity'],
      willingness: 'both',
      postalCode: '43215',
      country: 'US',
      insurance: 'Aetna',
    });
  });

  it('words failures for people: rate limits with the wait, never a status dump', () => {
    expect(friendlyError(429, 12)).toBe('A lot of people are searching right now. Please try again in 12 seconds.');
    expect(friendlyError(429)).toContain('in a minute');
    expect(friendlyError('network')).toContain('connection');
    for (const status of [400, 401, 403, 404, 500, 503]) expect(friendlyError(status)).not.toMatch(/\d{3}|{|error/i);
  });
});
