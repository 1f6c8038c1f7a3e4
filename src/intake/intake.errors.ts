import { msg } from '../common/i18n/message.js';
import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';

/** Codes of the intake module (problem+json; clients branch on `code`). */
export type IntakeErrorCode = 'postal_country_unsupported' | 'region_country_mismatch';

const { invalidField } = problemsOf<IntakeErrorCode>();

export const IntakeErrors = {
  postalCountryUnsupported: () => invalidField('country', 'postal_country_unsupported', msg('problem.postal_country_unsupported')),
  regionCountryMismatch: (region: string, country: string) =>
    invalidField('region', 'region_country_mismatch', msg('problem.region_country_mismatch', { region, country })),
  /** Also another partner's intake. */
  notFound: () => CommonErrors.notFound('Intake'),
};
