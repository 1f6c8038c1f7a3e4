import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';

/** Codes of the intake module (problem+json; clients branch on `code`). */
export type IntakeErrorCode = 'postal_country_unsupported' | 'region_country_mismatch';

const { invalidField } = problemsOf<IntakeErrorCode>();

export const IntakeErrors = {
  postalCountryUnsupported: () =>
    invalidField('country', 'postal_country_unsupported', 'postalCode lookup supports US and CA; send near or region instead.'),
  regionCountryMismatch: (region: string, country: string) =>
    invalidField('region', 'region_country_mismatch', `region ${region} is not in country ${country}.`),
  /** Also another partner's intake. */
  notFound: () => CommonErrors.notFound('Intake'),
};
