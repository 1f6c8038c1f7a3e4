import { HttpStatus } from '@nestjs/common';

import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';
import type { NoteFinding } from './note-screening.js';

/** Codes of reports from the field and their triage (problem+json; clients branch on `code`). */
export type ReportErrorCode = 'report_note_personal_data' | 'report_closed';

const { problem } = problemsOf<ReportErrorCode>();

/** What each finding is called in the problem's detail. */
const FOUND: Record<NoteFinding, string> = {
  email: 'an email address',
  phone_number: 'a phone number (other than the listing’s own)',
  personal_url: 'a link to a person’s page',
  street_address: 'a street address',
  name: 'a person’s name',
};

export const ReportErrors = {
  resourceNotFound: (idOrSlug?: string) => CommonErrors.notFound(idOrSlug ? `Resource ${idOrSlug}` : 'Resource'),
  notFound: () => CommonErrors.notFound('Report'),
  /**
   * 422: the note looks like it carries personal data. The detail says what was found and what to
   * do instead; the note itself is never echoed (nor logged).
   */
  notePersonalData: (finding: NoteFinding) =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'report_note_personal_data',
      `The note seems to contain ${FOUND[finding]}. Notes are kept by Mend and read by its curators, so they must not carry contact details or names (yours or anyone's): describe only what is wrong with the listing, or send the report without a note.`,
      { errors: [{ field: 'note', code: finding, message: `note must not contain ${FOUND[finding]}` }] },
    ),
  /** 409: a report is resolved or dismissed once. */
  closed: (status: string) =>
    problem(HttpStatus.CONFLICT, 'report_closed', `The report is already ${status}; a closed report stays closed.`),
};
