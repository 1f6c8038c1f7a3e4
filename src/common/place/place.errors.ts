import { problemsOf } from '../problem/problem.js';

/** Codes of where-is-the-person parameters (`near`, `postalCode`), shared by search and intake. */
export type PlaceErrorCode = 'conflicting_place' | 'out_of_range' | 'unknown_postal_code';

const { invalidField } = problemsOf<PlaceErrorCode>();

export const PlaceErrors = {
  conflictingPlace: () => invalidField('near', 'conflicting_place', 'Give either near or postalCode, not both.'),
  nearOutOfRange: () => invalidField('near', 'out_of_range', 'near must have a latitude within ±90 and a longitude within ±180.'),
  unknownPostalCode: (code: string, country: string) =>
    invalidField('postalCode', 'unknown_postal_code', `postalCode ${code} is not a known ${country} postal code.`),
};
