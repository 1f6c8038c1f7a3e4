import { msg } from '../i18n/message.js';
import { problemsOf } from '../problem/problem.js';

/** Codes of where-is-the-person parameters (`near`, `postalCode`), shared by search and intake. */
export type PlaceErrorCode = 'conflicting_place' | 'out_of_range' | 'unknown_postal_code';

const { invalidField } = problemsOf<PlaceErrorCode>();

export const PlaceErrors = {
  conflictingPlace: () => invalidField('near', 'conflicting_place', msg('problem.conflicting_place')),
  nearOutOfRange: () => invalidField('near', 'out_of_range', msg('problem.near_out_of_range')),
  unknownPostalCode: (code: string, country: string) =>
    invalidField('postalCode', 'unknown_postal_code', msg('problem.unknown_postal_code', { code, country })),
};
