import { HttpStatus } from '@nestjs/common';

import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { CommonErrors } from '../common/problem/common.errors.js';
import { documentProblemExtension } from '../common/problem/problem.dto.js';
import { problemsOf } from '../common/problem/problem.js';
import { JOINT_WORK_CONFLICT_TEXT, type JointWorkConflict } from '../intake/matching/joint-work.js';
import { allowedTransitions, REFERRAL_STATUSES, type ReferralStatus } from './referral-lifecycle.js';

/** Codes of the referrals module (problem+json; clients branch on `code`). */
export type ReferralErrorCode =
  | 'intake_not_found'
  | 'resource_not_found'
  | 'referral_unsafe'
  | 'outcome_needs_final_status'
  | 'invalid_transition'
  | 'reason_needs_rejection';

const { problem, invalidField } = problemsOf<ReferralErrorCode>();

documentProblemExtension('currentStatus', { enum: REFERRAL_STATUSES, description: "invalid_transition (409): the referral's status now." });
documentProblemExtension('allowedTransitions', {
  enum: REFERRAL_STATUSES,
  isArray: true,
  description: 'invalid_transition (409): the statuses it can move to from currentStatus.',
});
documentProblemExtension('reason', {
  enum: Object.keys(JOINT_WORK_CONFLICT_TEXT),
  description: 'referral_unsafe (422): why the resource is not a safe referral for this intake.',
});

/** The 409 of a status change, documented alike wherever a referral's status changes (its partner, or the provider). */
export const ApiInvalidTransition = () =>
  ApiProblem(409, 'Not a valid transition from the current status (invalid_transition, with currentStatus and allowedTransitions).');

export const ReferralErrors = {
  /** Another partner's intake answers the same: its existence is not disclosed. */
  intakeNotFound: () =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'intake_not_found', 'No intake of yours has this intakeId (it may have expired).', {
      errors: [{ field: 'intakeId', code: 'not_found', message: 'intake not found' }],
    }),
  resourceNotFound: () =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'resource_not_found', 'No active resource has this resourceId.', {
      errors: [{ field: 'resourceId', code: 'not_found', message: 'resource not found' }],
    }),
  /** The reason names the resource's conflict, never the intake's answers. */
  unsafe: (reason: JointWorkConflict) =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'referral_unsafe', JOINT_WORK_CONFLICT_TEXT[reason], {
      errors: [{ field: 'resourceId', code: reason, message: 'not a safe referral for this intake' }],
      extensions: { reason },
    }),
  outcomeNeedsFinalStatus: () =>
    invalidField(
      'outcome',
      'outcome_needs_final_status',
      'outcome is recorded only with a final status: completed, failed, rejected or cancelled.',
    ),
  reasonNeedsRejection: () =>
    invalidField('reason', 'reason_needs_rejection', 'reason says why a referral is declined: send it with status rejected only.'),
  invalidTransition: (from: ReferralStatus, to: ReferralStatus) =>
    problem(HttpStatus.CONFLICT, 'invalid_transition', `A referral cannot go from ${from} to ${to}.`, {
      extensions: { currentStatus: from, allowedTransitions: [...allowedTransitions(from)] },
    }),
  /** Also another partner's referral. */
  notFound: () => CommonErrors.notFound('Referral'),
};
